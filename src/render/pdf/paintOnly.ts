import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRef, type PDFContext, type PDFObject } from "pdf-lib";
import { contentOperations } from "./contentOperations.js";

/**
 * Structure types whose own painted shapes are layout: a table's rules and
 * cell backgrounds, a heading's rule, a section's or the cover's background.
 * (A Figure's shapes are the chart: never touched.)
 */
const DECORATED = new Set(["Table", "THead", "TBody", "TFoot", "TR", "TH", "TD", "H1", "H2", "H3", "H4", "H5", "H6", "NonStruct", "Div", "Sect", "Part", "Art", "Document"]);
const TEXT_OR_IMAGE = new Set(["Tj", "TJ", "'", '"', "Do", "BI", "sh"]);
const PATH_PAINTING = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*"]);

/**
 * Tagged marked-content sequences that hold no content a reader needs, as
 * Chromium writes them: a table's rules and header backgrounds, the cover's
 * background (shapes only, inside a table or section element), and empty
 * sequences (a heading's on the page before the one it is printed on). Each
 * becomes `/Artifact BMC` (PDF/UA-1: decoration is an artifact, 01-005), and
 * its MCID is returned so the structure tree can let go of it.
 */
export function untagDecoration(content: string): { content: string; mcids: number[] } {
  const operations = contentOperations(content);
  const replace: { start: number; end: number; mcid: number }[] = [];
  for (let i = 0; i < operations.length; i++) {
    if (operations[i]!.operator !== "BDC") continue;
    const opening = content.slice(operations[i]!.start, operations[i]!.end);
    const tag = /^\/(\w+)/.exec(opening)?.[1];
    const mcid = /\/MCID\s+(\d+)/.exec(opening)?.[1];
    if (!tag || mcid === undefined || tag === "Artifact") continue;
    let paints = 0;
    let readable = false;
    let nested = false;
    let j = i + 1;
    for (; j < operations.length; j++) {
      const op = operations[j]!.operator;
      if (op === "EMC") break;
      if (op === "BDC" || op === "BMC") nested = true;
      if (TEXT_OR_IMAGE.has(op)) readable = true;
      if (PATH_PAINTING.has(op)) paints++;
    }
    if (j >= operations.length || nested || readable) continue;
    if (paints === 0 || DECORATED.has(tag)) replace.push({ start: operations[i]!.start, end: operations[i]!.end, mcid: Number(mcid) });
    i = j;
  }
  let out = "";
  let at = 0;
  for (const r of replace) {
    out += `${content.slice(at, r.start)}/Artifact BMC`;
    at = r.end;
  }
  return { content: out + content.slice(at), mcids: replace.map((r) => r.mcid) };
}

/**
 * The structure tree lets go of marked content that became an artifact: the
 * MCID leaves its element's /K and the page's parent-tree entry. An element
 * left with content only on a later page gets that page as its /Pg, so a
 * reader's tag navigation lands where the heading is printed.
 */
export function unlinkMarkedContent(context: PDFContext, structRoot: PDFDict, page: PDFDict, pageRef: PDFRef, mcids: readonly number[]): void {
  if (mcids.length === 0) return;
  const key = page.lookupMaybe(PDFName.of("StructParents"), PDFNumber)?.asNumber();
  const tree = context.lookupMaybe(structRoot.get(PDFName.of("ParentTree")), PDFDict);
  const entries = key === undefined || !tree ? undefined : numberTreeValue(context, tree, key);
  if (!entries) return;
  for (const mcid of mcids) {
    const elementRef = entries.get(mcid);
    const element = elementRef instanceof PDFRef ? context.lookupMaybe(elementRef, PDFDict) : undefined;
    entries.set(mcid, PDFNull);
    if (!element) continue;
    const onPage = (element.get(PDFName.of("Pg")) as PDFRef | undefined)?.objectNumber === pageRef.objectNumber;
    const kids = element.get(PDFName.of("K"));
    const list: PDFObject[] = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    const keep = list.filter((kid) => {
      const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
      if (value instanceof PDFNumber) return !(onPage && value.asNumber() === mcid);
      if (value instanceof PDFDict && value.has(PDFName.of("MCID"))) {
        const mcrPage = value.get(PDFName.of("Pg"));
        const same = mcrPage instanceof PDFRef ? mcrPage.objectNumber === pageRef.objectNumber : onPage;
        return !(same && value.lookupMaybe(PDFName.of("MCID"), PDFNumber)?.asNumber() === mcid);
      }
      return true;
    });
    element.set(PDFName.of("K"), context.obj(keep));
    const numbersLeft = keep.some((kid) => (kid instanceof PDFRef ? context.lookup(kid) : kid) instanceof PDFNumber);
    const firstReference = keep.map((kid) => (kid instanceof PDFRef ? context.lookup(kid) : kid)).find((v): v is PDFDict => v instanceof PDFDict && v.has(PDFName.of("MCID")));
    const laterPage = firstReference?.get(PDFName.of("Pg"));
    if (onPage && !numbersLeft && laterPage instanceof PDFRef) element.set(PDFName.of("Pg"), laterPage);
  }
}

/** The array a number tree holds under `key` (the page's marked-content → element list). */
function numberTreeValue(context: PDFContext, node: PDFDict, key: number): PDFArray | undefined {
  const nums = context.lookupMaybe(node.get(PDFName.of("Nums")), PDFArray);
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      if ((nums.lookup(i) as PDFNumber).asNumber() === key) return context.lookupMaybe(nums.get(i + 1), PDFArray);
    }
  }
  const kids = context.lookupMaybe(node.get(PDFName.of("Kids")), PDFArray);
  for (const kid of kids?.asArray() ?? []) {
    const child = context.lookupMaybe(kid, PDFDict);
    const found = child ? numberTreeValue(context, child, key) : undefined;
    if (found) return found;
  }
  return undefined;
}
