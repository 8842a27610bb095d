/**
 * SSB's standard symbols in tables ("standardtegn", ssb.no/diverse/standardtegn-i-tabeller),
 * as they arrive in a JSON-stat `status` or in place of a number in the CSV download:
 *
 *   "."    not applicable: the category was not in use        → value null
 *   ".."   missing: not received, or too uncertain to publish → value null
 *   "..."  not yet available (older tables)                   → value null
 *   ":"    suppressed for confidentiality                     → value null
 *   "-"    nil: nothing to report, the number is zero (older tables) → value 0
 *
 * A missing cell always carries `value: null` and its symbol, never 0, even if
 * the file put a number next to the symbol. "-" is SSB's way of writing an
 * actual zero ("0" on its own means "less than half the unit"), so it becomes 0
 * and keeps the symbol. Any other status (e.g. "*" provisional) is kept with the
 * number as it is.
 */

import { isSymbol } from "../format/symbols.js";

export const NIL_SYMBOL = "-";

export interface CellValue {
  readonly value: number | null;
  readonly status?: string;
}

/** ".", "..", "..." or ":" (what each means: src/format/symbols.ts, one list for tables, notes and import). */
export function isMissingSymbol(symbol: string): boolean {
  return isSymbol(symbol);
}

/** Combines a JSON-stat value with its status symbol. */
export function cellValue(value: number | null, status: string | undefined): CellValue {
  if (status === undefined || status === "") return { value };
  if (isMissingSymbol(status)) return { value: null, status };
  if (status === NIL_SYMBOL) return { value: value ?? 0, status };
  return { value, status };
}

/**
 * A cell of SSB's CSV download: a number with a decimal comma (or point),
 * one of the symbols, or empty. Returns undefined for anything else.
 */
export function parseCsvCell(text: string): CellValue | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return { value: null };
  if (isMissingSymbol(trimmed)) return { value: null, status: trimmed };
  if (trimmed === NIL_SYMBOL) return { value: 0, status: NIL_SYMBOL };
  if (!/^-?\d+(?:[.,]\d+)?$/.test(trimmed)) return undefined;
  return { value: Number(trimmed.replace(",", ".")) };
}
