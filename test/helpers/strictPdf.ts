import { spawnSync } from "node:child_process";
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

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
