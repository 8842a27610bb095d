import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./atomicWrite.js";

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

/** Where an entry lives: `<folder>/<first 2 hex of the key>/<key>.json`. */
function entryPath(folder: string, key: string): string {
  return join(folder, key.slice(0, 2), `${key}.json`);
}

/**
 * What binds an entry's content to its key: SHA-256 of the key and the
 * value's JSON. An entry whose value was edited (by hand, by a tool, by
 * another program's bug) while its key was kept no longer matches, and is
 * made anew instead of trusted: a key says what the value was made from,
 * not that the file still holds it.
 */
function sealOf(key: string, valueJson: string): string {
  return createHash("sha256").update(key).update("\u0000").update(valueJson).digest("hex");
}

/**
 * The entry stored under `key`, as the object it was written from, marked
 * used; undefined when there is none, or it is unreadable, another key's, or
 * its content is not what was written under the key (then the caller makes
 * it anew and writes it again).
 */
export function readCacheEntry(folder: string, key: string): Record<string, unknown> | undefined {
  const path = entryPath(folder, key);
  try {
    const entry: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return undefined;
    const { key: storedKey, sha256, ...value } = entry as Record<string, unknown>;
    // The value's JSON as written: JSON.parse keeps the key order, and numbers and strings read back exactly.
    if (storedKey !== key || sha256 !== sealOf(key, JSON.stringify(value))) return undefined;
    markUsed(path);
    return value;
  } catch {
    return undefined;
  }
}

/**
 * Written whole or not at all (writeFileAtomic), so a reader (another build
 * at the same time) sees the whole entry or none. The cache only saves time:
 * a folder that cannot be written is no reason to fail the build.
 */
export function writeCacheEntry(folder: string, key: string, value: object): void {
  try {
    const plain = { ...value };
    writeFileAtomic(entryPath(folder, key), JSON.stringify({ key, sha256: sealOf(key, JSON.stringify(plain)), ...plain }));
  } catch {
    // A file where the folder should be, a read-only or full disk: the next build lays out or draws it again.
  }
}

/** The entry was used now. A cache only saves time: a file that cannot be touched is no error. */
function markUsed(path: string): void {
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
