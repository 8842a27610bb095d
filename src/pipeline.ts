import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { checkDefinitionAgainstData, loadDefinition } from "./config/loadDefinition.js";
import { loadDataset } from "./data/dataset.js";
import type { CheckInputs } from "./check/context.js";
import { formatFinding, type Finding } from "./check/finding.js";
import { runChecks } from "./check/runChecks.js";
import { ReportError } from "./errors.js";
import { withDerivedIndicators } from "./indicators/derive.js";
import { loadCommentary } from "./narrative/loadCommentary.js";
import type { DocumentModel, FigureModel } from "./model/types.js";
import { checkWritable, writeFileSet } from "./output/writeSet.js";
import { CACHE_DAYS, pruneCache } from "./output/cacheEntries.js";
import { takeChartCacheCounts, useChartCacheFolder } from "./charts/cacheState.js";
import { buildRecordJson, buildRecordName } from "./changes/buildRecord.js";
import { resolveDocument } from "./config/documents.js";

/**
 * The report build, in named stages. Only this file knows their order:
 *
 *  1. load      data/regions.csv, data/indicators.csv, data/<year>/*.csv, and the chosen document's
 *               report.yaml (data/<year>/report.yaml, or data/<year>/<document>/report.yaml)
 *  2. validate  zod schemas per row; derived indicators computed; ids and years cross-checked
 *  3. narrative commentary Markdown: expressions checked and evaluated → model blocks
 *  4. check     content checks (shares, titles, stale literals …): warnings, errors stop
 *  5. model     exhibits (tables, charts decided from their data) + text → document model
 *  6. render    Word (docx) from the model in a worker thread, started first; meanwhile
 *               charts    every chart drawn as SVG (Vega), from output/.cache/charts/ when drawn before
 *               templates, pdf  the model with its drawings → HTML (Handlebars) → PDF (Chromium)
 *  7. write     the whole set (PDF, Word, HTML and the build record `npm run changes` compares
 *               with) renamed into output/<year>/ only when every stage succeeded; a failure
 *               while renaming puts the previous set back
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

/** Side effects handed in, so tests run the pipeline quietly and deterministically. */
export interface BuildEffects {
  readonly log: (line: string) => void;
  readonly now: () => number;
}

export interface LoadedInputs extends CheckInputs {
  readonly model: DocumentModel;
  readonly findings: readonly Finding[];
}

interface DecidedInputs extends CheckInputs {
  readonly figures: FigureModel;
  readonly findings: readonly Finding[];
}

async function stage<T>(name: string, effects: BuildEffects, run: () => T | Promise<T>): Promise<T> {
  const start = effects.now();
  const result = await run();
  effects.log(`  ${name.padEnd(10)} ${String(Math.round(effects.now() - start)).padStart(5)} ms`);
  return result;
}

/**
 * Stages 1–3: validated inputs, what `npm run check` reads. `document` names
 * one of the year's documents (src/config/documents.ts); none: the year's default.
 */
export async function loadInputs(paths: ProjectPaths, year: number, effects: BuildEffects, document?: string): Promise<CheckInputs> {
  const source = resolveDocument(paths.dataDir, year, paths.root, document);
  const definitionPath = source.definitionPath;
  const definitionFile = relative(paths.root, definitionPath);
  const { data, definition } = await stage("load", effects, () => {
    const loaded = loadDataset({ root: paths.root, dataDir: paths.dataDir, year });
    const definition = loadDefinition(definitionPath, definitionFile);
    checkTemplateSet(definition.style, paths, definitionFile);
    const data = withDerivedIndicators(loaded, definition.derived, definitionFile);
    checkDefinitionAgainstData(definition, data, definitionFile);
    return { data, definition };
  });
  const { commentary, folder } = await stage("narrative", effects, () =>
    loadCommentary(source.commentaryDir, paths.root, { data, definition }),
  );
  return { root: paths.root, year, definition, definitionFile, data, commentary, commentaryFolder: folder };
}

/** `style:` names a folder of templates/ (not mail/ or partials/, which are not template sets). */
function checkTemplateSet(style: string | undefined, paths: ProjectPaths, definitionFile: string): void {
  if (style === undefined) return;
  const dir = join(paths.templateDir, style);
  if (style !== "mail" && style !== "partials" && existsSync(dir)) return;
  throw new ReportError(`"style: ${style}" names no template set`, {
    location: { file: definitionFile },
    hint: `create ${relative(paths.root, dir)}/ with the partials and style.css that differ from the shared templates, or remove the line`,
  });
}

/** Stages 1–5 and the charts: the document model with its drawings, no browser needed. */
export async function buildModel(paths: ProjectPaths, year: number, effects: BuildEffects, document?: string): Promise<LoadedInputs> {
  const { figures, ...inputs } = await decideModel(paths, year, effects, document);
  const { drawCharts } = await import("./model/build.js");
  const model = await stage("charts", effects, () => drawCharts(figures));
  return { ...inputs, model };
}

/** Stages 1–5: the document model with its charts decided, not yet drawn. */
async function decideModel(paths: ProjectPaths, year: number, effects: BuildEffects, document?: string): Promise<DecidedInputs> {
  const inputs = await loadInputs(paths, year, effects, document);
  const findings = await stage("check", effects, () => runChecks(inputs));
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw new ReportError(`${errors.length} error(s) in the content: ${formatFinding(errors[0]!)}`, { hint: `run npm run check -- ${year}${document ? ` --document ${document}` : ""} for all of them` });
  }
  // Loaded here, not at start-up: `check` needs neither Vega nor the renderers.
  const { buildFigureModel } = await import("./model/build.js");
  const figures = await stage("model", effects, () => buildFigureModel(inputs));
  return { ...inputs, findings, figures };
}

/** "kostra-analyse-2025": the files of a document are <name>.pdf, .docx and .html in output/<year>/. */
export function outputName(paths: ProjectPaths, year: number, document?: string): string {
  return `${resolveDocument(paths.dataDir, year, paths.root, document).name}-${year}`;
}

export const FORMATS = ["pdf", "docx", "html"] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOutputs {
  /** Written files, by format. */
  readonly files: Partial<Record<Format, string>>;
  /** Pages of the PDF, when one was printed. */
  readonly pages?: number;
}

/**
 * All stages; writes output/<year>/<document>-<year>.{pdf,docx,html} (kostra-analyse-2025.pdf).
 * Every file is rendered first and written (atomically) only when all succeeded.
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
  const targets = FORMATS.filter((format) => formats.has(format)).map((format) => join(dir, `${name}.${format}`));
  // A read-only or blocked output folder is found now, not after seconds of printing.
  checkWritable(dir, targets, paths.root);
  // Charts rendered by an earlier run of the same project come from output/.cache/charts/.
  useChartCacheFolder(join(paths.outputDir, ".cache", "charts"));
  takeChartCacheCounts();
  const { figures, findings, data } = await decideModel(paths, year, effects, document);
  if (findings.length > 0) effects.log(`  ${findings.length} advarsel(er) om innholdet: kjør npm run check -- ${year}${document ? ` --document ${document}` : ""}`);
  const rendered: Partial<Record<Format, string | Uint8Array>> = {};
  let pages: number | undefined;
  await stage("render", effects, async () => {
    // Word needs no drawings (it draws its charts from their data), so its worker thread starts first and works
    // while Vega draws the charts and Chromium prints; Chromium starts while Vega draws. Each stage is timed
    // from its own start to its end.
    const stopWord = new AbortController();
    const docx = formats.has("docx") ? stage("docx", effects, async () => (await import("./render/docx/renderInWorker.js")).renderDocxInWorker(figures, stopWord.signal, { layoutCache: join(paths.outputDir, ".cache", "word-pages") })) : undefined;
    // Awaited below; a failure of the print must not leave it unhandled meanwhile.
    docx?.catch(() => undefined);
    const print = formats.has("pdf") ? await import("./render/pdf/printReport.js") : undefined;
    const browser = print?.startBrowser(effects.log);
    try {
      if (formats.has("pdf") || formats.has("html")) {
        const { drawCharts } = await import("./model/build.js");
        const model = await stage("charts", effects, () => drawCharts(figures));
        const charts = takeChartCacheCounts();
        effects.log(`  charts     ${charts.rendered} rendered, ${charts.fromDisk + charts.fromMemory} from the cache`);
        const { loadHtmlTemplates } = await import("./render/html/renderHtml.js");
        const templates = await stage("templates", effects, () => loadHtmlTemplates(paths.templateDir, paths.root, model.style));
        if (print && browser) {
          const printed = await stage("pdf", effects, () =>
            print.printReport(model, (m, p) => templates.render(m, p), browser, {
              guessFile: join(paths.outputDir, ".cache", `pages-${name}.json`),
              log: effects.log,
            }),
          );
          rendered.pdf = printed.pdf;
          rendered.html = printed.html;
          pages = printed.pages;
        } else {
          rendered.html = templates.render(model);
        }
        if (!formats.has("html")) delete rendered.html;
      }
    } catch (error) {
      stopWord.abort(error);
      throw error;
    } finally {
      // Already closed after a print; closed here when the charts or the templates failed before it.
      await browser?.close();
    }
    if (docx) rendered.docx = await docx;
  });

  const files: Partial<Record<Format, string>> = {};
  await stage("write", effects, () => {
    const set = FORMATS.flatMap((format) => {
      const content = rendered[format];
      if (content === undefined) return [];
      files[format] = join(dir, `${name}.${format}`);
      return [{ path: files[format], content }];
    });
    // What the files were made from, written with them, so `npm run changes` can say what moved since.
    set.push({ path: join(dir, buildRecordName(name)), content: buildRecordJson(year, data, new Date().toISOString()) });
    writeFileSet(set, paths.root);
  });
  // Charts and chapter layouts no build has used for a month are deleted (cacheEntries.ts).
  const cache = join(paths.outputDir, ".cache");
  const pruned = pruneCache(join(cache, "charts"), Date.now()) + pruneCache(join(cache, "word-pages"), Date.now());
  if (pruned > 0) effects.log(`  cache      ${pruned} entries no build has used for ${CACHE_DAYS} days removed from ${relative(paths.root, cache)}/`);
  return { files, ...(pages !== undefined ? { pages } : {}) };
}
