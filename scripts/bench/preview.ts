/**
 * npm run bench (default mode): how long the build takes and how much memory it uses.
 * Speed is measured here, never asserted in tests (a loaded CI machine would
 * make a timed test flaky). Usage: npm run bench [-- <year> <runs>]
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildModel, buildReport, projectPaths } from "../../src/pipeline.js";
import { startPreview } from "../../src/preview/server.js";
import { launchBrowser } from "../../src/render/pdf/browser.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
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

/**
 * Preview: time from saving a commentary file to the new text being on the
 * page in Chromium (watch → rebuild with cached charts → server-sent event →
 * reload → render).
 */
async function previewRefresh(): Promise<void> {
  const preview = await startPreview(paths, { year, port: 0, log: () => {} });
  // The viewer may visit 127.0.0.1 (the printing browser reaches not even this machine).
  const browser = await launchBrowser(undefined, { allowLoopback: true });
  try {
    const page = await browser.newPage();
    await page.goto(preview.url, { waitUntil: "load" });
    const file = join(scratch, "data", String(year), "commentary", "grunnskole", "08-sfo.md");
    const original = readFileSync(file, "utf8");
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const token = `Benchmark-endring ${i}.`;
      const start = performance.now();
      writeFileSync(file, original.replace("Skolefritidsordningen i Bærum har", `${token} Skolefritidsordningen i Bærum har`));
      await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout: 30_000 }, token);
      times.push(performance.now() - start);
      await preview.settled();
    }
    writeFileSync(file, original);
    times.sort((a, b) => a - b);
    console.log(`${"preview: save → new text shown".padEnd(28)} median ${times[Math.floor(times.length / 2)]!.toFixed(0).padStart(6)} ms   min ${times[0]!.toFixed(0).padStart(6)} ms   max ${times.at(-1)!.toFixed(0).padStart(6)} ms   (${runs} saves)`);
  } finally {
    await browser.close();
    await preview.close();
  }
}

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

await time("model (load → charts), warm", () => buildModel(paths, year, quiet));
await time("full report (PDF, Word, HTML)", () => buildReport(paths, year, quiet));
await previewRefresh();
clearInterval(sample);
console.log(`peak RSS of this process ${(peakRss / 1024 / 1024).toFixed(0)} MiB (Chromium runs in its own processes)`);
