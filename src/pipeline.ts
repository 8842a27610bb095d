import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { checkDefinitionAgainstData, loadDefinition } from "./config/loadDefinition.js";
import { loadDataset } from "./data/dataset.js";
import type { CheckInputs } from "./check/context.js";
import { formatFinding, type Finding } from "./check/finding.js";
import { runChecks } from "./check/runChecks.js";
import { ReportError } from "./errors.js";
import { withDerivedIndicators } from "./indicators/derive.js";
import { msg } from "./messages/catalogue.js";
import { loadCommentary } from "./narrative/loadCommentary.js";
import type { DocumentModel, FigureModel } from "./types/model.js";
import { checkWritable, writeFileSet } from "./output/writeSet.js";
import { CACHE_DAYS, pruneCache } from "./output/cacheEntries.js";
import type { ChartCache } from "./charts/chartCache.js";
import { buildRecordJson, buildRecordName } from "./changes/buildRecord.js";
import { resolveDocument } from "./config/documents.js";
import type { BuildEffects, OutputWriter } from "./render/effects.js";
import { FORMATS, RENDERERS, type Format } from "./render/formats.js";
import type { RenderJob, Rendered } from "./render/renderer.js";

export type { BuildEffects } from "./render/effects.js";
export { FORMATS, type Format } from "./render/formats.js";

/**
 * The report build, in named stages. Only this file knows their order, and
 * it names no output format (src/render/formats.ts lists them):
 *
 *  1. load      (last)     data/regions.csv, data/indicators.csv, data/<year>/*.csv, and the chosen
 *                          document's report.yaml (data/<year>/report.yaml, or data/<year>/<document>/report.yaml)
 *  2. validate             zod schemas per row; derived indicators computed; ids and years cross-checked
 *  3. narrative (tekst)    commentary Markdown: expressions checked and evaluated → model blocks
 *  4. check     (kontroll) content checks (shares, titles, stale literals …): warnings, errors stop
 *  5. model     (modell)   exhibits (tables, charts decided from their data) + text → document model
 *  6. render    (formater) every chosen format's renderer is started first (`start`: Word's worker
 *                          thread begins, Chromium starts up); meanwhile
 *     charts    (figurer)  every chart is drawn as SVG (Vega), from output/.cache/charts/ when drawn
 *                          before, if a renderer needs drawings; then every renderer finishes
 *                          (`finish`): maler (HTML templates), pdf (Chromium prints), word (the worker's file)
 *  7. write     (skriv)    the whole set (every format's files and the build record `npm run changes`
 *                          compares with) written only when every stage succeeded; a failure while
 *                          renaming puts the previous set back
 *
 * Everything a build does besides reading the project goes through its
 * effects (src/render/effects.ts): writes, clock, cache folder, log, browser.
 */

export interface ProjectPaths {
  readonly root: string;
  readonly dataDir: string;
  readonly templateDir: string;
  readonly outputDir: string;
}

export function projectPaths(root: string): ProjectPaths {
  return { root, dataDir: join(root, "data"), templateDir: join(root, "templates"), outputDir: join(root, "output") };
}

export interface LoadedInputs extends CheckInputs {
  readonly model: DocumentModel;
  readonly findings: readonly Finding[];
}

interface DecidedInputs extends CheckInputs {
  readonly figures: FigureModel;
  readonly findings: readonly Finding[];
}

/** Timed in the log under a short Norwegian name ("  figurer     2951 ms"). */
async function stage<T>(name: string, effects: BuildEffects, run: () => T | Promise<T>): Promise<T> {
  const start = effects.now();
  const result = await run();
  effects.log(msg.build.stageTime(name, effects.now() - start).text);
  return result;
}

/**
 * Stages 1–3: validated inputs, what `npm run check` reads. `document` names
 * one of the year's documents (src/config/documents.ts); none: the year's default.
 */
export async function loadInputs(paths: ProjectPaths, year: number, effects: BuildEffects, document?: string): Promise<CheckInputs> {
  const { source, definitionFile, data, definition } = await loadDataAndDefinition(paths, year, effects, document);
  const { commentary, folder } = await stage("tekst", effects, () =>
    loadCommentary(source.commentaryDir, paths.root, { data, definition }),
  );
  return { root: paths.root, year, definition, definitionFile, data, commentary, commentaryFolder: folder };
}

/** Stages 1–2: the data and the definition, checked against each other; the commentary not read (`npm run draft` reads only its front matter). */
export async function loadDataAndDefinition(paths: ProjectPaths, year: number, effects: BuildEffects, document?: string) {
  const source = resolveDocument(paths.dataDir, year, paths.root, document);
  const definitionPath = source.definitionPath;
  const definitionFile = relative(paths.root, definitionPath);
  const { data, definition } = await stage("last", effects, () => {
    const loaded = loadDataset({ root: paths.root, dataDir: paths.dataDir, year });
    const definition = loadDefinition(definitionPath, definitionFile);
    checkTemplateSet(definition.style, paths, definitionFile);
    const data = withDerivedIndicators(loaded, definition.derived, definitionFile);
    checkDefinitionAgainstData(definition, data, definitionFile);
    return { data, definition };
  });
  return { source, definitionFile, data, definition };
}

/** `style:` names a folder of templates/ (not mail/ or partials/, which are not template sets). */
function checkTemplateSet(style: string | undefined, paths: ProjectPaths, definitionFile: string): void {
  if (style === undefined) return;
  const dir = join(paths.templateDir, style);
  if (style !== "mail" && style !== "partials" && existsSync(dir)) return;
  throw new ReportError(msg.build.noTemplateSet(style, relative(paths.root, dir)), { location: { file: definitionFile } });
}

/**
 * Stages 1–5 and the charts: the document model with its drawings, no
 * browser needed. The charts are kept in memory only, unless the effects
 * name a cache folder or hand in a chart cache.
 */
export async function buildModel(paths: ProjectPaths, year: number, effects: BuildEffects, document?: string): Promise<LoadedInputs> {
  const { figures, ...inputs } = await decideModel(paths, year, effects, document);
  const charts = effects.charts ?? (await chartCache(effects.cacheDir || undefined));
  const model = await stage("figurer", effects, () => drawn(figures, charts));
  return { ...inputs, model };
}

/** A chart cache of the build's own, over `cacheDir`/charts/ when there is one. Loaded here: `check` needs no Vega. */
async function chartCache(cacheDir: string | undefined): Promise<ChartCache> {
  const { createChartCache } = await import("./charts/chartCache.js");
  return createChartCache(cacheDir === undefined ? undefined : join(cacheDir, "charts"));
}

async function drawn(figures: FigureModel, charts: ChartCache): Promise<DocumentModel> {
  const { drawCharts } = await import("./charts/draw.js");
  return drawCharts(figures, charts);
}

/** Stages 1–5: the document model with its charts decided, not yet drawn. */
async function decideModel(paths: ProjectPaths, year: number, effects: BuildEffects, document?: string): Promise<DecidedInputs> {
  const inputs = await loadInputs(paths, year, effects, document);
  const findings = await stage("kontroll", effects, () => runChecks(inputs));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) throw new ReportError(msg.build.contentErrors(errors.length, formatFinding(errors[0]!), checkCommand(year, document)));
  // Loaded here, not at start-up: `check` needs neither Vega nor the renderers.
  const { buildFigureModel } = await import("./model/build.js");
  const figures = await stage("modell", effects, () => buildFigureModel(inputs));
  return { ...inputs, findings, figures };
}

function checkCommand(year: number, document: string | undefined): string {
  return `npm run check -- ${year}${document ? ` --document ${document}` : ""}`;
}

/** "kostra-analyse-2025": the files of a document are <name>.pdf, .docx and .html in output/<year>/. */
export function outputName(paths: ProjectPaths, year: number, document?: string): string {
  return `${resolveDocument(paths.dataDir, year, paths.root, document).name}-${year}`;
}

export interface ReportOutputs {
  /** Written files, by format. */
  readonly files: Partial<Record<Format, string>>;
  /** Pages of the PDF, when one was printed. */
  readonly pages?: number;
}

/**
 * All stages; writes output/<year>/<document>-<year>.<format> for every
 * chosen format (kostra-analyse-2025.pdf). Every file is rendered first and
 * written (all or nothing) only when all succeeded.
 */
export async function buildReport(
  paths: ProjectPaths,
  year: number,
  effects: BuildEffects,
  formats: ReadonlySet<Format> = new Set(FORMATS),
  document?: string,
): Promise<ReportOutputs> {
  const dir = join(paths.outputDir, String(year));
  const name = outputName(paths, year, document);
  const output = effects.output ?? diskOutput(paths.root);
  const clock = effects.clock ?? (() => new Date());
  const cacheDir = effects.cacheDir === undefined ? join(paths.outputDir, ".cache") : effects.cacheDir || undefined;
  const renderers = RENDERERS.filter((renderer) => formats.has(renderer.format));
  const mainFile = (format: Format) => join(dir, `${name}.${format}`);
  // A read-only or blocked output folder is found now, not after seconds of printing.
  output.check(dir, renderers.map((renderer) => mainFile(renderer.format)));
  const { figures, findings, data } = await decideModel(paths, year, effects, document);
  if (findings.length > 0) effects.log(msg.build.contentWarnings(findings.length, checkCommand(year, document)).text);
  const charts = effects.charts ?? (await chartCache(cacheDir));

  const rendered = await stage("formater", effects, async () => {
    let model: DocumentModel | undefined;
    const shared = new Map<string, Promise<unknown>>();
    const results = new Map<string, Deferred<Rendered>>(renderers.map((renderer) => [renderer.format, deferred<Rendered>()]));
    const job: RenderJob = {
      name,
      figures,
      drawn: () => {
        if (!model) throw new Error("a renderer asked for the drawings without needing them (needs: \"figures\")");
        return model;
      },
      templateDir: paths.templateDir,
      root: paths.root,
      cachePath: (file) => (cacheDir === undefined ? undefined : join(cacheDir, file)),
      log: effects.log,
      startBrowser: effects.startBrowser,
      stage: (stageName, run) => stage(stageName, effects, run),
      once: <T>(key: string, make: () => Promise<T>) => {
        if (!shared.has(key)) shared.set(key, make());
        return shared.get(key) as Promise<T>;
      },
      output: (format) => results.get(format)?.promise,
    };
    // Started first, all at once: what takes long and needs no drawings (Word's worker, Chromium) runs while Vega draws.
    const started = await Promise.allSettled(renderers.map((renderer) => renderer.start(job)));
    const tasks = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const finishing: Promise<Rendered>[] = [];
    try {
      const failed = started.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
      if (renderers.some((renderer) => renderer.needs === "drawings")) {
        model = await stage("figurer", effects, () => drawn(figures, charts));
        const counts = charts.takeCounts();
        effects.log(msg.build.chartCounts(counts.rendered, counts.fromDisk + counts.fromMemory).text);
      }
      renderers.forEach((renderer, i) => {
        finishing.push(tasks[i]!.finish());
        results.get(renderer.format)!.settle(finishing[i]!);
      });
      return await Promise.all(finishing);
    } catch (error) {
      // One failed: the others stop now (the worker ends, Chromium closes) and are waited for, so nothing outlives the build.
      await Promise.allSettled(tasks.map((task) => task.stop(error)));
      await Promise.allSettled(finishing);
      throw error;
    }
  });

  const files: Partial<Record<Format, string>> = {};
  await stage("skriv", effects, () => {
    const set = renderers.flatMap((renderer, i) => {
      files[renderer.format] = join(dir, rendered[i]!.files[0]!.name);
      return rendered[i]!.files.map((file) => ({ path: join(dir, file.name), content: file.content }));
    });
    // What the files were made from, written with them, so `npm run changes` can say what moved since.
    set.push({ path: join(dir, buildRecordName(name)), content: buildRecordJson(year, data, clock().toISOString()) });
    output.write(set);
  });
  // Charts and chapter layouts no build has used for a month are deleted (cacheEntries.ts).
  if (cacheDir !== undefined) {
    const now = clock().getTime();
    const pruned = pruneCache(join(cacheDir, "charts"), now) + pruneCache(join(cacheDir, "word-pages"), now);
    if (pruned > 0) effects.log(msg.build.cachePruned(pruned, CACHE_DAYS, relative(paths.root, cacheDir)).text);
  }
  const pages = rendered.find((result) => result.pages !== undefined)?.pages;
  return { files, ...(pages !== undefined ? { pages } : {}) };
}

/** The files onto disk, all or nothing (writeSet.ts), paths in messages relative to the project. */
function diskOutput(root: string): OutputWriter {
  return { check: (dir, targets) => checkWritable(dir, targets, root), write: (set) => writeFileSet(set, root) };
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  settle(from: Promise<T>): void;
}

/** A promise another renderer can await before the one it stands for has begun (the HTML awaits the PDF). */
function deferred<T>(): Deferred<T> {
  let settle!: (from: Promise<T>) => void;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  // Awaited by buildReport; a failure noticed first elsewhere must not leave it unhandled meanwhile.
  promise.catch(() => undefined);
  return { promise, settle };
}
