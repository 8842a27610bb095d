import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readCacheEntry, writeCacheEntry } from "../../src/output/cacheEntries.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), "kostra-cache-entries-"));
  dirs.push(dir);
  return dir;
};
const KEY = "ab".repeat(32);
const path = (dir: string) => join(dir, "ab", `${KEY}.json`);

describe("cache entries are bound to their key by a hash of their content", () => {
  it("reads back what was written", () => {
    const dir = folder();
    writeCacheEntry(dir, KEY, { pages: 3, bookmarkPages: [1, 2, 3] });
    expect(readCacheEntry(dir, KEY)).toEqual({ pages: 3, bookmarkPages: [1, 2, 3] });
  });

  it("an entry whose value was edited while its key was kept is a miss", () => {
    const dir = folder();
    writeCacheEntry(dir, KEY, { pages: 3, bookmarkPages: [1, 2, 3] });
    const stored = JSON.parse(readFileSync(path(dir), "utf8"));
    expect(stored.key).toBe(KEY);
    writeFileSync(path(dir), JSON.stringify({ ...stored, bookmarkPages: [1, 2, 2] }));
    expect(readCacheEntry(dir, KEY)).toBeUndefined();
  });

  it("an entry copied under another key is a miss, even with its key field changed to match", () => {
    const dir = folder();
    const other = "cd".repeat(32);
    writeCacheEntry(dir, other, { svg: "<svg>a</svg>" });
    const stored = JSON.parse(readFileSync(join(dir, "cd", `${other}.json`), "utf8"));
    writeCacheEntry(dir, KEY, { svg: "<svg>b</svg>" });
    writeFileSync(path(dir), JSON.stringify({ ...stored, key: KEY }));
    expect(readCacheEntry(dir, KEY)).toBeUndefined();
  });
});
