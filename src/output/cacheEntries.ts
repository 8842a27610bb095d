import { readdirSync, rmdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

/**
 * The build caches under output/.cache/ (charts/, word-pages/) keep one file
 * per content hash, so every edit adds entries that no build will ask for
 * again. An entry's modification time says when a build last used it (it is
 * set when the entry is read, and when it is written); after a build,
 * entries no build has used for CACHE_DAYS are deleted, so the folder stays
 * about as big as what the year's documents use.
 */
export const CACHE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A temporary file of a cache write that failed, removed if it is there. The
 * folder may be no folder at all (ENOTDIR) or one we cannot enter (EACCES):
 * then there is nothing to remove, and a cache must never fail the build.
 */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing of ours is there.
  }
}

/** The entry was used now. A cache only saves time: a file that cannot be touched is no error. */
export function markUsed(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Read-only output folder, or the entry just removed by another build: it is then only not kept as long.
  }
}

/**
 * Deletes the entries of a cache folder (`<2 hex>/<key>.json`, and temporary
 * files a killed build left) that no build has used for `days`. Returns how
 * many were deleted; a folder that is missing or cannot be read is left alone.
 */
export function pruneCache(folder: string, now: number, days = CACHE_DAYS): number {
  const cutoff = now - days * DAY_MS;
  // A temporary file an hour old belongs to no running build: it was left by one that was stopped.
  const temporaryCutoff = now - 60 * 60 * 1000;
  let removed = 0;
  for (const shard of entriesOf(folder)) {
    const shardPath = join(folder, shard);
    for (const name of entriesOf(shardPath)) {
      const path = join(shardPath, name);
      try {
        const stat = statSync(path);
        if (!stat.isFile() || stat.mtimeMs >= (name.endsWith(".tmp") ? temporaryCutoff : cutoff)) continue;
        rmSync(path, { force: true });
        removed++;
      } catch {
        // Removed meanwhile by another build, or not ours to remove.
      }
    }
    try {
      rmdirSync(shardPath);
    } catch {
      // Not empty (the usual case), or not a folder.
    }
  }
  return removed;
}

function entriesOf(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
