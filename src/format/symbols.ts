import type { TableCell } from "../types/model.js";
import { MISSING } from "./norwegian.js";

/**
 * SSB's symbols for a table cell without a number (standardtegn), what a
 * footnote says about each, and the word a chart's alt text says for a value
 * that is not there. One place, so tables, notes and accessible names agree:
 * a symbol in a table cell is text, expanded with its footnote's words
 * (symbolExpansion), never an image.
 */
/** The symbols themselves, in the order a footnote lists them. */
export const MISSING_SYMBOLS = [MISSING, ".", "...", ":"] as const;

export const SYMBOLS = {
  [MISSING]: { note: "Tallet finnes ikke i kilden.", spoken: "mangler" },
  ".": { note: "Tallet kan ikke forekomme (ikke relevant).", spoken: "ikke relevant" },
  "...": { note: "Tallet er ikke tilgjengelig ennå.", spoken: "ikke tilgjengelig ennå" },
  ":": { note: "Tallet vises ikke av personvernhensyn.", spoken: "skjult av personvernhensyn" },
} as const satisfies Record<(typeof MISSING_SYMBOLS)[number], { note: string; spoken: string }>;

export type Symbol = keyof typeof SYMBOLS;

export function isSymbol(text: string): text is Symbol {
  return Object.hasOwn(SYMBOLS, text);
}

/** "..: Tallet finnes ikke i kilden." */
export function symbolNote(symbol: Symbol): string {
  return `${symbol}: ${SYMBOLS[symbol].note}`;
}

/** What a symbol in a table cell stands for, in the footnote's words: its expansion (HTML `abbr`, PDF `/E`). */
export function symbolExpansion(symbol: Symbol): string {
  return SYMBOLS[symbol].note;
}

/** The expansion of a table cell that holds a symbol instead of a number; undefined for a number. */
export function cellExpansion(cell: TableCell): string | undefined {
  return cell.value === undefined && isSymbol(cell.text) ? symbolExpansion(cell.text) : undefined;
}
