import { PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFContext } from "pdf-lib";

/**
 * The bookmarks are the document's headings. Chromium writes the text of a
 * heading that starts a page twice ("InnholdInnhold"), so every outline title
 * is set from the headings, in document order. A different count means the
 * outline is not the headings at all: that is a bug here, so it stops.
 */
export function setOutlineTitles(context: PDFContext, catalog: PDFDict, headings: readonly string[]): void {
  const outlines = context.lookupMaybe(catalog.get(PDFName.of("Outlines")), PDFDict);
  if (!outlines) throw new Error("the printed PDF has no outline (bookmarks)");
  const items = outlineItems(context, outlines);
  if (items.length !== headings.length) {
    throw new Error(`the PDF has ${items.length} bookmarks, the document ${headings.length} headings`);
  }
  items.forEach((item, i) => item.set(PDFName.of("Title"), PDFHexString.fromText(headings[i]!)));
}

/** Outline items in document order (depth first). */
export function outlineItems(context: PDFContext, outlines: PDFDict): PDFDict[] {
  const items: PDFDict[] = [];
  const visit = (first: PDFDict | undefined) => {
    for (let item = first; item; item = context.lookupMaybe(item.get(PDFName.of("Next")), PDFDict)) {
      items.push(item);
      visit(context.lookupMaybe(item.get(PDFName.of("First")), PDFDict));
    }
  };
  visit(context.lookupMaybe(outlines.get(PDFName.of("First")), PDFDict));
  return items;
}

/**
 * Every link annotation gets `/Contents`, the text a screen reader announces
 * for it (Matterhorn 28-012): the heading an internal link leads to, or the
 * link text of an external one. `targets` maps `#id` and URLs to that text.
 */
export function describeLinks(context: PDFContext, annotations: readonly PDFRef[], targets: ReadonlyMap<string, string>): void {
  for (const ref of annotations) {
    const annotation = context.lookupMaybe(ref, PDFDict);
    if (annotation?.lookupMaybe(PDFName.of("Subtype"), PDFName)?.decodeText() !== "Link") continue;
    const target = linkTarget(context, annotation);
    const text = target === undefined ? undefined : (targets.get(target) ?? (target.startsWith("#") ? undefined : target));
    annotation.set(PDFName.of("Contents"), PDFHexString.fromText(text ?? "Lenke"));
  }
}

function linkTarget(context: PDFContext, annotation: PDFDict): string | undefined {
  const dest = annotation.get(PDFName.of("Dest"));
  if (dest instanceof PDFName) return `#${dest.decodeText()}`;
  if (dest instanceof PDFString || dest instanceof PDFHexString) return `#${dest.decodeText()}`;
  const action = context.lookupMaybe(annotation.get(PDFName.of("A")), PDFDict);
  const uri = action?.get(PDFName.of("URI"));
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  const goTo = action?.get(PDFName.of("D"));
  if (goTo instanceof PDFName || goTo instanceof PDFString || goTo instanceof PDFHexString) return `#${goTo.decodeText()}`;
  return undefined;
}
