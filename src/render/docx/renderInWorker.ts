import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import type { ChartFigure, FigureModel } from "../../types/model.js";
import type { DocxOptions } from "./renderDocx.js";

/** What docxWorker.ts posts back: the file, or the error (its first line, and its stack for --debug). */
export type WorkerReply = { readonly docx: Uint8Array } | { readonly error: { readonly message: string; readonly stack: string } };

/**
 * renderDocx in a worker thread, so the Word file (its page-number estimate
 * above all) is made while Chromium prints, instead of after it with Node
 * idle. The model is plain data and crosses by structured clone; the result
 * is byte for byte what renderDocx gives in the main thread. Aborting the
 * signal (the PDF failed) stops the worker.
 */
export function renderDocxInWorker(model: FigureModel, signal?: AbortSignal, options: DocxOptions = {}): Promise<Buffer> {
  const entry = new URL(`./docxWorker${extension()}`, import.meta.url);
  const worker = startWorker(entry, { model: figuresOnly(model), options });
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", abort);
      done();
    };
    const abort = () => settle(() => {
      void worker.terminate();
      reject(signal?.reason instanceof Error ? signal.reason : new Error("Word rendering was stopped"));
    });
    if (signal?.aborted) return abort();
    signal?.addEventListener("abort", abort, { once: true });
    worker.once("message", (reply: WorkerReply) =>
      settle(() => {
        if ("docx" in reply) resolve(Buffer.from(reply.docx.buffer, reply.docx.byteOffset, reply.docx.byteLength));
        else reject(workerFailure(reply.error));
        void worker.terminate();
      }),
    );
    worker.once("error", (error) => settle(() => reject(codeOf(error) === "ERR_WORKER_OUT_OF_MEMORY" ? new ReportError(msg.render.wordOutOfMemory(), { cause: error }) : error)));
    worker.once("exit", (code) => settle(() => reject(new Error(`the Word worker stopped (exit code ${code}) without a result`))));
  });
}

/**
 * An error in renderDocx is the program's, not the user's (the model it reads
 * is checked before): main.ts shows its first line as «intern feil», and the
 * worker's stack with --debug.
 */
function workerFailure(error: { readonly message: string; readonly stack: string }): Error {
  const failure = new Error(`Word rendering failed: ${error.message}`);
  failure.stack = `${failure.message}\n(in the Word worker) ${error.stack}`;
  return failure;
}

function codeOf(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
  return typeof code === "string" ? code : undefined;
}

/** `.ts` when this file runs from source (tsx, vitest), `.js` when compiled. */
function extension(): string {
  return fileURLToPath(import.meta.url).endsWith(".ts") ? ".ts" : ".js";
}

/**
 * A worker thread starts without the main thread's module hooks, and tsx's
 * `--import tsx` entry registers them only in the main thread. A worker from
 * TypeScript source therefore starts as a small script that registers tsx's
 * ESM hooks (its public `tsx/esm/api`) and then imports the entry.
 */
function startWorker(entry: URL, workerData: { model: FigureModel; options: DocxOptions }): Worker {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, { workerData });
  const script = `import(${JSON.stringify(tsxEsmApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(script, { eval: true, workerData });
}

/** tsx's ESM API module, found through its package.json `exports` (the `import` condition). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("tsx/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports?: Record<string, { import?: { default?: string } }> };
  const target = manifest.exports?.["./esm/api"]?.import?.default;
  if (!target) throw new Error(`${manifestPath} exports no ./esm/api for import`);
  return pathToFileURL(join(dirname(manifestPath), target)).href;
}

/**
 * Word draws its charts from their data (chart.ts) and never reads the SVG
 * the PDF shows; left out, megabytes are neither copied nor held twice.
 */
function figuresOnly(model: FigureModel): FigureModel {
  return {
    ...model,
    chapters: model.chapters.map((chapter) => ({ ...chapter, blocks: chapter.blocks.map((block) => (block.type === "chart" ? figureOf(block) : block)) })),
  };
}

/** The chart without its drawing, when it was given one. */
function figureOf(chart: ChartFigure): ChartFigure {
  if (!("svg" in chart)) return chart;
  const { type, id, label, number, caption, source, notes, altText, data } = chart;
  return { type, id, label, number, caption, source, notes, altText, data };
}
