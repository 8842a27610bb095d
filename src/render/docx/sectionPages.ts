import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { EstimatedPageNumbers, IContext, IXmlableObject, PageNumberEstimator } from "docx";
import { readCacheEntry, writeCacheEntry } from "../../output/cacheEntries.js";

/**
 * The page numbers of the Word file's table of contents, laid out section by
 * section instead of all at once, with each section's layout kept on disk.
 *
 * docx's estimator lays the whole document out at least twice (once without
 * the contents' numbers, once with them, to see that they settle), and its
 * cost grows faster than the document. But every chapter of ours is a section
 * that starts on a new page, with no field in it: where its headings fall,
 * counted from its own first page, and how many pages it has, depend on that
 * section alone. So each such section is laid out by itself (or read from
 * output/.cache/word-pages/ when the same section was laid out before), and
 * then stands in for itself as a stub of as many pages, with its bookmarks on
 * the pages they were found on. The sections with fields (the contents) stay
 * as they are, and docx's estimator lays out the document of stubs, numbers
 * and all, which is quick. After a commentary edit, only the edited chapter
 * is laid out again.
 *
 * When a section breaks any of these assumptions it is kept as it is: one
 * that holds a field, a footnote or an endnote (their text is not in the
 * section). When the document does (a section that does not start a new
 * page, or restarts or reformats its numbering, or pages with headers of
 * their own for even pages, where a chapter's layout depends on where it
 * starts), or when no section can be replaced, the whole document is laid out
 * as before. Lists are no such dependence: list.ts gives every numbered list
 * its own instance, so none numbers on from an earlier chapter.
 */
export interface SectionPagesOptions {
  /** docx/layout's estimator, as configured (fonts, guessing). */
  readonly estimate: PageNumberEstimator;
  /** What every section's layout also depends on: styles, headers, fonts … (see renderDocx.ts). */
  readonly documentKey: string;
  /** output/.cache/word-pages/, or none: laid out every time. */
  readonly cacheFolder?: string;
}

/** A section as laid out alone: its pages, and the page (from 1) of each of its bookmarks in order. */
export interface SectionLayout {
  readonly pages: number;
  readonly bookmarkPages: readonly number[];
}

/**
 * Bump when this file changes what a layout means or how a section is
 * keyed, so layouts kept by older code are not used.
 */
const FORMAT = "kostra-word-section-1";

type Element = Record<string, unknown>;

interface Section {
  /** The body's blocks of the section; the last carries the section's w:sectPr unless `final`. */
  readonly blocks: readonly Element[];
  /** The section's properties: inside its last paragraph, or the body's closing w:sectPr. */
  readonly sectPr: Element;
  readonly final: boolean;
}

export function sectionwisePageNumbers(options: SectionPagesOptions): PageNumberEstimator {
  return (body, context) => estimateBySection(body, context, options) ?? options.estimate(body, context);
}

/** Undefined when the body cannot be taken apart safely: then the whole of it is laid out. */
function estimateBySection(body: IXmlableObject, context: IContext, options: SectionPagesOptions): EstimatedPageNumbers | undefined {
  const sections = sectionsOf(body);
  if (!sections || sections.length < 2 || !sections.every((s) => startsOwnPages(s.sectPr) && !hasEvenPageHeaders(s.sectPr))) return undefined;
  const stubs: Element[] = [];
  let replaced = 0;
  for (const section of sections) {
    if (hasFields(section)) {
      stubs.push(...section.blocks, ...(section.final ? [section.sectPr] : []));
      continue;
    }
    const layout = sectionLayout(section, context, options);
    if (!layout) return undefined;
    stubs.push(...stubOf(section, layout));
    replaced++;
  }
  if (replaced === 0) return undefined;
  return options.estimate({ "w:body": stubs } as IXmlableObject, context);
}

/** The body's sections in order, or undefined when the body is not shaped as docx writes it. */
function sectionsOf(body: IXmlableObject): Section[] | undefined {
  const blocks = (body as Element)["w:body"];
  if (!Array.isArray(blocks)) return undefined;
  const sections: Section[] = [];
  let current: Element[] = [];
  for (const block of blocks as unknown[]) {
    if (!isElement(block)) return undefined;
    if (nameOf(block) === "w:sectPr") {
      sections.push({ blocks: current, sectPr: block, final: true });
      current = [];
      continue;
    }
    current.push(block);
    const sectPr = nameOf(block) === "w:p" ? paragraphSectPr(block) : undefined;
    if (sectPr) {
      sections.push({ blocks: current, sectPr, final: false });
      current = [];
    }
  }
  // Anything after the closing w:sectPr, or no closing w:sectPr: not a body docx wrote.
  return current.length === 0 && sections.at(-1)?.final ? sections : undefined;
}

/**
 * A section that starts on a new page and counts on from the one before:
 * no w:type (nextPage is the default) or nextPage, and no w:pgNumType
 * with a start or a format of its own.
 */
function startsOwnPages(sectPr: Element): boolean {
  for (const child of childrenOf(sectPr)) {
    const name = nameOf(child);
    if (name === "w:type" && attributesOf(child)["w:val"] !== "nextPage") return false;
    if (name === "w:pgNumType" && Object.keys(attributesOf(child)).length > 0) return false;
  }
  return true;
}

/** Headers or footers of their own for even pages: a chapter's pages then depend on whether it starts on an odd or an even page. */
function hasEvenPageHeaders(sectPr: Element): boolean {
  return childrenOf(sectPr).some((child) => /^w:(header|footer)Reference$/.test(nameOf(child) ?? "") && attributesOf(child)["w:type"] === "even");
}

/**
 * A field (a page reference, a page count, a date …) may show another text
 * where the section stands in the document, and a footnote's or endnote's
 * text is in a part of its own, not in the section's XML the key is made of.
 */
function hasFields(section: Section): boolean {
  const text = JSON.stringify(section.blocks);
  return ['"w:instrText"', '"w:fldSimple"', '"w:fldChar"', '"w:footnoteReference"', '"w:endnoteReference"'].some((tag) => text.includes(tag));
}

function sectionLayout(section: Section, context: IContext, options: SectionPagesOptions): SectionLayout | undefined {
  const names = bookmarkNames(section.blocks);
  const key = sectionKey(section, options.documentKey);
  const kept = options.cacheFolder === undefined ? undefined : readLayout(options.cacheFolder, key, names.length);
  if (kept) return kept;
  const alone = { "w:body": aloneBlocks(section) };
  const estimate = options.estimate(alone as IXmlableObject, context);
  const pages = estimate.sectionPageCounts?.[0];
  const bookmarkPages = names.map((name) => estimate.bookmarkPageNumbers?.get(name));
  if (pages === undefined || pages < 1 || bookmarkPages.some((page) => page === undefined || page < 1 || page > pages)) return undefined;
  const layout = { pages, bookmarkPages: bookmarkPages as number[] };
  if (options.cacheFolder !== undefined) writeCacheEntry(options.cacheFolder, key, layout);
  return layout;
}

/**
 * The section as a body of its own: its properties move from its last
 * paragraph (which stays, as it takes its line) to the body's closing
 * w:sectPr, as the last section of a document has them.
 */
function aloneBlocks(section: Section): Element[] {
  if (section.final) return [...section.blocks, section.sectPr];
  const last = section.blocks.at(-1)!;
  const withoutProperties = childrenOf(last).map((child) =>
    nameOf(child) === "w:pPr" ? { "w:pPr": childrenOf(child).filter((property) => nameOf(property) !== "w:sectPr") } : child,
  );
  return [...section.blocks.slice(0, -1), { "w:p": withoutProperties }, section.sectPr];
}

/**
 * The section as pages of empty paragraphs: one per page, each after the
 * first starting a new page, its bookmarks in the paragraph of their page,
 * and the section's own properties where they were.
 */
function stubOf(section: Section, layout: SectionLayout): Element[] {
  const starts = bookmarkStarts(section.blocks);
  const paragraphs: Element[] = [];
  for (let page = 1; page <= layout.pages; page++) {
    const marks = starts.flatMap((start, index) =>
      layout.bookmarkPages[index] === page ? [start, { "w:bookmarkEnd": { _attr: { "w:id": attributesOf(start)["w:id"] } } }] : [],
    );
    paragraphs.push({ "w:p": [...(page > 1 ? [{ "w:pPr": [{ "w:pageBreakBefore": {} }] }] : []), ...marks] });
  }
  // The section break in a paragraph of its own after the last page's, as docx writes it.
  return [...paragraphs, section.final ? section.sectPr : { "w:p": [{ "w:pPr": [section.sectPr] }] }];
}

/**
 * The key of a section's layout: the document's key and the section's XML,
 * with what changes when another section changes taken out: bookmark names
 * and ids (numbered through the document) and relationship ids (charts'
 * are random). Which headers the section shows is in the document key.
 */
function sectionKey(section: { readonly blocks: readonly Element[]; readonly sectPr: Element }, documentKey: string): string {
  const xml = JSON.stringify([section.blocks, section.sectPr])
    .replace(/"w:name":"_Toc\d+"/g, '"w:name":"_Toc"')
    .replace(/("w:bookmark(?:Start|End)":\{"_attr":\{(?:"w:name":"[^"]*",)?)"w:id":\d+/g, "$1\"w:id\":0")
    .replace(/"r:id":"[^"]*"/g, '"r:id":""');
  return createHash("sha256").update(FORMAT).update("\u0000").update(documentKey).update("\u0000").update(xml).digest("hex");
}

/** What a section's layout depends on besides its XML: the docx version and what the caller names. */
export function documentKeyOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha256").update(`${FORMAT}\u0000docx ${docxVersion()}`);
  for (const part of parts) hash.update("\u0000").update(part);
  return hash.digest("hex");
}

let version: string | undefined;
function docxVersion(): string {
  if (version === undefined) {
    // docx exports no package.json; its main file lies in <package>/dist/.
    const main = createRequire(import.meta.url).resolve("docx");
    version = (JSON.parse(readFileSync(join(dirname(dirname(main)), "package.json"), "utf8")) as { version: string }).version;
  }
  return version;
}

/** A kept layout, or undefined when there is none or it does not fit the section (then it is laid out anew). */
function readLayout(folder: string, key: string, bookmarks: number): SectionLayout | undefined {
  const entry = readCacheEntry(folder, key);
  if (!entry) return undefined;
  const { pages, bookmarkPages } = entry;
  if (typeof pages !== "number" || !Number.isInteger(pages) || pages < 1) return undefined;
  if (!Array.isArray(bookmarkPages) || bookmarkPages.length !== bookmarks) return undefined;
  if (!bookmarkPages.every((page) => Number.isInteger(page) && page >= 1 && page <= pages)) return undefined;
  return { pages, bookmarkPages: bookmarkPages as number[] };
}

function bookmarkStarts(blocks: readonly Element[]): Element[] {
  const starts: Element[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isElement(value)) {
      if (nameOf(value) === "w:bookmarkStart") starts.push(value);
      else Object.values(value).forEach(visit);
    }
  };
  visit(blocks);
  return starts;
}

function bookmarkNames(blocks: readonly Element[]): string[] {
  return bookmarkStarts(blocks).map((start) => String(attributesOf(start)["w:name"]));
}

function paragraphSectPr(paragraph: Element): Element | undefined {
  const properties = childrenOf(paragraph).find((child) => nameOf(child) === "w:pPr");
  return properties && childrenOf(properties).find((child) => nameOf(child) === "w:sectPr");
}

function isElement(value: unknown): value is Element {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An element is an object with one key, its tag (docx's formatted XML). */
function nameOf(element: Element): string | undefined {
  return Object.keys(element).find((key) => key !== "_attr");
}

function childrenOf(element: Element): Element[] {
  const name = nameOf(element);
  const content = name === undefined ? undefined : element[name];
  return Array.isArray(content) ? content.filter(isElement) : [];
}

function attributesOf(element: Element): Record<string, unknown> {
  const name = nameOf(element);
  const content = name === undefined ? undefined : element[name];
  const holder = Array.isArray(content) ? content.find((child) => isElement(child) && "_attr" in child) : content;
  return isElement(holder) && isElement(holder._attr) ? holder._attr : {};
}
