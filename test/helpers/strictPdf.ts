import { spawnSync } from "node:child_process";
import { inflateSync } from "node:zlib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from "pdf-lib";

/**
 * Reading a PDF the way a validator (veraPDF, pikepdf) does, independent of
 * src/render/pdf: the bytes of a stream as they are stored, inflated by
 * zlib, decoded as UTF-8 with `fatal: true` (an invalid byte is an error,
 * never a replacement character) and the XML parsed by xmllint.
 */
export async function xmpBytes(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ref = doc.catalog.get(PDFName.of("Metadata"));
  if (!(ref instanceof PDFRef)) throw new Error("no /Metadata in the catalog");
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error("/Metadata is not a stream");
  return rawStreamBytes(stream);
}

/** A stored stream's bytes; FlateDecode is the only filter accepted. */
export function rawStreamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of("Filter"));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  let bytes: Uint8Array = stream.contents;
  for (const f of filters) {
    if (f !== PDFName.of("FlateDecode")) throw new Error(`filter ${String(f)} not read here`);
    bytes = inflateSync(bytes);
  }
  return bytes;
}

/** Strict UTF-8: throws on the first byte sequence that is not UTF-8. */
export function strictUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
}

/**
 * xmllint parses `xml` (from stdin, as bytes) and evaluates `xpath`;
 * throws with xmllint's own complaint when the XML is not well-formed.
 */
export function xpath(xml: Uint8Array, expression: string): string {
  const result = spawnSync("xmllint", ["--xpath", expression, "-"], { input: xml, encoding: "buffer" });
  const stderr = result.stderr.toString("utf8");
  if (result.status !== 0 && /parser error|not proper UTF-8|Document is empty/.test(stderr)) throw new Error(`xmllint: ${stderr}`);
  return result.status === 0 ? strictUtf8(result.stdout).replace(/\n$/, "") : "";
}

export interface TaggedElement {
  readonly type: string;
  readonly ancestors: readonly string[];
  readonly alt: string | undefined;
  /** `/E`, the expansion of an abbreviation. */
  readonly expansion: string | undefined;
  /** The text of the element's own marked content, as pdfjs reads the page. */
  readonly text: string;
  /** Each of the element's own marked-content sequences: its page and its text (empty for shapes only, or nothing). */
  readonly sequences: readonly { readonly page: number | undefined; readonly text: string }[];
  /** The page the element says it is on (/Pg). */
  readonly page: number | undefined;
  /** Whether its attributes name header cells (/Headers). */
  readonly headers: boolean;
  /** The text of the element and everything below it. */
  readonly deepText: string;
  /** The page of the first text of the element or anything below it: where a reader lands. */
  readonly textPage: number | undefined;
}

/**
 * Every structure element with its type, ancestors, Alt and E, and the text
 * its marked content shows on the page (pdfjs's text content, matched by
 * page and MCID): what a screen reader has for the element.
 */
export async function taggedElements(pdf: Uint8Array): Promise<TaggedElement[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const { context } = doc;
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.objectNumber, i + 1]));
  const texts = await markedContentTexts(pdf);
  const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? context.lookup(o) : o);
  const str = (o: PDFObject | undefined) => {
    const v = resolve(o);
    return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
  };
  const out: TaggedElement[] = [];
  const visit = (dict: PDFDict, ancestors: string[], page: number | undefined): { text: string; page: number | undefined } => {
    const type = (resolve(dict.get(PDFName.of("S"))) as PDFName | undefined)?.decodeText() ?? "?";
    const pg = dict.get(PDFName.of("Pg"));
    const ownPage = pg instanceof PDFRef ? pageIndex.get(pg.objectNumber) : page;
    const k = resolve(dict.get(PDFName.of("K")));
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    const sequences: { page: number | undefined; text: string }[] = [];
    const children: [PDFDict, number | undefined][] = [];
    for (const kid of kids) {
      const r = resolve(kid);
      if (r instanceof PDFNumber) sequences.push({ page: ownPage, text: texts.get(`${ownPage}:${r.asNumber()}`) ?? "" });
      else if (r instanceof PDFDict && r.has(PDFName.of("MCID"))) {
        const mcrPage = r.get(PDFName.of("Pg"));
        const page = mcrPage instanceof PDFRef ? pageIndex.get(mcrPage.objectNumber) : ownPage;
        sequences.push({ page, text: texts.get(`${page}:${(r.get(PDFName.of("MCID")) as PDFNumber).asNumber()}`) ?? "" });
      } else if (r instanceof PDFDict && r.has(PDFName.of("S"))) children.push([r, ownPage]);
    }
    const a = resolve(dict.get(PDFName.of("A")));
    const attributes = (a instanceof PDFArray ? a.asArray() : a ? [a] : []).map(resolve).filter((d): d is PDFDict => d instanceof PDFDict);
    const element = {
      type,
      ancestors,
      alt: str(dict.get(PDFName.of("Alt"))),
      expansion: str(dict.get(PDFName.of("E"))),
      text: sequences.map((q) => q.text).join(""),
      sequences,
      page: pg instanceof PDFRef ? pageIndex.get(pg.objectNumber) : undefined,
      headers: attributes.some((d) => d.has(PDFName.of("Headers"))),
      deepText: "",
      textPage: sequences.find((q) => q.text.trim())?.page,
    };
    out.push(element);
    const below = children.map(([child, p]) => visit(child, [...ancestors, type], p));
    element.deepText = element.text + below.map((b) => b.text).join("");
    element.textPage ??= below.find((b) => b.page !== undefined)?.page;
    return { text: element.deepText, page: element.textPage };
  };
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const k = resolve(root?.get(PDFName.of("K")));
  for (const kid of k instanceof PDFArray ? k.asArray() : k ? [k] : []) {
    const r = resolve(kid);
    if (r instanceof PDFDict) visit(r, [], undefined);
  }
  return out;
}

/** "page:mcid" → the text pdfjs finds in that marked-content sequence. */
async function markedContentTexts(pdf: Uint8Array): Promise<Map<string, string>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const texts = new Map<string, string>();
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: (string | undefined)[] = [];
      for (const item of content.items) {
        if ("type" in item) {
          if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
            const id = "id" in item && typeof item.id === "string" ? /_mc(\d+)$/.exec(item.id)?.[1] : undefined;
            stack.push(id === undefined ? undefined : `${p}:${id}`);
          } else if (item.type === "endMarkedContent") stack.pop();
        } else {
          const key = [...stack].reverse().find((s) => s !== undefined);
          if (key) texts.set(key, (texts.get(key) ?? "") + item.str);
        }
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return texts;
}
