import { cellExpansion } from "../../format/symbols.js";
import { isLeadIn } from "../../model/leadIn.js";
import type { Block, DocumentModel, Inline, ListBlock, ListItem, ListItemBlock, TableCell } from "../../types/model.js";
import { REPORT_POLICY } from "./contentSecurityPolicy.js";

/**
 * The document model shaped for the templates: every optional field made
 * explicit (Handlebars runs in strict mode, so a missing field is an error,
 * never a silent blank) and each block tagged with the partial that draws it.
 */
export interface HtmlView {
  readonly lang: string;
  /** The Content-Security-Policy (contentSecurityPolicy.ts): a constant, written unescaped. */
  readonly csp: string;
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  readonly published: string;
  readonly fontCss: string;
  readonly css: string;
  readonly toc: readonly { id: string; text: string; level: number; page: string }[];
  readonly chapters: readonly { id: string; title: string; blocks: readonly unknown[] }[];
}

export function toView(model: DocumentModel, pages: ReadonlyMap<string, number>, fontCss: string, css: string): HtmlView {
  return {
    lang: model.lang,
    csp: REPORT_POLICY,
    title: model.title,
    subtitle: model.subtitle ?? "",
    organisation: model.organisation,
    published: model.published ?? "",
    fontCss,
    css,
    toc: model.toc.map((entry) => ({ ...entry, page: pages.has(entry.id) ? String(pages.get(entry.id)) : "" })),
    chapters: model.chapters.map((chapter) => ({ id: chapter.id, title: chapter.title, blocks: pairedViews(chapter.blocks) })),
  };
}

/**
 * The blocks' views, a chart and the table right after it (the same numbers,
 * one indicator) held together as a `pair`, which the stylesheet keeps on one
 * page when the two fit there.
 */
function pairedViews(blocks: readonly Block[]): unknown[] {
  const views: unknown[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.type === "chart" && next?.type === "table") {
      views.push({ partial: "pair", blocks: [blockView(block), blockView(next)] });
      i++;
    } else views.push(blockView(block));
  }
  return views;
}

function blockView(block: Block): unknown {
  switch (block.type) {
    case "heading":
      return { partial: "heading", tag: `h${block.level}`, id: block.id, text: block.text };
    case "paragraph":
      return { partial: "paragraph", leadIn: isLeadIn(block), inlines: block.children.map(inlineView) };
    case "list":
      return listView(block);
    case "table":
      return {
        partial: "table",
        id: block.id,
        label: block.label,
        caption: block.caption,
        source: block.source,
        notes: block.notes,
        header: block.header.map((row) => row.map((cell, i) => ({ ...cellView(cell), stub: i === 0 }))),
        rows: block.rows.map((row) => ({ label: row.label, cells: row.cells.map(cellView) })),
      };
    case "chart":
      return {
        partial: "chart",
        id: block.id,
        label: block.label,
        caption: block.caption,
        source: block.source,
        notes: block.notes,
        svg: block.svg,
      };
  }
}

function listView(list: ListBlock): unknown {
  return { partial: "list", tag: list.ordered ? "ol" : "ul", items: list.items.map(listItemView) };
}

/**
 * A point's text stands in its `<li>` as it is; when the point has more than
 * one paragraph, each is a `<p>` of its own, so they are never run together.
 * Nested lists follow in the order written.
 */
function listItemView(item: ListItem): { inlines: unknown[]; blocks: unknown[] } {
  const blocks = item.blocks ?? [];
  const view = (block: ListItemBlock) => (block.type === "list" ? listView(block) : { partial: "paragraph", leadIn: false, inlines: block.children.map(inlineView) });
  if (!blocks.some((block) => block.type === "paragraph")) return { inlines: item.children.map(inlineView), blocks: blocks.map(view) };
  const first: ListItemBlock[] = item.children.length > 0 ? [{ type: "paragraph", children: item.children }] : [];
  return { inlines: [], blocks: [...first, ...blocks].map(view) };
}

/**
 * A missing value prints SSB's symbol (`..`, `.`, `:`), which a screen reader
 * would read as "dot dot": it stays text, an `abbr` expanded with the words
 * of the table's footnote (`expansion`, empty otherwise). The PDF gets the
 * same expansion as `/E` (src/render/pdf/structTree.ts).
 */
function cellView(cell: TableCell): { text: string; colSpan: number; expansion: string } {
  return { text: cell.text, colSpan: cell.colSpan ?? 1, expansion: cellExpansion(cell) ?? "" };
}

function inlineView(inline: Inline): unknown {
  switch (inline.type) {
    case "text":
      return { partial: "text", text: inline.text };
    case "strong":
    case "emphasis":
      return { partial: inline.type, children: inline.children.map(inlineView) };
    case "link":
      return { partial: "link", href: inline.href, children: inline.children.map(inlineView) };
  }
}
