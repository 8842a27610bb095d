import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport, FORMATS, projectPaths } from "../../src/pipeline.js";
import { memoryOutput } from "../../src/render/effects.js";
import { REPO } from "../helpers/project.js";

/** Every file under `dir` with its size and modification time: what a build would have touched on disk. */
function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

describe("the build with its effects handed in", () => {
  it("builds every format into memory with a fixed clock, writing nothing to disk", async () => {
    const paths = projectPaths(REPO);
    const before = snapshot(paths.outputDir);
    const files = new Map<string, string | Uint8Array>();
    const log: string[] = [];
    const outputs = await buildReport(paths, 2025, {
      log: (line) => log.push(line),
      now: () => 0,
      clock: () => new Date("2026-03-01T12:00:00.000Z"),
      cacheDir: false,
      output: memoryOutput(files),
    });

    const dir = join(paths.outputDir, "2025");
    // Each format's main file (the web edition's is its front page, beside the rest of its folder), and the build record.
    const mainFile = (format: string) => (format === "web" ? join(dir, "web", "index.html") : join(dir, `kostra-analyse-2025.${format}`));
    const site = [...files.keys()].filter((path) => path.startsWith(join(dir, "web") + "/"));
    expect(site).toContain(join(dir, "web", "kapittel", "grunnskole.html"));
    expect([...files.keys()].filter((path) => !site.includes(path)).sort()).toEqual([...FORMATS.filter((format) => format !== "web").map(mainFile), join(dir, "kostra-analyse-2025.build-record.json")].sort());
    expect(outputs.files).toEqual(Object.fromEntries(FORMATS.map((format) => [format, mainFile(format)])));
    expect(JSON.parse(String(files.get(join(dir, "kostra-analyse-2025.build-record.json")))).builtAt).toBe("2026-03-01T12:00:00.000Z");
    expect(Buffer.from(files.get(join(dir, "kostra-analyse-2025.pdf")) as Uint8Array).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.from(files.get(join(dir, "kostra-analyse-2025.docx")) as Uint8Array).subarray(0, 2).toString()).toBe("PK");
    const html = String(files.get(join(dir, "kostra-analyse-2025.html")));
    expect(html).toContain("<svg role=\"img\"");
    expect(outputs.pages).toBeGreaterThan(10);
    // The fixed clock times every stage at 0 ms; no cache was read or written (cacheDir: false).
    expect(log.filter((line) => / ms$/.test(line)).every((line) => / 0 ms$/.test(line))).toBe(true);
    expect(log.some((line) => /^ {2}figurer +\d+ tegnet, 0 fra hurtiglageret$/.test(line))).toBe(true);
    expect(log.some((line) => line.includes("som i forrige bygg"))).toBe(false);
    expect(snapshot(paths.outputDir)).toEqual(before);
  }, 180_000);
});
