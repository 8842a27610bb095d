import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pruneCache } from "../../src/output/cacheEntries.js";
import { runReport, scratchProject } from "../helpers/project.js";

/**
 * output/.cache/ keeps an entry per content hash; entries no build has used
 * for 30 days are deleted after a build, entries a build used are kept
 * however old they were (src/output/cacheEntries.ts).
 */
const DAY = 24 * 60 * 60 * 1000;
const ageBy = (path: string, days: number) => {
  const then = new Date(Date.now() - days * DAY);
  utimesSync(path, then, then);
};
function entries(dir: string): string[] {
  return readdirSync(dir).flatMap((shard) => readdirSync(join(dir, shard)).map((name) => join(dir, shard, name)));
}

describe("cache pruning", () => {
  it("after a build, removes chart and Word-layout entries unused for 30 days and keeps those the build used", () => {
    const root = scratchProject();
    expect(runReport(["2025", "--root", root, "--format", "html,docx"]).status).toBe(0);
    const charts = join(root, "output", ".cache", "charts");
    const pages = join(root, "output", ".cache", "word-pages");
    const used = [...entries(charts), ...entries(pages)];
    expect(entries(pages).length).toBeGreaterThan(0);
    // Everything the build wrote looks two months old; beside it an entry of an old edit, and a recent one.
    for (const path of used) ageBy(path, 60);
    mkdirSync(join(charts, "ff"), { recursive: true });
    const stale = join(charts, "ff", `${"f".repeat(64)}.json`);
    const recent = join(pages, "ee", `${"e".repeat(64)}.json`);
    mkdirSync(join(pages, "ee"), { recursive: true });
    writeFileSync(stale, "{}");
    writeFileSync(recent, "{}");
    ageBy(stale, 31);
    ageBy(recent, 29);

    const result = runReport(["2025", "--root", root, "--format", "html,docx"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}hurtiglager 1 oppføring\(er\) som ingen bygg har brukt på 30 dager, slettet fra output\/\.cache\/$/m);
    const left = [...entries(charts), ...entries(pages)];
    expect(left).not.toContain(stale);
    expect(left).toContain(recent);
    for (const path of used) {
      expect(left).toContain(path);
      // Read by this build, so used today.
      expect(Date.now() - statSync(path).mtimeMs).toBeLessThan(DAY);
    }
  });

  it("a cache folder that is a file costs only time: the build draws, lays out and writes as without a cache", () => {
    const root = scratchProject();
    mkdirSync(join(root, "output", ".cache"), { recursive: true });
    writeFileSync(join(root, "output", ".cache", "charts"), "not a folder");
    writeFileSync(join(root, "output", ".cache", "word-pages"), "not a folder");
    const result = runReport(["2025", "--root", root, "--format", "html,docx"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(statSync(join(root, "output", "2025", "kostra-analyse-2025.docx")).size).toBeGreaterThan(10_000);
  });

  it("removes a temporary file a stopped build left after an hour, and keeps an entry of the same age", () => {
    const folder = join(scratchProject(), "output", ".cache", "charts");
    mkdirSync(join(folder, "ab"), { recursive: true });
    const left = join(folder, "ab", `${"a".repeat(64)}.json.1234.x1.tmp`);
    const entry = join(folder, "ab", `${"a".repeat(64)}.json`);
    writeFileSync(left, "{");
    writeFileSync(entry, "{}");
    for (const path of [left, entry]) ageBy(path, 2 / 24);
    expect(pruneCache(folder, Date.now())).toBe(1);
    expect(entries(folder)).toEqual([entry]);
  });

  it("leaves a missing or unreadable cache folder alone", () => {
    expect(pruneCache(join(scratchProject(), "output", ".cache", "nothing-here"), Date.now())).toBe(0);
  });
});
