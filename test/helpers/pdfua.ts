import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFObject } from "pdf-lib";

/**
 * A reader of what the machine-checkable PDF/UA-1 rules look at, written for
 * the tests and independent of src/render/pdf: the structure tree, role map,
 * XMP metadata, viewer preferences, pages' tab order and annotations, and
 * the outline (with pdf-lib's low-level objects); and which page content is
 * tagged, an artifact or neither (with pdfjs, as a reader renders it).
 */
export interface StructNode {
  readonly type: string;
  readonly alt: string | undefined;
  /** `/E`: the expansion of an abbreviation (a missing value's symbol). */
  readonly expansion: string | undefined;
  readonly scope: string | undefined;
  readonly children: readonly StructNode[];
  /** Object numbers of the annotations this element holds (OBJR). */
  readonly annotations: readonly number[];
}

export interface PageFacts {
  readonly tabs: string | undefined;
  readonly annotations: readonly { readonly object: number; readonly subtype: string; readonly contents: string | undefined }[];
}

export interface PdfUaFacts {
  readonly tree: readonly StructNode[];
  readonly roleMap: ReadonlyMap<string, string>;
  readonly xmp: string | undefined;
  readonly lang: string | undefined;
  readonly displayDocTitle: boolean;
  readonly pages: readonly PageFacts[];
  readonly outline: readonly { readonly title: string; readonly depth: number }[];
}

export async function readPdfUa(bytes: Uint8Array): Promise<PdfUaFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context, catalog } = doc;
  const lookupDict = (o: PDFObject | undefined) => (o instanceof PDFRef ? context.lookupMaybe(o, PDFDict) : o instanceof PDFDict ? o : undefined);
  const text = (o: PDFObject | undefined) => {
    const value = o instanceof PDFRef ? context.lookup(o) : o;
    return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
  };
  const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);
  const kidsOf = (dict: PDFDict): PDFObject[] => {
    const k = dict.get(PDFName.of("K"));
    return k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  };

  const node = (dict: PDFDict): StructNode => {
    const children: StructNode[] = [];
    const annotations: number[] = [];
    for (const kid of kidsOf(dict)) {
      if (kid instanceof PDFNumber) continue;
      const child = lookupDict(kid);
      if (!child) continue;
      const type = name(child.get(PDFName.of("Type")));
      if (type === "OBJR") {
        const obj = child.get(PDFName.of("Obj"));
        if (obj instanceof PDFRef) annotations.push(obj.objectNumber);
      } else if (type !== "MCR" && child.has(PDFName.of("S"))) children.push(node(child));
    }
    const a = dict.get(PDFName.of("A"));
    const attributes = (a instanceof PDFArray ? a.asArray() : [a]).map(lookupDict).filter((d): d is PDFDict => d !== undefined);
    return {
      type: name(dict.get(PDFName.of("S"))) ?? "?",
      alt: text(dict.get(PDFName.of("Alt"))),
      expansion: text(dict.get(PDFName.of("E"))),
      scope: attributes.map((d) => name(d.get(PDFName.of("Scope")))).find((s) => s !== undefined),
      children,
      annotations,
    };
  };

  const root = lookupDict(catalog.get(PDFName.of("StructTreeRoot")));
  const tree = root ? kidsOf(root).map(lookupDict).filter((d): d is PDFDict => d !== undefined).map(node) : [];
  const roleMap = new Map<string, string>();
  const roles = root ? lookupDict(root.get(PDFName.of("RoleMap"))) : undefined;
  for (const [key, value] of roles?.entries() ?? []) roleMap.set(key.decodeText(), name(value) ?? "");

  const metadata = catalog.get(PDFName.of("Metadata"));
  const stream = metadata instanceof PDFRef ? context.lookup(metadata) : undefined;
  const xmp = stream instanceof PDFRawStream ? new TextDecoder("utf-8", { fatal: true }).decode(decodePDFRawStream(stream).decode()) : undefined;
  const preferences = lookupDict(catalog.get(PDFName.of("ViewerPreferences")));
  const display = preferences?.get(PDFName.of("DisplayDocTitle"));

  const pages = doc.getPages().map((page) => {
    const annots = page.node.Annots()?.asArray() ?? [];
    return {
      tabs: name(page.node.get(PDFName.of("Tabs"))),
      annotations: annots.flatMap((ref) => {
        const annotation = lookupDict(ref);
        if (!annotation || !(ref instanceof PDFRef)) return [];
        return [{ object: ref.objectNumber, subtype: name(annotation.get(PDFName.of("Subtype"))) ?? "?", contents: text(annotation.get(PDFName.of("Contents"))) }];
      }),
    };
  });

  const outline: { title: string; depth: number }[] = [];
  const visit = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item; item = lookupDict(item.get(PDFName.of("Next")))) {
      outline.push({ title: text(item.get(PDFName.of("Title"))) ?? "", depth });
      visit(lookupDict(item.get(PDFName.of("First"))), depth + 1);
    }
  };
  const outlines = lookupDict(catalog.get(PDFName.of("Outlines")));
  visit(outlines ? lookupDict(outlines.get(PDFName.of("First"))) : undefined, 0);

  return {
    tree,
    roleMap,
    xmp,
    lang: text(catalog.get(PDFName.of("Lang"))),
    displayDocTitle: display instanceof PDFBool && display.asBoolean(),
    pages,
    outline,
  };
}

/** Every structure element, depth first, with its ancestors' types. */
export function* elements(nodes: readonly StructNode[], ancestors: readonly string[] = []): Generator<{ node: StructNode; ancestors: readonly string[] }> {
  for (const node of nodes) {
    yield { node, ancestors };
    yield* elements(node.children, [...ancestors, node.type]);
  }
}

export interface PageContent {
  readonly page: number;
  /** Text a reader finds in no marked-content sequence at all. */
  readonly untaggedText: readonly string[];
  /** Text inside `/Artifact` sequences. */
  readonly artifactText: readonly string[];
  /** Painting operators (text, paths, images, shadings) outside every marked-content sequence. */
  readonly untaggedPaints: number;
}

const PAINTS = new Set<number>([
  OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
  OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText,
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.shadingFill, OPS.paintFormXObjectBegin,
]);

/** pdfjs gives a marked-content item its tag ("Artifact", "P" …) at run time; its typings leave it out. */
function markedContentTag(item: object): string {
  return "tag" in item && typeof item.tag === "string" ? item.tag : "?";
}

/** Tagged, artifact or neither: page content as pdfjs reads it (text content and operator list). */
export async function pageContent(bytes: Uint8Array): Promise<PageContent[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const result: PageContent[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: string[] = [];
      const untaggedText: string[] = [];
      const artifactText: string[] = [];
      for (const item of content.items) {
        if ("type" in item) {
          if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") stack.push(markedContentTag(item));
          else if (item.type === "endMarkedContent") stack.pop();
        } else if (item.str.trim()) {
          if (stack.length === 0) untaggedText.push(item.str);
          else if (stack.includes("Artifact")) artifactText.push(item.str);
        }
      }
      const ops = await page.getOperatorList();
      let depth = 0;
      let untaggedPaints = 0;
      for (const fn of ops.fnArray) {
        if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
        else if (fn === OPS.endMarkedContent) depth = Math.max(0, depth - 1);
        else if (depth === 0 && PAINTS.has(fn)) untaggedPaints++;
      }
      result.push({ page: p, untaggedText, artifactText, untaggedPaints });
      page.cleanup();
    }
    return result;
  } finally {
    await doc.destroy();
  }
}
