/**
 * The typed result of reading one SSB file (JSON-stat 2.0 or the CSV download):
 * one cell per combination of statistics variable, region, year and any other
 * dimension. Plain data, no behaviour; the data stage decides what to keep.
 */

export type SsbFormat = "json-stat2" | "csv-long" | "csv-wide";

export interface SsbCell {
  /** ContentsCode (JSON-stat) or, in a CSV, the variable's label (the lead maps labels to codes). */
  readonly contents: string;
  readonly contentsLabel: string;
  /** Region code as SSB gives it: "3201", "EAKUO", "EKG13", "0". */
  readonly region: string;
  /** The region's label without the leading code: "Bærum (2020-2023)". */
  readonly regionLabel: string;
  readonly year: number;
  /** Every other dimension: dimension id (CSV: column header) → category code (CSV: code or text). */
  readonly dimensions: Readonly<Record<string, string>>;
  /** `null` when SSB has no number for the cell; `status` then says why. */
  readonly value: number | null;
  /** SSB's symbol for the cell (see symbols.ts), when it has one. */
  readonly status?: string;
  readonly unit?: string;
  readonly decimals?: number;
}

export interface SsbDataset {
  /** The file the cells were read from, as it should appear in messages. */
  readonly file: string;
  readonly format: SsbFormat;
  /** SSB's table number, e.g. "12134". */
  readonly table: string;
  readonly label: string;
  readonly updated: string | undefined;
  readonly source: string | undefined;
  readonly notes: readonly string[];
  readonly cells: readonly SsbCell[];
}

/** "12134: Utvalgte nøkkeltall …" → "12134". */
export function tableFromLabel(label: string): string | undefined {
  return /^\s*(\d{5})\s*:/.exec(label)?.[1];
}
