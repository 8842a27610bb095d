import { decimalsShown, formatPlainNumber, formatValue, MISSING } from "../../format/norwegian.js";
import { msg } from "../../messages/catalogue.js";
import type { CellOrigin, ChartFigure, TableBlock, TableCell } from "../../types/model.js";

/**
 * The numbers of one exhibit as a data file holds them: one header row, one
 * row per table row, each value with the decimals the page shows. Tables and
 * charts become the same shape, so CSV and XLSX are written once.
 */
export interface DataGrid {
  /** `tabell-netto-driftsutgifter`: the page anchor and the file name. */
  readonly id: string;
  /** "Tabell 5" */
  readonly label: string;
  readonly caption: string;
  readonly source: string;
  readonly notes: readonly string[];
  /** The stub column's name, then one name per value column. */
  readonly columns: readonly string[];
  readonly rows: readonly DataRow[];
}

export interface DataRow {
  readonly label: string;
  readonly cells: readonly DataCell[];
}

/** A value as shown (`13,9 %`, `..`) and, when it is a number, the number rounded as shown. */
export interface DataCell {
  readonly text: string;
  readonly number?: number;
  readonly decimals: number;
  readonly percent: boolean;
  readonly origin?: CellOrigin;
}

/** A table's grid: header rows joined per column ("Resultat 2024 Bærum"), colspans spread out. */
export function tableGrid(table: TableBlock): DataGrid {
  const width = 1 + (table.rows[0]?.cells.reduce((sum, cell) => sum + (cell.colSpan ?? 1), 0) ?? 0);
  const names: string[][] = Array.from({ length: width }, () => []);
  for (const row of table.header) {
    let column = 0;
    for (const cell of row) {
      for (let k = 0; k < (cell.colSpan ?? 1); k++) if (cell.text && column + k < width) names[column + k]!.push(cell.text);
      column += cell.colSpan ?? 1;
    }
  }
  const columns = unique(names.map((parts, i) => parts.join(" ") || (i === 0 ? msg.web.stubColumn().text : msg.web.column(i).text)));
  return {
    id: table.id,
    label: table.label,
    caption: table.caption,
    source: table.source,
    notes: table.notes,
    columns,
    rows: table.rows.map((row) => ({ label: row.label, cells: row.cells.flatMap(spread) })),
  };
}

/** A cell that spans columns fills the first and leaves the rest empty, as in the table. */
function spread(cell: TableCell): DataCell[] {
  const first: DataCell = {
    text: cell.text,
    decimals: decimalsShown(cell.text),
    percent: cell.text.endsWith("%"),
    ...(cell.value !== undefined ? { number: rounded(cell.value, decimalsShown(cell.text)) } : {}),
    ...(cell.origin ? { origin: cell.origin } : {}),
  };
  return [first, ...Array.from({ length: (cell.colSpan ?? 1) - 1 }, () => ({ text: "", decimals: 0, percent: false }))];
}

/** A chart's grid: one row per category, one column per series, values as its table or labels would print them. */
export function chartGrid(chart: ChartFigure): DataGrid {
  const { data } = chart;
  return {
    id: chart.id,
    label: chart.label,
    caption: chart.caption,
    source: chart.source,
    notes: [...chart.notes, msg.web.chartUnit(data.axisTitle).text],
    columns: unique([msg.web.categoryColumn().text, ...data.series.map((series) => series.name)]),
    rows: data.categories.map((category, i) => ({
      label: category,
      cells: data.series.map((series) => {
        const value = series.values[i];
        const origin = series.origins?.[i];
        const provenance = origin ? { origin } : {};
        if (value === null || value === undefined) return { text: MISSING, decimals: data.decimals, percent: data.percent, ...provenance };
        return { text: formatValue(value, data.percent ? "prosent" : "", data.decimals), number: rounded(value, data.decimals), decimals: data.decimals, percent: data.percent, ...provenance };
      }),
    })),
  };
}

/** The value as the page shows it, so a download's number is the table's number. */
function rounded(value: number, decimals: number): number {
  // Through the same formatting as the page (Intl's rounding), not toFixed's binary one: 1,005 → 1,01 in both.
  return Number(formatPlainNumber(value, decimals).replace(",", "."));
}

/** Column names a reader can tell apart: a second "Bærum" becomes "Bærum (2)". */
function unique(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
