import type { ObservationRow } from "../data/schemas.js";

export interface ValueChange {
  readonly before: ObservationRow;
  readonly after: ObservationRow;
}

export interface MergeResult {
  /** Every row of the file after the import: changed rows in place, new rows at the end. */
  readonly rows: readonly ObservationRow[];
  readonly added: readonly ObservationRow[];
  readonly changed: readonly ValueChange[];
  /** Same value (or same symbol); the provenance is brought up to date (e.g. preliminary → final). */
  readonly unchanged: readonly ValueChange[];
}

const key = (row: ObservationRow) => `${row.indicator}\u0000${row.region}\u0000${row.year}`;

/** The imported rows laid over the file's rows: nothing is overwritten without being listed. */
export function mergeObservations(existing: readonly ObservationRow[], imported: readonly ObservationRow[]): MergeResult {
  const incoming = new Map(imported.map((row) => [key(row), row]));
  const changed: ValueChange[] = [];
  const unchanged: ValueChange[] = [];
  const rows = existing.map((before) => {
    const after = incoming.get(key(before));
    if (!after) return before;
    incoming.delete(key(before));
    const merged = { ...after, note: after.note || before.note };
    (sameValue(before, after) ? unchanged : changed).push({ before, after: merged });
    return merged;
  });
  const added = [...incoming.values()];
  return { rows: [...rows, ...added], added, changed, unchanged };
}

function sameValue(a: ObservationRow, b: ObservationRow): boolean {
  return a.value === b.value && a.status === b.status;
}

/** "13,9 (SSB 12362, foreløpig, oppdatert 2025-03-15)" — the value with where it came from. */
export function describeProvenance(row: ObservationRow): string {
  const parts = [row.source || "the indicator's source", row.release, row.updated ? `oppdatert ${row.updated.slice(0, 10)}` : "", row.basis === "tekst" ? "lest fra teksten" : ""].filter(Boolean);
  return parts.join(", ");
}
