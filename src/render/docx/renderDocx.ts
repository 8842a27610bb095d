import { readFileSync } from "node:fs";
import {
  AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, TableOfContents, TextRun,
  type FileChild, type ISectionOptions,
} from "docx";
import { estimatePageNumbersWith } from "docx/layout";
import { FONT_FACES, FONT_FAMILY } from "../../assets/fonts.js";
import { woffToSfnt } from "../../assets/woff.js";
import { isLeadIn } from "../../model/leadIn.js";
import type { Block, Chapter, DocumentModel } from "../../model/types.js";
import { chartBlocks } from "./chart.js";
import { inlineRuns } from "./inlines.js";
import { documentStyles } from "./styles.js";
import { tableBlocks } from "./table.js";
import { coverBand, wordLook } from "./looks.js";
import { COLOR, LANGUAGE, PAGE, SIZE } from "./theme.js";
import { rewriteZipEntries } from "./zipEntries.js";

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const ORDERED = "nummerert-liste";

/**
 * The document model as a Word file. Reads only the model (never the HTML),
 * so text, numbers, order and numbering are the PDF's. A cover, a table of
 * contents filled in with page numbers (no empty TOC, no update prompt), one
 * section per chapter so each page's header names its chapter.
 */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
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
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START, style: { paragraph: { indent: { left: 420, hanging: 280 } } } }],
        },
      ],
    },
    features: { updateFields: false },
    pageNumbers: estimatePageNumbersWith({ fonts: [{ name: FONT_FAMILY, data: fonts.data }], guess: true }),
    sections: sectionsOf(model),
  });
  return chartsInNorwegian(await Packer.toBuffer(doc));
}

const CHART_PART = /^word\/charts\/chart\d+\.xml$/;
const DOCX_CHART_LANGUAGE = '<c:lang val="en-US"/>';

/**
 * docx writes every chart part in English: `<c:lang val="en-US"/>` and
 * `lang="en-US"` on the axis titles and labels. The report's charts are
 * Norwegian like the rest, so a screen reader reads them with the right voice.
 */
function chartsInNorwegian(docx: Buffer): Buffer {
  return rewriteZipEntries(
    docx,
    (name) => CHART_PART.test(name),
    (xml, name) => {
      if (!xml.includes(DOCX_CHART_LANGUAGE)) throw new Error(`${name} has no ${DOCX_CHART_LANGUAGE} to replace`);
      return xml.replace(DOCX_CHART_LANGUAGE, `<c:lang val="${LANGUAGE}"/>`).replace(/ lang="en-US"/g, ` lang="${LANGUAGE}"`);
    },
  );
}

const pageProperties = { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } };

/** Cover (a page, or a band over the first chapter), contents when the document has them, one section per chapter. */
function sectionsOf(model: DocumentModel): ISectionOptions[] {
  const chapters = model.chapters.map((chapter) => chapterSection(model, chapter));
  const toc = model.toc.length > 0 ? [tocSection(model)] : [];
  if (wordLook(model.style).coverPage || chapters.length === 0) return [coverSection(model), ...toc, ...chapters];
  const [first, ...rest] = chapters;
  return [...toc, { ...first!, children: [...coverBand(model), ...first!.children] }, ...rest];
}

function coverSection(model: DocumentModel): ISectionOptions {
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

function tocSection(model: DocumentModel): ISectionOptions {
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

function chapterSection(model: DocumentModel, chapter: Chapter): ISectionOptions {
  return {
    properties: pageProperties,
    headers: { default: runningHeader(`${model.title} · ${chapter.title}`) },
    footers: { default: pageFooter() },
    children: chapter.blocks.flatMap(blockChildren),
  };
}

export function blockChildren(block: Block): FileChild[] {
  switch (block.type) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] })];
    case "paragraph":
      return [new Paragraph({ keepNext: isLeadIn(block), children: inlineRuns(block.children) })];
    case "list":
      return block.items.map(
        (item) => new Paragraph({ ...(block.ordered ? { numbering: { reference: ORDERED, level: 0 } } : { bullet: { level: 0 } }), children: inlineRuns(item) }),
      );
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
