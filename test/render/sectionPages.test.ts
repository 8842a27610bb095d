import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  Document, FootnoteReferenceRun, Header, HeadingLevel, Packer, Paragraph, SectionType, Table, TableCell, TableOfContents, TableRow, TextRun,
  type ISectionOptions, type PageNumberEstimator,
} from "docx";
import { estimatePageNumbersWith } from "docx/layout";
import { documentKeyOf, sectionwisePageNumbers } from "../../src/render/docx/sectionPages.js";
import { openDocx } from "../helpers/docx.js";

/**
 * The contents' page numbers laid out chapter by chapter (and kept on disk)
 * must be the numbers docx's estimator gives laying out the whole document:
 * compared here on documents where headings fall on many different pages.
 */

const SENTENCE = "Kommunen brukte mer per innbygger enn snittet i nettverket, og forskjellen har økt de siste årene. ";

/** A chapter: a heading, `parts` sub-headings, each followed by `paragraphs` paragraphs and a small table. */
function chapter(title: string, parts: number, paragraphs: number): ISectionOptions {
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] })];
  for (let part = 1; part <= parts; part++) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${title}, del ${part}`)] }));
    for (let p = 0; p < paragraphs; p++) children.push(new Paragraph({ children: [new TextRun(SENTENCE.repeat(3 + ((p + part) % 4)))] }));
    children.push(
      new Table({
        rows: [1, 2, 3].map((row) => new TableRow({ children: [1, 2, 3].map((cell) => new TableCell({ children: [new Paragraph(`${row}.${cell}`)] })) })),
      }),
    );
  }
  return { children };
}

function documentOf(
  chapters: readonly ISectionOptions[],
  pageNumbers: PageNumberEstimator,
  firstType?: (typeof SectionType)[keyof typeof SectionType],
  extra: { evenAndOddHeaderAndFooters?: boolean; footnotes?: Record<number, { children: Paragraph[] }> } = {},
): Document {
  return new Document({
    features: { updateFields: false },
    ...extra,
    pageNumbers,
    sections: [
      { children: [new Paragraph({ children: [new TextRun("Forside")] })] },
      { children: [new Paragraph("Innhold"), new TableOfContents("Innhold", { hyperlink: true, headingStyleRange: "1-2" })] },
      ...chapters.map((c, index) => (index === 0 && firstType ? { ...c, properties: { type: firstType } } : c)),
    ],
  });
}

/** The contents as "title page" pairs, read from the written document.xml. */
async function contents(document: Document): Promise<string[]> {
  const xml = await (await openDocx(await Packer.toBuffer(document))).read("word/document.xml");
  const toc = /<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/.exec(xml)?.[1] ?? "";
  return [...toc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)]
    .map((p) => [...p[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(" "))
    .filter((entry) => entry.length > 0);
}

/** docx's estimator, counting the bodies it is asked to lay out. */
function countingEstimator(): { estimate: PageNumberEstimator; calls: () => number } {
  const inner = estimatePageNumbersWith({ guess: true });
  let calls = 0;
  return {
    estimate: (body, context) => {
      calls++;
      return inner(body, context);
    },
    calls: () => calls,
  };
}

const CHAPTERS = () => [chapter("Barnehage", 3, 9), chapter("Grunnskole", 4, 7), chapter("Barnevern", 2, 12), chapter("Helse", 3, 5)];
const KEY = documentKeyOf("test");

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "kostra-word-pages-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("Word contents laid out chapter by chapter", () => {
  it("gives the whole-document estimate's page numbers, on pages far into the document", async () => {
    const whole = await contents(documentOf(CHAPTERS(), estimatePageNumbersWith({ guess: true })));
    const counter = countingEstimator();
    const bySection = await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: counter.estimate, documentKey: KEY })));
    expect(bySection).toEqual(whole);
    // Every chapter and the cover laid out alone, then the document of stubs with the contents: 5 + 1.
    expect(counter.calls()).toBe(6);
    const pages = whole.map((entry) => Number(entry.split(" ").at(-1)));
    expect(pages.every((page) => Number.isInteger(page) && page >= 3)).toBe(true);
    expect(Math.max(...pages)).toBeGreaterThan(10);
  });

  it("keeps each chapter's layout on disk, and lays out again only the chapter that changed, never serving a stale one", async () => {
    const first = countingEstimator();
    await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: first.estimate, documentKey: KEY, cacheFolder: folder })));
    expect(first.calls()).toBe(6);

    const again = countingEstimator();
    const unchanged = await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: again.estimate, documentKey: KEY, cacheFolder: folder })));
    expect(again.calls()).toBe(1);
    expect(unchanged).toEqual(await contents(documentOf(CHAPTERS(), estimatePageNumbersWith({ guess: true }))));

    // The second chapter grows by several pages: it alone is laid out again, and the chapters after it move on.
    const longer = () => [chapter("Barnehage", 3, 9), chapter("Grunnskole", 4, 16), chapter("Barnevern", 2, 12), chapter("Helse", 3, 5)];
    const edited = countingEstimator();
    const changed = await contents(documentOf(longer(), sectionwisePageNumbers({ estimate: edited.estimate, documentKey: KEY, cacheFolder: folder })));
    expect(edited.calls()).toBe(2);
    expect(changed).toEqual(await contents(documentOf(longer(), estimatePageNumbersWith({ guess: true }))));
    expect(changed).not.toEqual(unchanged);
  });

  it("lays every chapter out anew under another document key (fonts, styles, headers)", async () => {
    await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: countingEstimator().estimate, documentKey: KEY, cacheFolder: folder })));
    const other = countingEstimator();
    await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: other.estimate, documentKey: documentKeyOf("other fonts"), cacheFolder: folder })));
    expect(other.calls()).toBe(6);
  });

  it("lays a chapter out again when its kept layout is unreadable or does not fit it", async () => {
    await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: countingEstimator().estimate, documentKey: KEY, cacheFolder: folder })));
    const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".json"));
    expect(files).toHaveLength(5);
    writeFileSync(join(folder, files[0]!), "{ not json");
    const entry = JSON.parse(readFileSync(join(folder, files[1]!), "utf8")) as { bookmarkPages: number[] };
    writeFileSync(join(folder, files[1]!), JSON.stringify({ ...entry, bookmarkPages: [...entry.bookmarkPages, 1] }));
    const counter = countingEstimator();
    const numbers = await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: counter.estimate, documentKey: KEY, cacheFolder: folder })));
    expect(counter.calls()).toBe(3);
    expect(numbers).toEqual(await contents(documentOf(CHAPTERS(), estimatePageNumbersWith({ guess: true }))));
  });

  it("lays the whole document out when a section does not start on a new page", async () => {
    const counter = countingEstimator();
    const numbers = await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: counter.estimate, documentKey: KEY }), SectionType.CONTINUOUS));
    expect(counter.calls()).toBe(1);
    expect(numbers).toEqual(await contents(documentOf(CHAPTERS(), estimatePageNumbersWith({ guess: true }), SectionType.CONTINUOUS)));
  });

  it("lays the whole document out when even pages have headers of their own (a chapter's pages then depend on where it starts)", async () => {
    // A tall header on even pages only: a chapter starting on an even page fits less on its first page.
    const tall = new Header({ children: Array.from({ length: 12 }, () => new Paragraph("Topptekst for partallssider")) });
    const chapters = () => CHAPTERS().map((c) => ({ ...c, headers: { default: new Header({ children: [new Paragraph("Topptekst")] }), even: tall } }));
    const counter = countingEstimator();
    const numbers = await contents(documentOf(chapters(), sectionwisePageNumbers({ estimate: counter.estimate, documentKey: KEY }), undefined, { evenAndOddHeaderAndFooters: true }));
    expect(counter.calls()).toBe(1);
    expect(numbers).toEqual(await contents(documentOf(chapters(), estimatePageNumbersWith({ guess: true }), undefined, { evenAndOddHeaderAndFooters: true })));
  });

  it("keeps a chapter with footnotes as it is (their text is not in the chapter's XML), and still gives the whole document's numbers", async () => {
    const withNote = () => {
      const [first, ...rest] = CHAPTERS();
      const children = [...first!.children, new Paragraph({ children: [new TextRun("Med fotnote"), new FootnoteReferenceRun(1)] })];
      return [{ ...first!, children }, ...rest];
    };
    const footnotes = { 1: { children: [new Paragraph(SENTENCE.repeat(30))] } };
    const counter = countingEstimator();
    const numbers = await contents(documentOf(withNote(), sectionwisePageNumbers({ estimate: counter.estimate, documentKey: KEY, cacheFolder: folder }), undefined, { footnotes }));
    // The cover and three chapters alone, then the document with the contents and the chapter with the footnote.
    expect(counter.calls()).toBe(5);
    expect(numbers).toEqual(await contents(documentOf(withNote(), estimatePageNumbersWith({ guess: true }), undefined, { footnotes })));
  });

  it("a cache folder that is a file, or a shard that is a file, costs only time: the numbers are laid out and right", async () => {
    writeFileSync(join(folder, "blocked"), "not a folder");
    const blocked = join(folder, "blocked");
    const numbers = await contents(documentOf(CHAPTERS(), sectionwisePageNumbers({ estimate: countingEstimator().estimate, documentKey: KEY, cacheFolder: blocked })));
    expect(numbers).toEqual(await contents(documentOf(CHAPTERS(), estimatePageNumbersWith({ guess: true }))));
  });
});
