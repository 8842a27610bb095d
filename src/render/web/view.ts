import { isSymbol, SYMBOLS } from "../../format/symbols.js";
import { isLeadIn } from "../../model/leadIn.js";
import type { Block, ChartBlock, DocumentModel, Inline, ListBlock, ListItem, ListItemBlock, TableBlock, TableCell } from "../../types/model.js";
import { webChart } from "./chartSize.js";
import type { DataGrid } from "./exhibitData.js";
import type { KeyFigure } from "./keyFigures.js";
import { WEB_POLICY } from "./policy.js";

/** A download link: what it is, where, and how large. */
export interface DownloadView {
  readonly text: string;
  readonly href: string;
  readonly size: string;
}

/** Where every anchor of the site is: `tabell-x` → `kapittel/grunnskole.html`. */
export type AnchorPages = ReadonlyMap<string, string>;

/** What the blocks of a page need to know about the site around them. */
export interface BlockContext {
  /** "" on the front page, "../" on a chapter page: the way back to the site's folder. */
  readonly base: string;
  /** The page being drawn, relative to the site's folder. */
  readonly page: string;
  readonly anchors: AnchorPages;
  /** The downloads of each exhibit, by its id. */
  readonly downloads: ReadonlyMap<string, readonly DownloadView[]>;
  /** A chart's numbers as a table, for a chart whose exhibit has no table of its own. */
  readonly chartTables: ReadonlyMap<string, DataGrid>;
}

/** The frame every page has: head, header, breadcrumbs, footer. */
export interface PageFrame {
  readonly lang: string;
  readonly csp: string;
  readonly base: string;
  readonly pageTitle: string;
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  readonly published: string;
  readonly breadcrumbs: readonly { readonly text: string; readonly href: string; readonly current: boolean }[];
  readonly documents: readonly DownloadView[];
  readonly allValues: readonly DownloadView[];
}

export function pageFrame(model: DocumentModel, base: string, pageTitle: string, breadcrumbs: PageFrame["breadcrumbs"], documents: readonly DownloadView[], allValues: readonly DownloadView[]): PageFrame {
  return {
    lang: model.lang,
    csp: WEB_POLICY,
    base,
    pageTitle,
    title: model.title,
    subtitle: model.subtitle ?? "",
    organisation: model.organisation,
    published: model.published ?? "",
    breadcrumbs,
    documents,
    allValues,
  };
}

export function keyFigureView(figure: KeyFigure, chapterHref: string): object {
  return { value: figure.value, label: figure.label, context: figure.context, href: `${chapterHref}#${figure.anchor}` };
}

/**
 * The blocks of a chapter for the templates, every optional field explicit
 * (strict mode). Text blocks take the shapes of the shared partials
 * (templates/partials/); tables and charts are the web's own, with their
 * downloads, a chart grouped with the table that holds its numbers.
 */
export function blockViews(blocks: readonly Block[], context: BlockContext): unknown[] {
  const tables = new Map(blocks.filter((block): block is TableBlock => block.type === "table").map((table) => [table.id, table]));
  return blocks.map((block) => {
    switch (block.type) {
      case "heading":
        return { partial: "heading", tag: `h${block.level}`, id: block.id, text: block.text };
      case "paragraph":
        return { partial: "paragraph", leadIn: isLeadIn(block), inlines: block.children.map((inline) => inlineView(inline, context)) };
      case "list":
        return listView(block, context);
      case "table":
        return tableView(block, context);
      case "chart":
        return chartView(block, tables.get(block.id.replace(/^figur-/, "tabell-")), context);
    }
  });
}

function tableView(table: TableBlock, context: BlockContext): object {
  return {
    partial: "web-table",
    id: table.id,
    label: table.label,
    caption: table.caption,
    source: table.source,
    notes: table.notes,
    header: table.header.map((row) => row.map((cell, i) => ({ ...cellView(cell), stub: i === 0 }))),
    rows: table.rows.map((row) => ({ label: row.label, cells: row.cells.map(cellView) })),
    downloads: context.downloads.get(table.id) ?? [],
  };
}

/** The chart, drawn at least as wide as its labels need (chartSize.ts), and where its numbers are. */
function chartView(chart: ChartBlock, table: TableBlock | undefined, context: BlockContext): object {
  const { svg, minWidth } = webChart(chart.svg, chart.width, chart.height);
  const grid = context.chartTables.get(chart.id);
  return {
    partial: "web-chart",
    id: chart.id,
    label: chart.label,
    caption: chart.caption,
    source: chart.source,
    notes: chart.notes,
    svg,
    minWidth,
    table: table ? { id: table.id, label: table.label } : false,
    data: grid && !table ? { columns: grid.columns.slice(1), stub: grid.columns[0]!, rows: grid.rows.map((row) => ({ label: row.label, cells: row.cells.map((cell) => ({ text: cell.text, colSpan: 1, missing: missingName(cell.text, cell.number) })) })) } : false,
    downloads: context.downloads.get(chart.id) ?? [],
  };
}

function listView(list: ListBlock, context: BlockContext): unknown {
  return { partial: "list", tag: list.ordered ? "ol" : "ul", items: list.items.map((item) => listItemView(item, context)) };
}

/** As the print HTML: a point of several paragraphs has each as a `<p>`; nested lists in the order written. */
function listItemView(item: ListItem, context: BlockContext): { inlines: unknown[]; blocks: unknown[] } {
  const blocks = item.blocks ?? [];
  const view = (block: ListItemBlock) => (block.type === "list" ? listView(block, context) : { partial: "paragraph", leadIn: false, inlines: block.children.map((inline) => inlineView(inline, context)) });
  if (!blocks.some((block) => block.type === "paragraph")) return { inlines: item.children.map((inline) => inlineView(inline, context)), blocks: blocks.map(view) };
  const first: ListItemBlock[] = item.children.length > 0 ? [{ type: "paragraph", children: item.children }] : [];
  return { inlines: [], blocks: [...first, ...blocks].map(view) };
}

/** A missing value's symbol gets a spoken name ("mangler"), as in the print HTML. */
function cellView(cell: TableCell): { text: string; colSpan: number; missing: string } {
  return { text: cell.text, colSpan: cell.colSpan ?? 1, missing: missingName(cell.text, cell.value) };
}

function missingName(text: string, value: number | undefined): string {
  return value === undefined && isSymbol(text) ? SYMBOLS[text].spoken : "";
}

function inlineView(inline: Inline, context: BlockContext): unknown {
  switch (inline.type) {
    case "text":
      return { partial: "text", text: inline.text };
    case "strong":
    case "emphasis":
      return { partial: inline.type, children: inline.children.map((child) => inlineView(child, context)) };
    case "link":
      return { partial: "link", href: siteHref(inline.href, context), children: inline.children.map((child) => inlineView(child, context)) };
  }
}

/** `#tabell-x` in the commentary points at the page that has it, once the report is split into pages. */
function siteHref(href: string, context: BlockContext): string {
  if (!href.startsWith("#")) return href;
  const page = context.anchors.get(href.slice(1));
  return page === undefined || page === context.page ? href : `${context.base}${page}${href}`;
}
