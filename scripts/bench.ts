/**
 * npm run bench: how long the build takes and how much memory it uses.
 * Speed is measured here, never asserted in tests (a loaded CI machine would
 * make a timed test flaky). Usage: npm run bench [-- <year> <runs>]
 */
import { mkdtempSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildModel, buildReport, projectPaths } from "../src/pipeline.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const year = Number(process.argv[2] ?? 2025);
const runs = Number(process.argv[3] ?? 5);
const quiet = { log: () => {}, now: () => performance.now() };

// Build into a scratch copy so the benchmark never touches output/.
const scratch = mkdtempSync(join(tmpdir(), "kostra-bench-"));
cpSync(join(root, "data"), join(scratch, "data"), { recursive: true });
cpSync(join(root, "templates"), join(scratch, "templates"), { recursive: true });
const paths = projectPaths(scratch);

let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(28)} median ${median.toFixed(0).padStart(6)} ms   min ${times[0]!.toFixed(0).padStart(6)} ms   max ${times.at(-1)!.toFixed(0).padStart(6)} ms   (${runs} runs)`);
}

await time("model (load → charts)", () => buildModel(paths, year, quiet));
await time("full report (PDF, Word, HTML)", () => buildReport(paths, year, quiet));
clearInterval(sample);
console.log(`peak RSS of this process ${(peakRss / 1024 / 1024).toFixed(0)} MiB (Chromium runs in its own processes)`);
