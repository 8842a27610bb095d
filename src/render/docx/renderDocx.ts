import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TableOfContents, TextRun,
  type FileChild, type ISectionOptions, type PageNumberEstimator,
} from "docx";
import { estimatePageNumbersWith } from "docx/layout";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FONT_FACES, FONT_FAMILY } from "../../assets/fonts.js";
import { woffToSfnt } from "../../assets/woff.js";
import { isLeadIn } from "../../model/leadIn.js";
import type { Block, Chapter, ChartFigure, FigureModel } from "../../types/model.js";
import { chartBlocks } from "./chart.js";
import { inlineRuns } from "./inlines.js";
import { listParagraphs, ORDERED, orderedLevels } from "./list.js";
import { documentStyles } from "./styles.js";
import { tableBlocks } from "./table.js";
import { coverBand, wordLook } from "./looks.js";
import { COLOR, LANGUAGE, PAGE, SIZE } from "./theme.js";
import { documentKeyOf, sectionwisePageNumbers } from "./sectionPages.js";

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * The document model as a Word file (its charts need not be drawn: Word draws
 * them natively from their data). Reads only the model (never the HTML),
 * so text, numbers, order and numbering are the PDF's. A cover, a table of
 * contents filled in with page numbers (no empty TOC, no update prompt), one
 * section per chapter so each page's header names its chapter.
 */
export interface DocxOptions {
  /** output/.cache/word-pages/: each chapter's layout for the contents' page numbers, kept for the next build. */
  readonly layoutCache?: string;
}

export async function renderDocx(model: FigureModel, options: DocxOptions = {}): Promise<Buffer> {
  const fonts = embeddedFonts();
  const doc = new Document({
    title: model.title,
    creator: model.organisation,
    description: model.subtitle ?? model.title,
    styles: documentStyles(),
    fonts: [fonts],
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: orderedLevels(),
        },
      ],
    },
    features: { updateFields: false },
    pageNumbers: sectionwisePageNumbers({
      estimate: pageNumbersWithoutListNumbers(fonts.data),
      documentKey: layoutKey(model, fonts),
      ...(options.layoutCache ? { cacheFolder: options.layoutCache } : {}),
    }),
    sections: sectionsOf(model),
  });
  return chartsInNorwegian(await Packer.toBuffer(doc));
}

/**
 * Page numbers for the table of contents, laid out with the embedded font.
 * Only the estimate itself is passed on: given an estimator with
 * `listNumbers`, docx reads the whole document a second time to put Word's
 * list numbers in front of numbered headings' entries. Our headings carry
 * their numbers in their text and are never Word-numbered, so that read finds
 * nothing, and it cost a quarter of the Word stage at full size.
 */
function pageNumbersWithoutListNumbers(font: Buffer): PageNumberEstimator {
  const estimate = estimatePageNumbersWith({ fonts: [{ name: FONT_FAMILY, data: font }], guess: true });
  return (body, context) => estimate(body, context);
}

/**
 * What a chapter's layout depends on besides its own XML (sectionPages.ts):
 * the fonts, the running headers' texts (the title and the chapters'
 * titles), the look, and this renderer's own code, which decides the styles,
 * list indents, headers, footers and page. A change to any of them lays every
 * chapter out anew.
 */
function layoutKey(model: FigureModel, fonts: ReturnType<typeof embeddedFonts>): string {
  const headers = { title: model.title, chapters: model.chapters.map((chapter) => chapter.title) };
  return documentKeyOf(fonts.data, fonts.bold, fonts.italic, rendererCode(), JSON.stringify(wordLook(model.style)), JSON.stringify(headers));
}

let rendererDigest: string | undefined;

/**
 * SHA-256 of the files beside this module: src/render/docx/*.ts when run from
 * source, the whole compiled command line (scripts/kostra.mjs) when compiled.
 * Any edit to how Word is written then lays the chapters out anew, without
 * anyone remembering to bump a version.
 */
function rendererCode(): string {
  if (rendererDigest === undefined) {
    const folder = dirname(fileURLToPath(import.meta.url));
    const hash = createHash("sha256");
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (name.endsWith(".map") || !statSync(path).isFile()) continue;
      hash.update(name).update("\u0000").update(readFileSync(path)).update("\u0000");
    }
    rendererDigest = hash.digest("hex");
  }
  return rendererDigest;
}

const CHART_PART = /^word\/charts\/chart\d+\.xml$/;
const DOCX_CHART_LANGUAGE = '<c:lang val="en-US"/>';

/**
 * docx writes every chart part in English: `<c:lang val="en-US"/>` and
 * `lang="en-US"` on the axis titles and labels. The report's charts are
 * Norwegian like the rest, so a screen reader reads them with the right voice.
 * Index charts' category labels are moved to the plot's edge on the way.
 */
export function chartsInNorwegian(docx: Uint8Array): Buffer {
  // fflate is the zip library docx itself writes with (zipSync, its defaults), so the file is zipped as docx zips it.
  const files = unzipSync(docx);
  for (const [name, data] of Object.entries(files)) {
    if (!CHART_PART.test(name)) continue;
    const xml = strFromU8(data);
    if (!xml.includes(DOCX_CHART_LANGUAGE)) throw new Error(`${name} has no ${DOCX_CHART_LANGUAGE} to replace`);
    const norwegian = xml.replace(DOCX_CHART_LANGUAGE, `<c:lang val="${LANGUAGE}"/>`).replace(/ lang="en-US"/g, ` lang="${LANGUAGE}"`);
    files[name] = strToU8(categoryLabelsAtEdge(norwegian));
  }
  const zipped = zipSync(files);
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

/**
 * A category axis that crosses the values somewhere inside the plot (an index
 * chart's bars start at 100) keeps its labels at the plot's edge ("low"), not
 * beside the axis, where they would be drawn over the bars. docx writes
 * "nextTo" for every axis and has no option for it.
 */
function categoryLabelsAtEdge(xml: string): string {
  return xml.replace(/<c:catAx>[\s\S]*?<\/c:catAx>/g, (axis) =>
    axis.includes("<c:crossesAt ") ? axis.replace('<c:tickLblPos val="nextTo"/>', '<c:tickLblPos val="low"/>') : axis,
  );
}

const pageProperties = { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } };

/** Cover (a page, or a band over the first chapter), contents when the document has them, one section per chapter. */
function sectionsOf(model: FigureModel): ISectionOptions[] {
  const lists = { count: 0 };
  const chapters = model.chapters.map((chapter) => chapterSection(model, chapter, lists));
  const toc = model.toc.length > 0 ? [tocSection(model)] : [];
  if (wordLook(model.style).coverPage || chapters.length === 0) return [coverSection(model), ...toc, ...chapters];
  const [first, ...rest] = chapters;
  return [...toc, { ...first!, children: [...coverBand(model), ...first!.children] }, ...rest];
}

function coverSection(model: FigureModel): ISectionOptions {
  return {
    properties: pageProperties,
    children: [
      new Paragraph({ spacing: { before: 3600, after: 480 }, children: [new TextRun({ text: model.organisation, bold: true, size: 28, color: COLOR.accent })] }),
      new Paragraph({ style: "Title", children: [new TextRun({ text: model.title, color: COLOR.accent })] }),
      ...(model.subtitle ? [new Paragraph({ children: [new TextRun({ text: model.subtitle, size: 30 })] })] : []),
      ...(model.published ? [new Paragraph({ children: [new TextRun({ text: model.published, size: 22 })] })] : []),
    ],
  };
}

function tocSection(model: FigureModel): ISectionOptions {
  return {
    properties: pageProperties,
    headers: { default: runningHeader(model.title) },
    footers: { default: pageFooter() },
    children: [
      new Paragraph({ style: "TOCHeading", children: [new TextRun("Innhold")] }),
      new TableOfContents("Innhold", { hyperlink: true, headingStyleRange: "1-2" }),
    ],
  };
}

function chapterSection(model: FigureModel, chapter: Chapter<ChartFigure>, lists: { count: number }): ISectionOptions {
  return {
    properties: pageProperties,
    headers: { default: runningHeader(`${model.title} · ${chapter.title}`) },
    footers: { default: pageFooter() },
    children: chapter.blocks.flatMap((block) => blockChildren(block, lists)),
  };
}

/** A block as Word paragraphs and tables. `lists` counts the numbered lists (list.ts). */
export function blockChildren(block: Block<ChartFigure>, lists: { count: number }): FileChild[] {
  switch (block.type) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] })];
    case "paragraph":
      return [new Paragraph({ keepNext: isLeadIn(block), children: inlineRuns(block.children) })];
    case "list":
      return listParagraphs(block, lists);
    case "table":
      return tableBlocks(block);
    case "chart":
      return chartBlocks(block);
  }
}

function runningHeader(text: string): Header {
  return new Header({ children: [new Paragraph({ children: [new TextRun({ text, size: SIZE.small, color: COLOR.muted })] })] });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ size: SIZE.small, color: COLOR.muted, children: ["Side ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** The pinned font, embedded so Word and LibreOffice show the PDF's typeface. */
function embeddedFonts() {
  const face = (weight: number, style: "normal" | "italic") => {
    const found = FONT_FACES.find((f) => f.weight === weight && f.style === style);
    if (!found) throw new Error(`font face ${weight} ${style} is not pinned`);
    return woffToSfnt(readFileSync(found.file));
  };
  return { name: FONT_FAMILY, data: face(400, "normal"), bold: face(700, "normal"), italic: face(400, "italic") };
}
