import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceInFile } from "../helpers/edit.js";
import { runReport, scratchProject } from "../helpers/project.js";

/**
 * The chart cache on disk (output/.cache/charts/, src/charts/diskCache.ts),
 * through the real command: hits are counted from its log line, never timed.
 */
const html = (root: string) => readFileSync(join(root, "output", "2025", "kostra-analyse-2025.html"), "utf8");
const svgs = (text: string) => [...text.matchAll(/<svg role="img"[\s\S]*?<\/svg>/g)].map((m) => m[0]);

function build(root: string): { rendered: number; cached: number } {
  const result = runReport(["2025", "--root", root, "--format", "html"]);
  expect(result.stderr).not.toContain("feil");
  expect(result.status).toBe(0);
  const line = /^ {2}figurer +(\d+) tegnet, (\d+) fra hurtiglageret$/m.exec(result.stdout);
  expect(line, result.stdout).not.toBeNull();
  return { rendered: Number(line![1]), cached: Number(line![2]) };
}

function cacheFiles(root: string): string[] {
  const dir = join(root, "output", ".cache", "charts");
  return readdirSync(dir).flatMap((sub) => readdirSync(join(dir, sub)).map((name) => join(dir, sub, name)));
}

describe("chart cache on disk", () => {
  it("serves unchanged charts from disk across runs and renders again exactly the chart whose value changed", () => {
    const root = scratchProject();
    const cold = build(root);
    const charts = svgs(html(root));
    expect(charts.length).toBeGreaterThan(5);
    expect(cold).toEqual({ rendered: charts.length, cached: 0 });
    expect(cacheFiles(root)).toHaveLength(charts.length);

    // Nothing changed: every chart from the cache, the same bytes as rendered.
    const firstHtml = html(root);
    expect(build(root)).toEqual({ rendered: 0, cached: charts.length });
    expect(html(root)).toBe(firstHtml);

    // One value changed: its chart is drawn anew (never the stale one), the others come from the cache.
    replaceInFile(root, "data/2025/observations.csv", "gruppestorrelse-1,3201,2024,13.9,", "gruppestorrelse-1,3201,2024,17.9,");
    const after = build(root);
    const changed = svgs(html(root));
    expect(changed).toHaveLength(charts.length);
    const differing = changed.filter((svg, i) => svg !== charts[i]);
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.some((svg) => svg.includes("17,9"))).toBe(true);
    expect(after).toEqual({ rendered: differing.length, cached: charts.length - differing.length });
  });

  it("ignores a corrupt entry, renders that chart again and rewrites the entry", () => {
    const root = scratchProject();
    const cold = build(root);
    const before = html(root);
    const [victim] = cacheFiles(root);
    writeFileSync(victim!, '{"svg": "<svg>truncat');
    expect(build(root)).toEqual({ rendered: 1, cached: cold.rendered - 1 });
    expect(html(root)).toBe(before);
    expect(JSON.parse(readFileSync(victim!, "utf8")).svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(build(root)).toEqual({ rendered: 0, cached: cold.rendered });
  });
});
