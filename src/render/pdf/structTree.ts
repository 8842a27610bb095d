import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFContext, type PDFObject } from "pdf-lib";

/**
 * Repairs to the structure tree Chromium writes from the HTML, for PDF/UA-1:
 *
 * - a chart's `<figure>` becomes a Figure without Alt around the SVG's Figure
 *   (which has the alt text), its caption and source line. A Figure holding a
 *   Figure with Alt is a group, not an image: it is retagged `Div`, so the
 *   chart is one Figure with Alt, next to its Caption (Matterhorn 13-004);
 * - a list item's content sits directly in `LI`; ISO 32000 wants `Lbl` and/or
 *   `LBody` there, so what is not a `Lbl` is moved into a new `LBody` (09-005);
 * - structure types from PDF 2.0 (`Strong`, `Em`) are role-mapped to the
 *   PDF 1.7 type `Span` (02-001).
 */
export function repairStructTree(context: PDFContext, root: PDFDict): void {
  const types = new Set<string>();
  walk(context, root, (element, ref) => {
    const type = typeOf(element);
    if (type) types.add(type);
    if (type === "Figure" && !element.has(PDFName.of("Alt")) && childElements(context, element).some((c) => typeOf(c.element) === "Figure" && c.element.has(PDFName.of("Alt")))) {
      element.set(PDFName.of("S"), PDFName.of("Div"));
    }
    if (type === "LI" && ref) wrapListBody(context, element, ref);
  });
  const roles = Object.entries(PDF2_ROLES).filter(([type]) => types.has(type));
  if (roles.length > 0) {
    const roleMap = context.lookupMaybe(root.get(PDFName.of("RoleMap")), PDFDict) ?? context.obj({});
    for (const [type, standard] of roles) roleMap.set(PDFName.of(type), PDFName.of(standard));
    root.set(PDFName.of("RoleMap"), roleMap);
  }
}

/** A table as the model has it: how many header rows, and each body cell's expansion (undefined for a number). */
export interface TableExpansions {
  readonly headerRows: number;
  readonly rows: readonly (readonly (string | undefined)[])[];
}

/**
 * A symbol in a table cell (`..`) is text (the HTML's `abbr`), which Chromium
 * tags without its expansion. The element that holds the symbol's text gets
 * the expansion as `/E` (ISO 32000-1, 14.9.5), tagged `Span`, so a screen
 * reader says the footnote's words instead of "dot dot". Tables are matched
 * to the model's in document order, rows after the header rows, cells after
 * the row header; a table that does not match is a bug here, so it stops.
 */
export function expandSymbolCells(context: PDFContext, root: PDFDict, tables: readonly TableExpansions[]): void {
  const printed: PDFDict[] = [];
  walk(context, root, (element) => {
    if (typeOf(element) === "Table") printed.push(element);
  });
  if (printed.length !== tables.length) throw new Error(`the PDF has ${printed.length} tables, the document ${tables.length}`);
  printed.forEach((table, t) => {
    const { headerRows, rows } = tables[t]!;
    const rowElements = descendants(context, table, "TR").slice(headerRows);
    if (rowElements.length !== rows.length) throw new Error(`table ${t + 1}: the PDF has ${rowElements.length} body rows, the document ${rows.length}`);
    rowElements.forEach((row, r) => {
      const cells = childElements(context, row).map((c) => c.element).filter((e) => typeOf(e) === "TD");
      rows[r]!.forEach((expansion, c) => {
        const cell = cells[c];
        if (expansion === undefined) return;
        if (!cell) throw new Error(`table ${t + 1}, row ${r + 1}: no cell ${c + 1} in the PDF`);
        const holder = textHolder(context, cell) ?? cell;
        if (holder !== cell) holder.set(PDFName.of("S"), PDFName.of("Span"));
        holder.set(PDFName.of("E"), PDFHexString.fromText(expansion));
      });
    });
  });
}

/**
 * An empty cell (the corner of a table with two header rows) is no data cell
 * of any header: its `/Headers` attribute goes. Run after the decoration
 * (cell backgrounds) has become artifacts, so "empty" means no content.
 */
export function dropEmptyCellHeaders(context: PDFContext, root: PDFDict): void {
  walk(context, root, (element) => {
    if (typeOf(element) !== "TD" || textHolder(context, element)) return;
    const a = element.get(PDFName.of("A"));
    const list = a instanceof PDFArray ? a.asArray() : a ? [a] : [];
    for (const item of list) context.lookupMaybe(item, PDFDict)?.delete(PDFName.of("Headers"));
  });
}

/** Elements of a type below `element`, in document order (not below one of the same type). */
function descendants(context: PDFContext, element: PDFDict, type: string): PDFDict[] {
  return childElements(context, element).flatMap((c) => (typeOf(c.element) === type ? [c.element] : descendants(context, c.element, type)));
}

/** The element nearest below (or at) `element` whose own kids are marked content: where the text is. */
function textHolder(context: PDFContext, element: PDFDict): PDFDict | undefined {
  const kids = element.get(PDFName.of("K"));
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  if (list.some((kid) => kid instanceof PDFNumber || (kid instanceof PDFDict && kid.has(PDFName.of("MCID"))))) return element;
  for (const child of childElements(context, element)) {
    const found = textHolder(context, child.element);
    if (found) return found;
  }
  return undefined;
}

/** PDF 2.0 structure types Chromium uses, and the PDF 1.7 type they read as. */
const PDF2_ROLES: Readonly<Record<string, string>> = { Strong: "Span", Em: "Span" };

export interface ChildElement {
  readonly element: PDFDict;
  readonly ref: PDFRef | undefined;
}

/** Structure element children of an element (not marked-content references or object references). */
export function childElements(context: PDFContext, element: PDFDict): ChildElement[] {
  const kids = element.get(PDFName.of("K"));
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  return list.flatMap((kid) => {
    const ref = kid instanceof PDFRef ? kid : undefined;
    const resolved = ref ? context.lookup(ref) : kid;
    return resolved instanceof PDFDict && isElement(resolved) ? [{ element: resolved, ref }] : [];
  });
}

/** Depth-first, document order, every structure element below `root`. */
export function walk(context: PDFContext, root: PDFDict, visit: (element: PDFDict, ref: PDFRef | undefined, parent: PDFDict) => void): void {
  const stack: { element: PDFDict; ref: PDFRef | undefined; parent: PDFDict }[] = childElements(context, root).map((c) => ({ ...c, parent: root })).reverse();
  while (stack.length > 0) {
    const { element, ref, parent } = stack.pop()!;
    visit(element, ref, parent);
    stack.push(...childElements(context, element).map((c) => ({ ...c, parent: element })).reverse());
  }
}

export function typeOf(element: PDFDict): string | undefined {
  return element.lookupMaybe(PDFName.of("S"), PDFName)?.decodeText();
}

function isElement(dict: PDFDict): boolean {
  const type = dict.lookupMaybe(PDFName.of("Type"), PDFName)?.decodeText();
  return (type === undefined || type === "StructElem") && dict.has(PDFName.of("S"));
}

function wrapListBody(context: PDFContext, item: PDFDict, itemRef: PDFRef): void {
  const kids = item.get(PDFName.of("K"));
  const list: PDFObject[] = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
  const label = (kid: PDFObject) => {
    const resolved = kid instanceof PDFRef ? context.lookup(kid) : kid;
    return resolved instanceof PDFDict && isElement(resolved) && ["Lbl", "LBody"].includes(typeOf(resolved) ?? "");
  };
  const body = list.filter((kid) => !label(kid));
  // Only structure elements can move: a marked-content id in the LI would also need its parent-tree entry changed.
  if (body.length === 0 || !body.every((kid) => kid instanceof PDFRef && context.lookup(kid) instanceof PDFDict)) return;
  const bodyRef = context.register(context.obj({ Type: "StructElem", S: "LBody", P: itemRef, K: body }));
  for (const kid of body) context.lookup(kid as PDFRef, PDFDict).set(PDFName.of("P"), bodyRef);
  item.set(PDFName.of("K"), context.obj([...list.filter(label), bodyRef]));
}
