/**
 * The full benchmark's results as one table: per-stage times of the product
 * beside the bare stages doing the same work, then issue 13's targets with
 * the measured ratio for each.
 */
import type { BareResult } from "../bareStages.js";
import { claimsRows, type ClaimsBench } from "./claims.js";

export interface ProductRun {
  readonly label: string;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Stage timings as the command printed them (`  pdf   2463 ms`). */
  readonly stages: Readonly<Record<string, number>>;
  readonly nodePeakRssMb: number;
  readonly chromiumPeakRssMb: number;
  /** Node + Chromium PSS at one moment (shared pages counted once). */
  readonly treePeakPssMb: number;
  readonly chromiumPeakPssMb: number;
  readonly chromiumProcessesMax: number;
  readonly pdfBytes?: number | undefined;
  readonly pdfPages?: number | undefined;
  readonly docxBytes?: number | undefined;
  readonly htmlBytes?: number | undefined;
  /** 1-minute load average before and after the run. */
  readonly load: readonly [number, number];
}

export type BareRun = BareResult & { readonly wallMs: number; readonly cpuMs: number; readonly load: readonly [number, number] };

export interface BenchReport {
  readonly when: string;
  readonly command: string;
  readonly machine: { readonly cpus: number; readonly model: string; readonly node: string; readonly loadAtEnd: number };
  readonly chapters: number;
  readonly runs: number;
  readonly htmlBuild: ProductRun;
  readonly full: readonly ProductRun[];
  readonly bare: readonly BareRun[];
  readonly rebuild: ProductRun & { readonly edited: string };
  /** Wall time of `node --eval 0`, three times. */
  readonly startupMs: readonly number[];
  /** Wall time of `npm run --silent env`, three times: what npm costs before a script does anything. */
  readonly importMs: readonly number[];
  readonly check: readonly { readonly wallMs: number; readonly reportedMs: number; readonly nodePeakRssMb: number }[];
  readonly double: ProductRun;
  /** Issue 17: check -- 2025 with the claim check, and draft on the synthetic project. */
  readonly claims: ClaimsBench;
  readonly repo2025: { readonly product: ProductRun; readonly bare: BareRun; readonly htmlBuild: ProductRun };
  readonly benchWallMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const PRODUCT_WORK = ["model", "charts", "templates", "pdf", "docx"] as const;
const stageMs = (run: ProductRun, name: string) => run.stages[name] ?? 0;
/**
 * model + charts + templates + pdf + docx. Since Word is made in a worker
 * while Vega draws and Chromium prints, the command also prints `render`
 * (charts, templates, pdf and docx from first start to last end), and the
 * work is model + render.
 */
const workMs = (run: ProductRun) =>
  run.stages.render !== undefined ? stageMs(run, "model") + stageMs(run, "render") : PRODUCT_WORK.reduce((sum, name) => sum + stageMs(run, name), 0);
const renderMs = (run: ProductRun) => run.stages.render ?? stageMs(run, "charts") + stageMs(run, "templates") + stageMs(run, "pdf") + stageMs(run, "docx");
const bareMs = (run: BareRun) => run.ms.chromium + run.ms.docx + run.ms.vega;
const ms = (value: number) => `${Math.round(value).toLocaleString("en").replace(/,/g, " ")} ms`;
const mb = (value: number) => `${Math.round(value)} MB`;
const kb = (bytes: number | undefined) => (bytes === undefined ? "–" : `${Math.round(bytes / 1024).toLocaleString("en").replace(/,/g, " ")} KB`);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(rows[0]!), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

export function renderReport(r: BenchReport): string {
  const full = r.full;
  const med = (pick: (run: ProductRun) => number) => median(full.map(pick));
  const bareMed = (pick: (run: BareRun) => number) => median(r.bare.map(pick));
  const stage = (name: string) => med((run) => stageMs(run, name));
  const real = r.repo2025;

  const stagesTable = table([
    ["stage (median of cold runs)", `product, ${r.chapters} chapters`, "bare stage", "bare", "product ÷ bare", `product, ${r.chapters * 2} chapters`, "2025 report", "2025 bare"],
    ["load", ms(stage("load")), "", "", "", ms(stageMs(r.double, "load")), ms(stageMs(real.product, "load")), ""],
    ["narrative", ms(stage("narrative")), "", "", "", ms(stageMs(r.double, "narrative")), ms(stageMs(real.product, "narrative")), ""],
    ["check", ms(stage("check")), "", "", "", ms(stageMs(r.double, "check")), ms(stageMs(real.product, "check")), ""],
    ["model (charts decided)", ms(stage("model")), "", "", "", ms(stageMs(r.double, "model")), ms(stageMs(real.product, "model")), ""],
    ["charts (drawn)", ms(stage("charts")), "vega", ms(bareMed((b) => b.ms.vega)), ratio(stage("charts"), bareMed((b) => b.ms.vega)), ms(stageMs(r.double, "charts")), ms(stageMs(real.product, "charts")), ms(real.bare.ms.vega)],
    ["templates", ms(stage("templates")), "", "", "", ms(stageMs(r.double, "templates")), ms(stageMs(real.product, "templates")), ""],
    ["pdf", ms(stage("pdf")), "chromium", ms(bareMed((b) => b.ms.chromium)), ratio(stage("pdf"), bareMed((b) => b.ms.chromium)), ms(stageMs(r.double, "pdf")), ms(stageMs(real.product, "pdf")), ms(real.bare.ms.chromium)],
    ["docx", ms(stage("docx")), "docx", ms(bareMed((b) => b.ms.docx)), ratio(stage("docx"), bareMed((b) => b.ms.docx)), ms(stageMs(r.double, "docx")), ms(stageMs(real.product, "docx")), ms(real.bare.ms.docx)],
    ["render (charts, templates, pdf ∥ docx)", ms(med(renderMs)), "vega+chromium+docx", ms(bareMed(bareMs)), ratio(med(renderMs), bareMed(bareMs)), ms(renderMs(r.double)), ms(renderMs(real.product)), ms(bareMs(real.bare))],
    ["write", ms(stage("write")), "", "", "", ms(stageMs(r.double, "write")), ms(stageMs(real.product, "write")), ""],
    ["work (model + render)", ms(med(workMs)), "sum", ms(bareMed(bareMs)), ratio(med(workMs), bareMed(bareMs)), ms(workMs(r.double)), ms(workMs(real.product)), ms(bareMs(real.bare))],
    ["wall time of the process", ms(med((x) => x.wallMs)), "process", ms(bareMed((b) => b.wallMs)), ratio(med((x) => x.wallMs), bareMed((b) => b.wallMs)), ms(r.double.wallMs), ms(real.product.wallMs), ms(real.bare.wallMs)],
    ["CPU time (user+sys, Chromium incl.)", ms(med((x) => x.cpuMs)), "process", ms(bareMed((b) => b.cpuMs)), ratio(med((x) => x.cpuMs), bareMed((b) => b.cpuMs)), ms(r.double.cpuMs), ms(real.product.cpuMs), ms(real.bare.cpuMs)],
    ["peak RSS, Node", mb(Math.max(...full.map((x) => x.nodePeakRssMb))), "", "", "", mb(r.double.nodePeakRssMb), mb(real.product.nodePeakRssMb), ""],
    ["peak RSS, Chromium (summed)", mb(Math.max(...full.map((x) => x.chromiumPeakRssMb))), "", "", "", mb(r.double.chromiumPeakRssMb), mb(real.product.chromiumPeakRssMb), ""],
    ["peak PSS, Chromium (summed)", mb(Math.max(...full.map((x) => x.chromiumPeakPssMb))), "", "", "", mb(r.double.chromiumPeakPssMb), mb(real.product.chromiumPeakPssMb), ""],
    ["peak PSS, Node + Chromium", mb(Math.max(...full.map((x) => x.treePeakPssMb))), "", "", "", mb(r.double.treePeakPssMb), mb(real.product.treePeakPssMb), ""],
    ["PDF", `${kb(full[0]!.pdfBytes)}, ${full[0]!.pdfPages ?? "?"} p.`, "pdf", kb(r.bare[0]!.pdfBytes), "", `${kb(r.double.pdfBytes)}, ${r.double.pdfPages ?? "?"} p.`, `${kb(real.product.pdfBytes)}, ${real.product.pdfPages ?? "?"} p.`, kb(real.bare.pdfBytes)],
    ["Word", kb(full[0]!.docxBytes), "docx", kb(r.bare[0]!.docxBytes), "", kb(r.double.docxBytes), kb(real.product.docxBytes), kb(real.bare.docxBytes)],
  ]);

  const fullWall = med((x) => x.wallMs);
  const peak = Math.max(...full.map((x) => x.nodePeakRssMb + x.chromiumPeakRssMb));
  const peakPss = Math.max(...full.map((x) => x.treePeakPssMb));
  const checkWall = median(r.check.map((c) => c.wallMs));
  const verdict = (value: number, limit: number) => (value <= limit ? "yes" : "no");
  const targets = table([
    ["target (issue 13)", "measured", "limit", "met"],
    ["full size PDF + Word ÷ bare stages (process wall)", ratio(fullWall, bareMed((b) => b.wallMs)), "1.5×", verdict(fullWall / bareMed((b) => b.wallMs), 1.5)],
    ["full size PDF + Word ÷ bare stages (stage sums)", ratio(med(workMs), bareMed(bareMs)), "1.5×", verdict(med(workMs) / bareMed(bareMs), 1.5)],
    ["2025 report cold ÷ its bare stages (process wall)", ratio(real.product.wallMs, real.bare.wallMs), "1.5×", verdict(real.product.wallMs / real.bare.wallMs, 1.5)],
    ["twice the size ÷ full size (wall)", ratio(r.double.wallMs, fullWall), "1.9×", verdict(r.double.wallMs / fullWall, 1.9)],
    ["rebuild after one commentary edit ÷ cold (wall)", ratio(r.rebuild.wallMs, fullWall), "0.6×", verdict(r.rebuild.wallMs / fullWall, 0.6)],
    ["npm run check, wall time (median of 3)", `${(checkWall / 1000).toFixed(2)} s`, "0.5 s", verdict(checkWall, 500)],
    ...claimsRows(r.claims),
    ["peak memory at full size, Node + Chromium (PSS, shared pages once)", mb(peakPss), "1024 MB", verdict(peakPss, 1024)],
    ["peak memory at full size, Node + Chromium (RSS summed, overstates)", mb(peak), "1024 MB", verdict(peak, 1024)],
  ]);

  const loads = [...full, ...r.bare, r.double, r.rebuild, real.product, real.bare].flatMap((x) => x.load);
  return [
    `KOSTRA benchmark, ${r.when} — ${r.command}`,
    `${r.machine.cpus} CPU (${r.machine.model}), Node ${r.machine.node}; 1-min load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
    `synthetic: ${r.chapters} chapters × 10 indicators, ${r.bare[0]!.counts.charts} charts, ${r.bare[0]!.counts.tables} tables, ${r.bare[0]!.counts.paragraphs} paragraphs; ${r.runs} cold runs each of product and bare stages, alternating`,
    "",
    stagesTable,
    "",
    targets,
    "",
    `rebuild after editing ${r.rebuild.edited}: ${ms(r.rebuild.wallMs)} wall (cold median ${ms(fullWall)}); check: ${r.check.map((c) => ms(c.wallMs)).join(", ")} wall, the command's own count ${r.check.map((c) => ms(c.reportedMs)).join(", ")}; \`node --eval 0\` ${r.startupMs.map(ms).join(", ")}; \`npm run --silent env\` ${r.importMs.map(ms).join(", ")}`,
    `html-only build of the same folder (for the bare stages' HTML): ${ms(r.htmlBuild.wallMs)} wall, model ${ms(stageMs(r.htmlBuild, "model"))}, charts ${ms(stageMs(r.htmlBuild, "charts"))}`,
  ].join("\n");
}
