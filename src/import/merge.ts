import type { ObservationRow } from "../data/schemas.js";
import { msg } from "../messages/catalogue.js";

export interface ValueChange {
  readonly before: ObservationRow;
  readonly after: ObservationRow;
}

export interface MergeResult {
  /** Every row of the file after the import: changed rows in place, new rows at the end. */
  readonly rows: readonly ObservationRow[];
  readonly added: readonly ObservationRow[];
  readonly changed: readonly ValueChange[];
  /** Same value (or same symbol); only a change from preliminary to final updates the row. */
  readonly unchanged: readonly ValueChange[];
  /** Incoming figures older than the stored ones (an earlier download): the stored row is kept. */
  readonly older: readonly ValueChange[];
}

const key = (row: ObservationRow) => `${row.indicator}\u0000${row.region}\u0000${row.year}`;

/**
 * The imported rows laid over the file's rows: nothing is overwritten
 * without being listed, and nothing newer is overwritten by something older —
 * a March download imported after the June one keeps June's final figures.
 */
export function mergeObservations(existing: readonly ObservationRow[], imported: readonly ObservationRow[]): MergeResult {
  const incoming = new Map(imported.map((row) => [key(row), row]));
  const changed: ValueChange[] = [];
  const unchanged: ValueChange[] = [];
  const older: ValueChange[] = [];
  const rows = existing.map((before) => {
    const after = incoming.get(key(before));
    if (!after) return before;
    incoming.delete(key(before));
    if (isOlder(after, before)) {
      older.push({ before, after });
      return before;
    }
    const merged = { ...after, note: after.note || before.note };
    if (!sameValue(before, after)) {
      changed.push({ before, after: merged });
      return merged;
    }
    unchanged.push({ before, after: merged });
    // The same figure: the row stays as it is, unless SSB has now made it final.
    return before.release === "foreløpig" && after.release === "endelig" ? merged : before;
  });
  const added = [...incoming.values()];
  return { rows: [...rows, ...added], added, changed, unchanged, older };
}

/** Older by SSB's update time, or a preliminary figure offered for a final one. */
function isOlder(incoming: ObservationRow, stored: ObservationRow): boolean {
  if (stored.release === "endelig" && incoming.release === "foreløpig") return true;
  return incoming.updated !== "" && stored.updated !== "" && incoming.source === stored.source && incoming.updated < stored.updated;
}

function sameValue(a: ObservationRow, b: ObservationRow): boolean {
  return a.value === b.value && a.status === b.status;
}

/** "13,9 (SSB 12362, foreløpig, oppdatert 2025-03-15)" — the value with where it came from. */
export function describeProvenance(row: ObservationRow): string {
  return msg.importing.provenance(row.source, row.release, row.updated.slice(0, 10), row.basis === "tekst").text;
}
