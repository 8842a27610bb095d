/**
 * npm run bench -- --full [--chapters 12] [--runs 3] [--year 2025]
 *
 * Issue 13's measuring harness. A synthetic full-size project
 * (scripts/synthetic.ts) is built through the real command line, cold, in a
 * fresh folder each time, against the bare stages (scripts/bareStages.ts),
 * alternating product, bare, product, bare so drift on a shared machine
 * cancels in the medians. Then: twice the size, a rebuild after one
 * commentary edit, `check`, and the repository's 2025 report cold against its
 * own bare stages. Prints one table and writes output/bench/full-<time>.json
 * and output/bench/latest.json. Nothing is written to data/.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { writeSyntheticProject } from "../synthetic.js";
import type { BareResult } from "../bareStages.js";
import { loadAverage, runMeasured, type RunResult } from "./measure.js";
import { benchClaims } from "./claims.js";
import { renderReport, type BenchReport, type ProductRun } from "./report.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--full"),
  options: { chapters: { type: "string", default: "12" }, runs: { type: "string", default: "3" }, year: { type: "string", default: "2025" } },
});
const chapters = Number(values.chapters);
const runs = Math.max(1, Number(values.runs));
const year = Number(values.year);
const started = performance.now();
const base = mkdtempSync(join(tmpdir(), "kostra-bench-full-"));
const node = process.execPath;
/** What `npm run report` runs: the command line compiled by esbuild (scripts/kostra.mjs), built before the first run. */
const cli = join(repo, "scripts", "kostra.mjs");
const log = (line: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** The build's Norwegian stage names (src/pipeline.ts) as this harness's tables name them. */
const STAGE_KEYS: Readonly<Record<string, string>> = {
  last: "load",
  tekst: "narrative",
  kontroll: "check",
  modell: "model",
  figurer: "charts",
  maler: "templates",
  pdf: "pdf",
  word: "docx",
  formater: "render",
  skriv: "write",
};

function stages(stdout: string): Record<string, number> {
  return Object.fromEntries([...stdout.matchAll(/^ {2}([a-z]+)\s+(\d+) ms$/gm)].map((m) => [STAGE_KEYS[m[1]!] ?? m[1]!, Number(m[2])]));
}

function pdfPages(file: string): number | undefined {
  try {
    return Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
  } catch {
    return undefined;
  }
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

function failed(what: string, run: RunResult): never {
  throw new Error(`${what} failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
}

async function product(label: string, root: string, y: number, formats = "pdf,docx"): Promise<ProductRun> {
  log(`${label}: report ${y} --format ${formats}`);
  const run = await runMeasured(node, [cli, "report", String(y), "--root", root, "--format", formats], { cwd: repo });
  if (run.exitCode !== 0) failed(label, run);
  const out = join(root, "output", String(y), `kostra-analyse-${y}`);
  const pdf = formats.includes("pdf") ? `${out}.pdf` : undefined;
  const result: ProductRun = {
    label,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    stages: stages(run.stdout),
    nodePeakRssMb: run.nodePeakRssMb,
    chromiumPeakRssMb: run.chromiumPeakRssMb,
    treePeakPssMb: run.treePeakPssMb,
    chromiumPeakPssMb: run.chromiumPeakPssMb,
    chromiumProcessesMax: run.chromiumProcessesMax,
    ...(pdf ? { pdfBytes: sizeOf(pdf), pdfPages: pdfPages(pdf) } : {}),
    ...(formats.includes("docx") ? { docxBytes: sizeOf(`${out}.docx`) } : {}),
    ...(formats.includes("html") ? { htmlBytes: sizeOf(`${out}.html`) } : {}),
    load: [run.loadBefore, run.loadAfter],
  };
  log(`  ${(run.wallMs / 1000).toFixed(1)} s wall, ${(run.cpuMs / 1000).toFixed(1)} s CPU, RSS node ${run.nodePeakRssMb.toFixed(0)} MB + chromium ${run.chromiumPeakRssMb.toFixed(0)} MB, PSS all ${run.treePeakPssMb.toFixed(0)} MB`);
  return result;
}

async function bare(label: string, html: string, workload: string): Promise<BareResult & { wallMs: number; cpuMs: number; load: [number, number] }> {
  log(`${label}: bare stages`);
  const out = join(base, `${label}.json`);
  const run = await runMeasured(node, ["--import", "tsx", join(repo, "scripts", "bareStages.ts"), "--html", html, "--workload", workload, "--out", out], { cwd: repo });
  if (run.exitCode !== 0) failed(label, run);
  const result = JSON.parse(readFileSync(out, "utf8")) as BareResult;
  log(`  ${run.stdout.trim()}`);
  return { ...result, wallMs: run.wallMs, cpuMs: run.cpuMs, load: [run.loadBefore, run.loadAfter] };
}

/** The HTML the product writes (--format html) and the workload taken from the product, both for the bare stages. */
async function prepare(name: string, makeProject: (root: string) => unknown, y: number): Promise<{ html: string; workload: string; htmlBuild: ProductRun }> {
  const root = join(base, `${name}-prep`);
  makeProject(root);
  const htmlBuild = await product(`${name}-html`, root, y, "html");
  const workload = join(base, `${name}-workload.json`);
  const prep = await runMeasured(node, ["--import", "tsx", join(repo, "scripts", "bareStages.ts"), "--prepare", root, "--year", String(y), "--workload", workload], { cwd: repo });
  if (prep.exitCode !== 0) failed(`${name} workload`, prep);
  return { html: join(root, "output", String(y), `kostra-analyse-${y}.html`), workload, htmlBuild };
}

const synthetic = (n: number) => (root: string) => writeSyntheticProject({ root, chapters: n, year });
const repoCopy = (root: string) => {
  mkdirSync(root, { recursive: true });
  cpSync(join(repo, "data"), join(root, "data"), { recursive: true });
  cpSync(join(repo, "templates"), join(root, "templates"), { recursive: true });
};

try {
  // Compiles src/ if it changed since the last build, so no measured run pays for it.
  const warm = await runMeasured(node, [cli, "report", "--help"], { cwd: repo });
  if (warm.exitCode !== 0) failed("compiling the command line", warm);
  log(`synthetic project: ${chapters} chapters × 10 indicators in ${base}`);
  const full = await prepare("full", synthetic(chapters), year);

  // Product and bare stages alternate, each product run cold in a fresh folder.
  const productRuns: ProductRun[] = [];
  const bareRuns: Awaited<ReturnType<typeof bare>>[] = [];
  let last = synthetic(chapters)(join(base, "full-1"));
  for (let i = 1; i <= runs; i++) {
    if (i > 1) last = synthetic(chapters)(join(base, `full-${i}`));
    productRuns.push(await product(`full-${i}`, last.root, year));
    bareRuns.push(await bare(`bare-${i}`, full.html, full.workload));
  }

  // One commentary file changed, the same folder built again (rebuild), then check on it.
  const lastRoot = last.root;
  const edited = last.commentaryFiles[Math.floor(last.commentaryFiles.length / 2)]!;
  appendFileSync(join(lastRoot, edited), "\nEn setning lagt til av benchmarken for å måle en ny bygging.\n");
  const rebuild = await product("rebuild", lastRoot, year);

  const checks: RunResult[] = [];
  for (let i = 0; i < 3; i++) {
    // As the user types it, npm included.
    const run = await runMeasured("npm", ["run", "--silent", "check", "--", String(year), "--root", lastRoot], { cwd: repo });
    if (run.exitCode !== 0) failed("check", run);
    checks.push(run);
  }
  // The floors under check's wall time: Node starting and doing nothing, and npm starting a script that does nothing.
  const startups: RunResult[] = [];
  const imports: RunResult[] = [];
  for (let i = 0; i < 3; i++) {
    startups.push(await runMeasured(node, ["--eval", "0"], { cwd: repo }));
    imports.push(await runMeasured("npm", ["run", "--silent", "env"], { cwd: repo }));
  }
  log(`check: ${checks.map((c) => `${(c.wallMs / 1000).toFixed(2)} s`).join(", ")} wall`);

  log("claims: check -- 2025 and draft");
  const claims = await benchClaims(repo, chapters, year, base);

  const doubleRoot = join(base, "double");
  synthetic(chapters * 2)(doubleRoot);
  const double = await product(`double (${chapters * 2} chapters)`, doubleRoot, year);

  // The real 2025 report, cold, against its own bare stages.
  const real = await prepare("repo-2025", repoCopy, 2025);
  const repoRoot = join(base, "repo-2025");
  repoCopy(repoRoot);
  const real2025 = await product("repo-2025", repoRoot, 2025);
  const realBare = await bare("bare-repo-2025", real.html, real.workload);

  const report: BenchReport = {
    when: new Date().toISOString(),
    command: `npm run bench -- --full${chapters !== 12 ? ` --chapters ${chapters}` : ""}${runs !== 3 ? ` --runs ${runs}` : ""}`,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "", node: process.version, loadAtEnd: loadAverage() },
    chapters,
    runs,
    htmlBuild: full.htmlBuild,
    full: productRuns,
    bare: bareRuns,
    rebuild: { ...rebuild, edited },
    startupMs: startups.map((r) => r.wallMs),
    importMs: imports.map((r) => r.wallMs),
    check: checks.map((c) => ({ wallMs: c.wallMs, reportedMs: Number(/på (\d+) ms/.exec(c.stdout)?.[1] ?? NaN), nodePeakRssMb: c.nodePeakRssMb })),
    double,
    claims,
    repo2025: { product: real2025, bare: realBare, htmlBuild: real.htmlBuild },
    benchWallMs: performance.now() - started,
  };
  const table = renderReport(report);
  console.log(table);
  const dir = join(repo, "output", "bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `full-${report.when.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ ...report, table }, null, 2) + "\n");
  copyFileSync(file, join(dir, "latest.json"));
  console.log(`\nSkrev ${file.slice(repo.length + 1)} og output/bench/latest.json (${(report.benchWallMs / 1000).toFixed(0)} s)`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
