import { deflateSync, inflateSync } from "node:zlib";
import { decodePDFRawStream, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString } from "pdf-lib";
import type { DocumentModel, Inline } from "../../types/model.js";
import { listInlines } from "../../types/lists.js";
import { cellExpansion } from "../../format/symbols.js";
import { markUntaggedAsArtifacts } from "./artifacts.js";
import { describeLinks, setOutlineTitles } from "./outline.js";
import { unlinkMarkedContent, untagDecoration } from "./paintOnly.js";
import { dropEmptyCellHeaders, expandSymbolCells, repairStructTree, type TableExpansions } from "./structTree.js";
import { xmpPacket } from "./xmp.js";

/** What the finishing pass needs to know about the document, taken from the model. */
export interface PdfFacts {
  readonly title: string;
  readonly language: string;
  readonly creator: string;
  /** Every heading, in document order: the bookmarks. */
  readonly headings: readonly string[];
  /** `#id` and URLs → the text a link to them is announced with. */
  readonly linkTargets: ReadonlyMap<string, string>;
  /** Every table, in document order: its header row count and each body cell's expansion (a symbol's footnote words). */
  readonly tables: readonly TableExpansions[];
}

/**
 * The printed, tagged PDF made PDF/UA-1: XMP metadata with `dc:title` and
 * `pdfuaid:part`, the title shown in the window, bookmarks that equal the
 * headings, link annotations with `/Contents`, the structure tree repaired
 * (see structTree.ts) and untagged page content marked as artifacts.
 * Everything else Chromium wrote (tags, outline, named destinations, links,
 * fonts) is kept as it is: pdf-lib rewrites only the objects changed here.
 */
export async function finishPdf(pdf: Uint8Array, facts: PdfFacts): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const { context, catalog } = doc;
  const producer = doc.getProducer() ?? "Chromium";

  context.header = PDFHeader.forVersion(1, 7);
  // Bytes, never a string: pdf-lib writes a string one byte per UTF-16 code unit, so the BOM and "æ"
  // would not be UTF-8 and a validator would read no XMP at all (Matterhorn 06-001).
  const xmp = new TextEncoder().encode(xmpPacket({ title: facts.title, language: facts.language, creator: facts.creator, producer }));
  const metadata = context.stream(xmp, {
    Type: "Metadata",
    Subtype: "XML",
  });
  catalog.set(PDFName.of("Metadata"), context.register(metadata));
  // A BCP 47 tag is ASCII; anything else goes in as a UTF-16 text string, never as raw UTF-16 code units.
  if (!catalog.has(PDFName.of("Lang"))) catalog.set(PDFName.of("Lang"), /^[\x20-\x7e]*$/.test(facts.language) ? PDFString.of(facts.language) : PDFHexString.fromText(facts.language));
  // Also sets ViewerPreferences /DisplayDocTitle (Matterhorn 07-001).
  doc.setTitle(facts.title, { showInWindowTitleBar: true });
  doc.setAuthor(facts.creator);

  setOutlineTitles(context, catalog, facts.headings);
  const structRoot = catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!structRoot) throw new Error("the printed PDF is not tagged");
  repairStructTree(context, structRoot);
  expandSymbolCells(context, structRoot, facts.tables);

  for (const page of doc.getPages()) {
    const annotations = page.node.Annots()?.asArray().filter((a): a is PDFRef => a instanceof PDFRef) ?? [];
    describeLinks(context, annotations, facts.linkTargets);
    page.node.set(PDFName.of("Tabs"), PDFName.of("S"));
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodedContent(stream)).toString("latin1");
      const decoration = untagDecoration(text);
      unlinkMarkedContent(context, structRoot, page.node, page.ref, decoration.mcids);
      const marked = markUntaggedAsArtifacts(decoration.content);
      if (marked.wrapped > 0 || decoration.mcids.length > 0) {
        context.assign(ref, context.stream(deflateSync(Buffer.from(marked.content, "latin1")), { Filter: "FlateDecode" }));
      }
    }
  }
  dropEmptyCellHeaders(context, structRoot);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}

/**
 * A page's content stream, inflated by Node's zlib when it is plainly
 * FlateDecode-compressed (what Chromium writes), by pdf-lib's own decoder
 * otherwise. Both give the same bytes; zlib is several times faster than
 * pdf-lib's JavaScript inflate and deflate on a report of a hundred pages.
 */
function decodedContent(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of("Filter"));
  const flate = filter === PDFName.of("FlateDecode") || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of("FlateDecode"));
  return flate && !stream.dict.has(PDFName.of("DecodeParms")) ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
}

/** The facts finishPdf needs, from the document model and the template's fixed headings. */
export function pdfFacts(model: DocumentModel, fixedHeadings: { readonly cover: string; readonly toc: string }): PdfFacts {
  // The contents page is printed only when the document has one (report.hbs).
  const headings = [fixedHeadings.cover, ...(model.toc.length > 0 ? [fixedHeadings.toc] : [])];
  const linkTargets = new Map<string, string>();
  const tables: TableExpansions[] = [];
  for (const chapter of model.chapters) {
    for (const block of chapter.blocks) {
      if (block.type === "table") tables.push({ headerRows: block.header.length, rows: block.rows.map((row) => row.cells.map(cellExpansion)) });
      else if (block.type === "heading") {
        headings.push(block.text);
        linkTargets.set(`#${block.id}`, block.text);
      } else if (block.type === "paragraph") collectLinks(block.children, linkTargets);
      else if (block.type === "list") for (const inlines of listInlines(block)) collectLinks(inlines, linkTargets);
    }
  }
  return { title: model.title, language: model.lang, creator: model.organisation, headings, linkTargets, tables };
}

function collectLinks(inlines: readonly Inline[], targets: Map<string, string>): void {
  for (const inline of inlines) {
    if (inline.type === "link") targets.set(inline.href, plainText(inline.children));
    else if (inline.type !== "text") collectLinks(inline.children, targets);
  }
}

function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => (i.type === "text" ? i.text : plainText(i.children))).join("");
}
