import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, type PDFContext } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { describeLinks, outlineItems, setOutlineTitles } from "../../src/render/pdf/outline.js";
import { childElements, repairStructTree, typeOf } from "../../src/render/pdf/structTree.js";

/** The structure-tree and outline repairs of finishPdf, on a small hand-built tagged PDF of the shape Chromium writes. */
function element(context: PDFContext, type: string, kids: readonly PDFRef[], extra: Record<string, unknown> = {}): PDFRef {
  const ref = context.register(context.obj({ Type: "StructElem", S: type, K: kids.length === 1 ? kids[0]! : [...kids], ...extra }));
  for (const kid of kids) context.lookup(kid, PDFDict).set(PDFName.of("P"), ref);
  return ref;
}
const leaf = (context: PDFContext, type: string, extra: Record<string, unknown> = {}) => context.register(context.obj({ Type: "StructElem", S: type, K: 0, ...extra }));
const types = (context: PDFContext, ref: PDFRef) => childElements(context, context.lookup(ref, PDFDict)).map((c) => typeOf(c.element));

describe("repairStructTree", () => {
  it("retags a Figure without Alt that only groups a chart's Figure (with Alt) as Div, and keeps the chart's Figure", async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const chart = leaf(context, "Figure", { Alt: PDFHexString.fromText("Stolpediagram: …") });
    const group = element(context, "Figure", [leaf(context, "Caption"), chart, leaf(context, "P")]);
    const picture = leaf(context, "Figure");
    const root = context.obj({ Type: "StructTreeRoot", K: [element(context, "Document", [group, picture])] });
    repairStructTree(context, root);
    expect(typeOf(context.lookup(group, PDFDict))).toBe("Div");
    expect(types(context, group)).toEqual(["Caption", "Figure", "P"]);
    // A Figure without Alt that groups nothing is left for the checks to find.
    expect(typeOf(context.lookup(picture, PDFDict))).toBe("Figure");
  });

  it("moves a list item's content into an LBody, keeping its Lbl, and points the parents right", async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const link = leaf(context, "Link");
    const tocItem = element(context, "LI", [link]);
    const label = leaf(context, "Lbl");
    const bullet = element(context, "LI", [label, leaf(context, "NonStruct")]);
    const root = context.obj({ Type: "StructTreeRoot", K: element(context, "L", [tocItem, bullet]) });
    repairStructTree(context, root);
    expect(types(context, tocItem)).toEqual(["LBody"]);
    const body = childElements(context, context.lookup(tocItem, PDFDict))[0]!;
    expect(childElements(context, body.element).map((c) => c.ref)).toEqual([link]);
    expect(context.lookup(link, PDFDict).get(PDFName.of("P"))).toBe(body.ref);
    expect(body.element.get(PDFName.of("P"))).toBe(tocItem);
    expect(types(context, bullet)).toEqual(["Lbl", "LBody"]);
  });

  it("role-maps PDF 2.0 types to Span", async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const root = context.obj({ Type: "StructTreeRoot", K: element(context, "P", [leaf(context, "Strong")]) });
    repairStructTree(context, root);
    expect(root.lookup(PDFName.of("RoleMap"), PDFDict).get(PDFName.of("Strong"))).toBe(PDFName.of("Span"));
  });
});

describe("outline and links", () => {
  async function withOutline(titles: readonly string[]) {
    const doc = await PDFDocument.create();
    const { context, catalog } = doc;
    const outlines = context.obj({ Type: "Outlines" });
    const refs = titles.map((title) => context.register(context.obj({ Title: PDFHexString.fromText(title) })));
    refs.forEach((ref, i) => {
      const item = context.lookup(ref, PDFDict);
      if (i + 1 < refs.length) item.set(PDFName.of("Next"), refs[i + 1]!);
    });
    // The second item gets a child, as a chapter holds its sections.
    const child = context.register(context.obj({ Title: PDFHexString.fromText("DekningsgraderDekningsgrader") }));
    context.lookup(refs[1]!, PDFDict).set(PDFName.of("First"), child);
    outlines.set(PDFName.of("First"), refs[0]!);
    catalog.set(PDFName.of("Outlines"), context.register(outlines));
    return { context, catalog, outlines };
  }

  it("sets the bookmarks to the headings, in document order, undoing Chromium's doubled titles", async () => {
    const { context, catalog, outlines } = await withOutline(["KOSTRA analyse 2025", "InnholdInnhold", "Kvalitet"]);
    setOutlineTitles(context, catalog, ["KOSTRA analyse 2025", "Innhold", "Dekningsgrader", "Kvalitet"]);
    const titles = outlineItems(context, outlines).map((item) => item.lookup(PDFName.of("Title"), PDFHexString).decodeText());
    expect(titles).toEqual(["KOSTRA analyse 2025", "Innhold", "Dekningsgrader", "Kvalitet"]);
  });

  it("refuses an outline that is not the headings", async () => {
    const { context, catalog } = await withOutline(["A", "B"]);
    expect(() => setOutlineTitles(context, catalog, ["A", "B", "C", "D"])).toThrow(/3 bookmarks, the document 4 headings/);
  });

  it("gives internal and external link annotations the text they lead to", async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const internal = context.register(context.obj({ Type: "Annot", Subtype: "Link", Dest: PDFName.of("grunnskole-kvalitet") }));
    const external = context.register(context.obj({ Type: "Annot", Subtype: "Link", A: { S: "URI", URI: PDFHexString.fromText("https://www.ssb.no/kostra") } }));
    describeLinks(context, [internal, external], new Map([["#grunnskole-kvalitet", "Kvalitet"]]));
    const contents = (ref: PDFRef) => context.lookup(ref, PDFDict).lookup(PDFName.of("Contents"), PDFHexString).decodeText();
    expect(contents(internal)).toBe("Kvalitet");
    expect(contents(external)).toBe("https://www.ssb.no/kostra");
  });
});
