import { join } from "node:path";
import { acquireLock, type Lock } from "../lock/lockFile.js";

/** Where a year's lock lives: beside its data, hidden (the document scan skips dot-names). */
export function yearLockPath(root: string, year: number): string {
  return join(root, "data", String(year), ".kostra.lock");
}

/**
 * The year's data to this run alone (import, fetch): a second run stops with
 * a message naming the first instead of overwriting its rows.
 */
export function lockYear(root: string, year: number, command: string): Lock {
  return acquireLock(yearLockPath(root, year), { command, display: `data/${year}/.kostra.lock`, guards: `data/${year}` });
}
