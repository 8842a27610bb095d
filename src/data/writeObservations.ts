import type { ObservationRow } from "./schemas.js";

/** The columns of data/<year>/observations.csv, in order. */
export const OBSERVATION_COLUMNS = ["indicator", "region", "year", "value", "status", "source", "release", "updated", "imported", "basis", "note"] as const;

/** Observations as the machine-format CSV (commas, decimal points), one row per line. */
export function observationsCsv(rows: readonly ObservationRow[]): string {
  const lines = rows.map((row) =>
    OBSERVATION_COLUMNS.map((column) => {
      const value = row[column];
      return field(value === undefined ? "" : String(value));
    }).join(","),
  );
  return `${OBSERVATION_COLUMNS.join(",")}\n${lines.join("\n")}\n`;
}

function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
