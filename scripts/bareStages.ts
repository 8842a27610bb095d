/**
 * The bare stages: the libraries doing the report's work with no product
 * around them, the yardstick of issue 13.
 *
 *  - vega      the product's Vega-Lite specs: vega-lite compile → vega parse →
 *              View (renderer "none") → toSVG
 *  - chromium  launch /usr/bin/chromium with puppeteer-core, print the HTML the
 *              product wrote once (A4, tagged, outline), close
 *  - docx      a docx Document with the same paragraphs, tables and native
 *              charts (ChartRun) as the product's Word file, packed to a buffer
 *
 * Usage:
 *   tsx scripts/bareStages.ts --prepare <root> --year <år> --workload <file.json>
 *     takes the workload (specs, paragraphs, tables, chart data) from the
 *     product, untimed (scripts/bench/workload.ts), and writes it;
 *   tsx scripts/bareStages.ts --html <output/<år>/….html> --workload <file.json> [--out <result.json>]
 *     times the bare stages; no product code is loaded.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ChartRun } from "docx/charts";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, type FileChild } from "docx";
import puppeteer from "puppeteer-core";
import * as vega from "vega";
import { compile } from "vega-lite";
import type { Workload, WorkloadChart, WorkloadItem, WorkloadTable } from "./bench/workload.js";

export interface BareResult {
  /** Wall time of each bare stage, ms. */
  readonly ms: { readonly chromiumLaunch: number; readonly chromiumPrint: number; readonly chromium: number; readonly docx: number; readonly vega: number; readonly total: number };
  readonly pdfBytes: number;
  readonly docxBytes: number;
  readonly svgBytes: number;
  readonly counts: Workload["counts"];
  readonly specs: number;
}

const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? "/usr/bin/chromium";

async function printOnce(html: string): Promise<{ launch: number; print: number; bytes: number }> {
  const start = performance.now();
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
  });
  const launched = performance.now();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const printed = performance.now();
    await page.close();
    return { launch: launched - start, print: printed - launched, bytes: pdf.length };
  } finally {
    await browser.close();
  }
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function docxTable(table: WorkloadTable): Table {
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({ tableHeader: header, cantSplit: true, children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] })) });
  return new Table({ rows: [...table.header.map((cells) => row(cells, true)), ...table.rows.map((cells) => row(cells, false))] });
}

function docxChart(chart: WorkloadChart): Paragraph {
  const series = chart.series.map((s) => ({ name: s.name, values: s.values, color: s.color.replace("#", "").toUpperCase() }));
  const run =
    chart.layout === "index"
      ? new ChartRun({ type: "bar", categories: chart.categories, series, transformation: { width: 600, height: 60 + 26 * chart.categories.length } })
      : new ChartRun({ type: "column", stacking: chart.layout === "stacked" ? "stacked" : "none", categories: chart.categories, series, transformation: { width: 600, height: 300 } });
  return new Paragraph({ children: [run] });
}

function docxChildren(items: readonly WorkloadItem[]): FileChild[] {
  return items.map((item) => {
    switch (item.kind) {
      case "heading":
        return new Paragraph({ heading: HEADING[item.level], children: [new TextRun(item.text)] });
      case "paragraph":
        return new Paragraph({ children: [new TextRun(item.text)] });
      case "table":
        return docxTable(item.table);
      case "chart":
        return docxChart(item.chart);
    }
  });
}

async function renderDocx(workload: Workload): Promise<number> {
  const doc = new Document({
    title: workload.title,
    sections: workload.chapters.map((items) => ({ children: docxChildren(items) })),
  });
  return (await Packer.toBuffer(doc)).length;
}

async function renderVega(workload: Workload): Promise<number> {
  let bytes = 0;
  for (const spec of workload.specs) {
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
    try {
      bytes += (await view.toSVG()).length;
    } finally {
      view.finalize();
    }
  }
  return bytes;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

export async function runBareStages(html: string, workload: Workload): Promise<BareResult> {
  // In the product's order: charts (in its model stage), then PDF, then Word.
  const start = performance.now();
  const [svgBytes, vegaMs] = await timed(() => renderVega(workload));
  const [printed, chromium] = await timed(() => printOnce(html));
  const [docxBytes, docx] = await timed(() => renderDocx(workload));
  return {
    ms: { chromiumLaunch: printed.launch, chromiumPrint: printed.print, chromium, docx, vega: vegaMs, total: performance.now() - start },
    pdfBytes: printed.bytes,
    docxBytes,
    svgBytes,
    counts: workload.counts,
    specs: workload.specs.length,
  };
}

const { values } = parseArgs({
  options: { html: { type: "string" }, workload: { type: "string" }, prepare: { type: "string" }, year: { type: "string" }, out: { type: "string" } },
});
if (!values.workload || (!values.html && !values.prepare)) {
  console.error("Bruk: tsx scripts/bareStages.ts --html <fil> --workload <fil.json> [--prepare <prosjektmappe> --year <år>] [--out <fil.json>]");
  process.exit(1);
}
if (values.prepare) {
  // Product code only here, and only when asked: the timed stages below load none of it.
  const { writeWorkload } = await import("./bench/workload.js");
  const prepared = await writeWorkload(values.prepare, Number(values.year ?? 2025), values.workload);
  console.log(`workload: ${prepared.counts.paragraphs} paragraphs, ${prepared.counts.tables} tables, ${prepared.counts.charts} charts, ${prepared.specs.length} specs → ${values.workload}`);
  if (!values.html) process.exit(0);
}
if (!existsSync(values.workload)) {
  console.error(`finner ikke ${values.workload} (kjør med --prepare <prosjektmappe> først)`);
  process.exit(1);
}
const workload = JSON.parse(readFileSync(values.workload, "utf8")) as Workload;
const result = await runBareStages(readFileSync(values.html!, "utf8"), workload);
if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 2));
const { ms } = result;
console.log(
  `bare: chromium ${ms.chromium.toFixed(0)} ms (launch ${ms.chromiumLaunch.toFixed(0)}, print ${ms.chromiumPrint.toFixed(0)}), docx ${ms.docx.toFixed(0)} ms, vega ${ms.vega.toFixed(0)} ms (${result.specs} specs), total ${ms.total.toFixed(0)} ms`,
);
