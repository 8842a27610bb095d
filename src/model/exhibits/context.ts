import type { ReportFrame } from "../../config/fields.js";
import type { Dataset, Indicator } from "../../data/dataset.js";
import { formatNumber } from "../../format/norwegian.js";
import type { ChartData, TableBlock, TableCell } from "../../types/model.js";

/** What every exhibit builder may read. */
export interface ExhibitContext {
  readonly definition: ReportFrame;
  readonly data: Dataset;
  readonly colors: ReadonlyMap<string, string>;
}

/** A table or chart before it gets its number in the document. */
export type TableDraft = Omit<TableBlock, "type" | "label" | "number">;
export interface ChartDraft {
  readonly id: string;
  readonly caption: string;
  readonly source: string;
  readonly notes: readonly string[];
  readonly data: ChartData;
}

export interface ExhibitDraft {
  readonly chart?: ChartDraft;
  readonly table?: TableDraft;
}

export function indicatorOf(context: ExhibitContext, id: string): Indicator {
  const indicator = context.data.indicators.get(id);
  // checkDefinitionAgainstData has checked every id an exhibit names: a miss here is a bug.
  if (!indicator) throw new Error(`indicator ${id} was not checked against the data`);
  return indicator;
}

/** "1 000 kr" for values in thousands, from the indicator's scale. */
export function kronerUnit(indicator: Indicator): string {
  return indicator.scale === 1 ? "kr" : `${formatNumber(indicator.scale)} kr`;
}

/** "(1 000 kr)", "(kr)" or nothing: the unit a table's numbers are in. */
export function unitSuffix(indicator: Indicator): string {
  return indicator.unit === "kr" ? ` (${kronerUnit(indicator)})` : "";
}

/** Axis title for a chart of this indicator. */
export function axisTitle(indicator: Indicator): string {
  switch (indicator.unit) {
    case "kr":
      return indicator.scale === 1 ? "Kroner" : kronerUnit(indicator);
    case "prosent":
      return "Prosent";
    case "indeks":
      return "Indeks";
    default:
      return indicator.unit.charAt(0).toUpperCase() + indicator.unit.slice(1);
  }
}

export function headerRow(stub: string, labels: readonly string[]): TableCell[] {
  return [{ text: stub }, ...labels.map((text) => ({ text }))];
}

export function regionName(context: ExhibitContext, id: string): string {
  return context.data.regions.get(id)?.name ?? id;
}

/** The exhibit's `title:`, or the kind's own caption. */
export function captionOf(exhibit: { readonly title?: string | undefined }, fallback: string): string {
  return exhibit.title ?? fallback;
}
