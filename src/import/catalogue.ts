import type { Indicator } from "../data/dataset.js";
import type { SsbCell } from "./dataset.js";

/** Where one indicator of the catalogue (data/indicators.csv) is published by SSB. */
export interface SsbMapping {
  readonly indicator: Indicator;
  readonly table: string;
  /**
   * ContentsCode and/or the variable's label as SSB's CSV download writes it
   * (the CSV has no codes): `ssb_contents` may give both, "KOSAG210000 | Netto driftsutgifter per innbygger (kr)".
   */
  readonly contents: readonly string[];
  /** Other dimensions held fixed: dimension id (or CSV column) → code. */
  readonly dimensions: ReadonlyMap<string, string>;
}

/** The catalogue's SSB mappings, by table number. */
export function ssbMappings(indicators: Iterable<Indicator>): Map<string, SsbMapping[]> {
  const byTable = new Map<string, SsbMapping[]>();
  for (const indicator of indicators) {
    if (!indicator.ssb_table || !indicator.ssb_contents) continue;
    const dimensions = new Map(
      indicator.ssb_dimensions
        .split(/\s+/)
        .filter(Boolean)
        .map((pair) => pair.split("=") as [string, string]),
    );
    const list = byTable.get(indicator.ssb_table) ?? [];
    list.push({ indicator, table: indicator.ssb_table, contents: indicator.ssb_contents.split("|").map((text) => text.trim()).filter(Boolean), dimensions });
    byTable.set(indicator.ssb_table, list);
  }
  return byTable;
}

/**
 * Whether a cell is this indicator's: same contents (code or label), and every
 * fixed dimension has the wanted code. A CSV names its columns in words
 * ("funksjon" rather than "KOKfunksjon0000"), so a fixed dimension the cell
 * does not have by name matches when any of its dimensions has the code.
 */
export function matches(mapping: SsbMapping, cell: SsbCell): boolean {
  if (!sameContents(mapping, cell)) return false;
  const values = Object.values(cell.dimensions);
  for (const [dimension, code] of mapping.dimensions) {
    const own = cell.dimensions[dimension];
    if (own !== undefined ? own !== code : !values.includes(code)) return false;
  }
  return true;
}

export function sameContents(mapping: SsbMapping, cell: SsbCell): boolean {
  return mapping.contents.includes(cell.contents) || mapping.contents.includes(cell.contentsLabel);
}

/** The ContentsCodes of a mapping, for a PxWebApi query (labels are for CSV files only). */
export function contentsCodes(mapping: SsbMapping): string[] {
  return mapping.contents.filter((text) => /^[A-Za-z0-9_]+$/.test(text));
}

/** SSB's number in the indicator's unit: kr → 1 000 kr when the indicator counts in thousands. */
export function inIndicatorScale(value: number, indicator: Indicator): number {
  const converted = (value * indicator.ssb_scale) / indicator.scale;
  // Undo binary noise from the division (136800 / 1000 must stay 136.8).
  return Number(converted.toPrecision(12));
}
