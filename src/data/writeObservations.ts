import type { ObservationRow } from "./schemas.js";

/** The columns of data/<year>/observations.csv, in order. */
export const OBSERVATION_COLUMNS = ["indicator", "region", "year", "value", "status", "source", "release", "updated", "imported", "basis", "note"] as const;

/**
 * Observations as the machine-format CSV (commas, decimal points), one row
 * per line. A row given in `keep` is written as the line it was read from,
 * so an import changes only the lines whose figures changed (143.0 stays 143.0).
 */
export function observationsCsv(rows: readonly ObservationRow[], keep: ReadonlyMap<ObservationRow, string> = new Map()): string {
  const lines = rows.map((row) =>
    keep.get(row) ?? OBSERVATION_COLUMNS.map((column) => {
      const value = row[column];
      return field(value === undefined ? "" : String(value));
    }).join(","),
  );
  return `${OBSERVATION_COLUMNS.join(",")}\n${lines.join("\n")}\n`;
}

function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
