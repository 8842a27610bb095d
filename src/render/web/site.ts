import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { FONT_FACES } from "../../assets/fonts.js";
import { formatFileSize } from "../../format/norwegian.js";
import { msg } from "../../messages/catalogue.js";
import type { Block, DocumentModel } from "../../types/model.js";
import { allValueRows, allValuesCsv, allValuesXlsx } from "./allValues.js";
import { gridCsv } from "./dataCsv.js";
import { gridXlsx } from "./dataXlsx.js";
import { chartGrid, tableGrid, type DataGrid } from "./exhibitData.js";
import { keyFigures } from "./keyFigures.js";
import type { WebTemplates } from "./templates.js";
import { blockViews, keyFigureView, pageFrame, type DownloadView } from "./view.js";

/** A file of the site, named relative to its folder (web/). */
export interface SiteFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** A document of the same build the site links to and carries (the PDF, the Word file). */
export interface SiteDocument {
  /** "PDF", "Word" */
  readonly label: string;
  /** `kostra-analyse-2025.pdf` */
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** The site's folders: pages of chapters, data files, the report's own files, and style, script and fonts. */
const CHAPTERS = "kapittel";
const DATA = "data";
const DOCUMENTS = "dokumenter";
const ASSETS = "ressurser";

/**
 * The web edition of one document model: a folder that works as it is, from
 * the disk (file://) or any web server, with no build step and no server code.
 *
 *  1. plan      every chapter a page of its own (kapittel/<id>.html) and a front page (index.html);
 *               every anchor (heading, table, figure) is on one page, so links between pages find it
 *  2. data      each table's and chart's numbers as CSV and XLSX (data/<id>.csv), and every value of the
 *               report with its provenance in one file (data/<name>-alle-tall.csv)
 *  3. documents the PDF and Word file of the same build, copied in (dokumenter/), so the folder holds
 *               everything it links to: given to `pages` only, when the rest is ready
 *  4. pages     Handlebars (templates/web/), strict mode, from the same model as PDF and Word
 */
export async function prepareSite(model: DocumentModel, name: string, templates: WebTemplates): Promise<PreparedSite> {
  const chapterPages = model.chapters.map((chapter) => `${CHAPTERS}/${chapter.id}.html`);
  const anchors = new Map<string, string>();
  model.chapters.forEach((chapter, i) => {
    for (const block of chapter.blocks) if ("id" in block) anchors.set(block.id, chapterPages[i]!);
  });

  const files: SiteFile[] = [];
  const grids = model.chapters.flatMap((chapter, i) => chapter.blocks.flatMap((block) => gridOf(block)).map((grid) => ({ grid, page: chapterPages[i]! })));
  const exhibitFiles = await Promise.all(
    grids.map(async ({ grid }) => [
      { name: `${DATA}/${grid.id}.csv`, content: gridCsv(grid), text: msg.web.asCsv(grid.label).text },
      { name: `${DATA}/${grid.id}.xlsx`, content: await gridXlsx(grid), text: msg.web.asExcel(grid.label).text },
    ]),
  );
  const values = allValueRows(grids);
  const wholeFiles = [
    { name: `${DATA}/${name}-alle-tall.csv`, content: allValuesCsv(values), text: msg.web.asCsv(msg.web.allValues().text).text },
    { name: `${DATA}/${name}-alle-tall.xlsx`, content: await allValuesXlsx(values, model), text: msg.web.asExcel(msg.web.allValues().text).text },
  ];
  files.push(...exhibitFiles.flat(), ...wholeFiles);
  files.push(...templates.assets.map((asset) => ({ name: `${ASSETS}/${asset.name}`, content: asset.content })));
  files.push(...FONT_FACES.map((face) => ({ name: `${ASSETS}/${basename(face.file)}`, content: new Uint8Array(readFileSync(face.file)) })));

  return { pages: (documents) => [...files, ...pagesOf(model, name, templates, { chapterPages, anchors, grids, exhibitFiles, wholeFiles }, documents)] };
}

/** Steps 1–2 done; the pages wait for the report's own files, which they carry and link to with their sizes. */
export interface PreparedSite {
  pages(documents: readonly SiteDocument[]): SiteFile[];
}

interface Plan {
  readonly chapterPages: readonly string[];
  readonly anchors: ReadonlyMap<string, string>;
  readonly grids: readonly { readonly grid: DataGrid; readonly page: string }[];
  readonly exhibitFiles: readonly (readonly LinkedFile[])[];
  readonly wholeFiles: readonly LinkedFile[];
}

interface LinkedFile extends SiteFile {
  readonly text: string;
}

function pagesOf(model: DocumentModel, name: string, templates: WebTemplates, plan: Plan, documents: readonly SiteDocument[]): SiteFile[] {
  const { chapterPages, anchors, grids, exhibitFiles, wholeFiles } = plan;
  const files: SiteFile[] = [];
  const documentFiles = documents.map((document) => ({ name: `${DOCUMENTS}/${document.name}`, content: document.content, text: document.label }));
  files.push(...documentFiles);

  const link = (base: string) => (file: LinkedFile): DownloadView => ({ text: file.text, href: `${base}${file.name}`, size: formatFileSize(byteLength(file.content)) });
  const downloadsFor = (base: string) => new Map(grids.map(({ grid }, i) => [grid.id, exhibitFiles[i]!.map(link(base))]));
  const chartTables = new Map(grids.map(({ grid }) => [grid.id, grid]));
  const frame = (base: string, pageTitle: string, crumbs: { text: string; href: string }[]) =>
    pageFrame(
      model,
      base,
      pageTitle,
      crumbs.map((crumb, i) => ({ ...crumb, current: i === crumbs.length - 1 })),
      documentFiles.map(link(base)),
      wholeFiles.map(link(base)),
    );
  const chapterList = (base: string, current: number) => model.chapters.map((chapter, i) => ({ title: chapter.title, href: `${base}${chapterPages[i]}`, current: i === current }));

  files.push({
    name: "index.html",
    content: templates.render("front", {
      ...frame("", model.title, [{ text: msg.web.frontPage().text, href: "index.html" }]),
      chapters: chapterList("", -1),
      keyFigures: model.chapters
        .map((chapter, i) => ({ title: chapter.title, href: chapterPages[i]!, figures: keyFigures(chapter).map((figure) => keyFigureView(figure, chapterPages[i]!)) }))
        .filter((chapter) => chapter.figures.length > 0),
    }),
  });
  model.chapters.forEach((chapter, i) => {
    const base = "../";
    const page = chapterPages[i]!;
    const neighbour = (j: number) => (j >= 0 && j < model.chapters.length ? { title: model.chapters[j]!.title, href: `${base}${chapterPages[j]}` } : false);
    files.push({
      name: page,
      content: templates.render("chapter", {
        ...frame(base, `${chapter.title} – ${model.title}`, [
          { text: msg.web.frontPage().text, href: `${base}index.html` },
          { text: chapter.title, href: `${base}${page}` },
        ]),
        chapters: chapterList(base, i),
        toc: chapter.blocks.flatMap((block) => (block.type === "heading" && block.level === 2 ? [{ id: block.id, text: block.text }] : [])),
        blocks: blockViews(chapter.blocks, { base, page, anchors, downloads: downloadsFor(base), chartTables }),
        previous: neighbour(i - 1),
        next: neighbour(i + 1),
      }),
    });
  });
  return files;
}

function gridOf(block: Block): DataGrid[] {
  if (block.type === "table") return [tableGrid(block)];
  if (block.type === "chart") return [chartGrid(block)];
  return [];
}

export function byteLength(content: string | Uint8Array): number {
  return typeof content === "string" ? Buffer.byteLength(content) : content.byteLength;
}
