import type { Chapter, TableBlock } from "../../types/model.js";

/** At most this many key figures per chapter on the front page: a glance, not a second table. */
export const KEY_FIGURES_PER_CHAPTER = 4;

/** One figure on the front page: the value as the table prints it, what it is, and where it stands. */
export interface KeyFigure {
  readonly value: string;
  readonly label: string;
  /** "Bærum, 2024" or "2020": whose and which year's value. */
  readonly context: string;
  /** The table it comes from, on its chapter page. */
  readonly anchor: string;
}

/**
 * The key figures of a chapter, from its tables in reading order; only
 * tables over years count (a column per year), and of each the newest year
 * with a value:
 *  - a table of one indicator for several regions (each row the same
 *    indicator, a comparison) gives one figure: its first row, the
 *    municipality, under the table's caption;
 *  - a table of several indicators (nøkkeltall) gives one figure per row.
 * The rows' observations (their `origin`) tell the two apart, not their labels.
 */
export function keyFigures(chapter: Chapter): KeyFigure[] {
  const tables = chapter.blocks.filter((block): block is TableBlock => block.type === "table" && yearColumns(block));
  return tables.flatMap(figuresOf).slice(0, KEY_FIGURES_PER_CHAPTER);
}

function figuresOf(table: TableBlock): KeyFigure[] {
  const years = table.header.at(-1)!.slice(1).map((cell) => cell.text);
  const newest = (cells: TableBlock["rows"][number]["cells"]) => {
    for (let i = cells.length - 1; i >= 0; i--) if (cells[i]!.value !== undefined) return { cell: cells[i]!, year: years[i]! };
    return undefined;
  };
  const indicators = new Set(table.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.origin ? [cell.origin.indicator] : []))));
  if (indicators.size > 1) {
    return table.rows.flatMap((row) => {
      const found = newest(row.cells);
      return found ? [{ value: found.cell.text, label: row.label, context: found.year, anchor: table.id }] : [];
    });
  }
  const first = table.rows[0];
  const found = first && newest(first.cells);
  return found ? [{ value: found.cell.text, label: table.caption, context: `${first.label}, ${found.year}`, anchor: table.id }] : [];
}

/** Every column after the stub is a year ("2021", "2022" …), in a table with one header row and no spans. */
function yearColumns(table: TableBlock): boolean {
  const header = table.header.at(-1);
  return table.header.length === 1 && header !== undefined && header.length > 1 && header.slice(1).every((cell) => /^\d{4}$/.test(cell.text) && (cell.colSpan ?? 1) === 1);
}
