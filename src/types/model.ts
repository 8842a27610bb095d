/**
 * The document model: plain data that both renderers read (HTML→PDF and
 * Word). Every text and formatted number a reader sees is already decided
 * here, so the two outputs cannot disagree.
 */

export type Inline =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "strong"; readonly children: readonly Inline[] }
  | { readonly type: "emphasis"; readonly children: readonly Inline[] }
  | { readonly type: "link"; readonly href: string; readonly children: readonly Inline[] };

export interface HeadingBlock {
  readonly type: "heading";
  readonly level: 1 | 2 | 3;
  readonly id: string;
  readonly text: string;
  /** Listed in the table of contents. */
  readonly toc: boolean;
}

export interface ParagraphBlock {
  readonly type: "paragraph";
  readonly children: readonly Inline[];
}

export interface ListBlock {
  readonly type: "list";
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
}

/**
 * One point of a list: the paragraph beside its bullet or number, then what
 * else the point holds, in the order written: more paragraphs, and lists
 * nested in it (at most MAX_LIST_DEPTH deep in all, src/model/lists.ts).
 */
export interface ListItem {
  /** Empty when the point starts with a nested list. */
  readonly children: readonly Inline[];
  readonly blocks?: readonly ListItemBlock[];
}

export type ListItemBlock = ParagraphBlock | ListBlock;

export interface TableCell {
  /** Exactly what is printed, Norwegian format, `..` when missing. */
  readonly text: string;
  readonly value?: number;
  readonly colSpan?: number;
  /** Where a value read from the data came from (the web edition's file of every value); none for a computed one. */
  readonly origin?: CellOrigin;
}

/** One observation behind a table cell: what, where, when, and the source's own provenance. */
export interface CellOrigin {
  readonly indicator: string;
  readonly region: string;
  readonly year: number;
  /** "SSB 12362", "asss.no": the row's source, else the indicator's. */
  readonly source: string;
  /** "foreløpig", "endelig", or "" when the source does not say. */
  readonly release: string;
  /** When the source last updated the figure (ISO 8601), or "". */
  readonly updated: string;
}

export interface TableRow {
  readonly label: string;
  readonly cells: readonly TableCell[];
}

export interface TableBlock {
  readonly type: "table";
  readonly id: string;
  /** "Tabell 5" */
  readonly label: string;
  readonly number: number;
  readonly caption: string;
  readonly source: string;
  readonly notes: readonly string[];
  /** Header rows; the first cell of each is the stub column's header. */
  readonly header: readonly (readonly TableCell[])[];
  readonly rows: readonly TableRow[];
}

export interface ChartSeries {
  readonly key: string;
  readonly name: string;
  readonly color: string;
  /** One value per category; null where the data has none. */
  readonly values: readonly (number | null)[];
  /**
   * Where each value came from (indicator, region, year, source), as a table
   * cell's origin; absent for a value the report computes (an index).
   */
  readonly origins?: readonly (CellOrigin | null)[];
}

/** The numbers behind a chart, in the shape a Word chart wants them too. */
export interface ChartData {
  readonly layout: "grouped" | "stacked" | "index";
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Axis title, e.g. "Prosent" or "1 000 kr". */
  readonly axisTitle: string;
  readonly percent: boolean;
  readonly decimals: number;
  /** A rule across the chart, e.g. the average = 100. */
  readonly reference?: { readonly value: number; readonly label: string };
}

/**
 * A chart as the model decides it: number, caption, data and the text
 * alternative. Word draws its native chart from this alone; the PDF and HTML
 * need the drawing too (ChartBlock), which is made in a stage of its own so
 * Word can start before Vega has drawn anything.
 */
export interface ChartFigure {
  readonly type: "chart";
  readonly id: string;
  /** "Figur 3" */
  readonly label: string;
  readonly number: number;
  readonly caption: string;
  readonly source: string;
  readonly notes: readonly string[];
  /** Text alternative generated from the data. */
  readonly altText: string;
  readonly data: ChartData;
}

/** A chart with its SVG drawing (Vega-Lite → Vega, src/charts/render.ts). */
export interface ChartBlock extends ChartFigure {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** C: how charts are held, drawn (the default) or only decided (ChartFigure). */
export type Block<C extends ChartFigure = ChartBlock> = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | C;

export interface Chapter<C extends ChartFigure = ChartBlock> {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block<C>[];
}

export interface TocEntry {
  readonly id: string;
  readonly level: 1 | 2;
  readonly text: string;
}

export interface DocumentModel<C extends ChartFigure = ChartBlock> {
  readonly lang: "nb";
  readonly title: string;
  readonly subtitle?: string;
  readonly organisation: string;
  readonly published?: string;
  readonly year: number;
  /** The template set (templates/<style>/) and Word style set; none: the default look. */
  readonly style?: string;
  /** Empty when the document has no table of contents. */
  readonly toc: readonly TocEntry[];
  readonly chapters: readonly Chapter<C>[];
}

/** The model before its charts are drawn: all Word needs. */
export type FigureModel = DocumentModel<ChartFigure>;
