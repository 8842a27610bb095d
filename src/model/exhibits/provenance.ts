import type { Indicator } from "../../data/dataset.js";
import { formatDate, formatValue, joinNorwegian, MISSING } from "../../format/norwegian.js";
import { isSymbol, symbolNote, type Symbol } from "../../format/symbols.js";
import type { CellOrigin, TableCell } from "../../types/model.js";
import type { ExhibitContext } from "./context.js";

/** One value an exhibit shows: which indicator, region and year. */
export interface Shown {
  readonly indicator: Indicator;
  readonly region: string;
  readonly year: number;
}

/** Every combination of indicators × regions × years, the way tables list them. */
export function shownValues(indicators: readonly Indicator[], regions: readonly string[], years: readonly number[]): Shown[] {
  return indicators.flatMap((indicator) => regions.flatMap((region) => years.map((year) => ({ indicator, region, year }))));
}

/** A table cell: the value in Norwegian format, or SSB's symbol for why there is none (`..` when the data has no row). */
export function observedCell(context: ExhibitContext, { indicator, region, year }: Shown): TableCell {
  const row = context.data.observation(indicator.id, region, year)?.value;
  const origin = originOf(context, { indicator, region, year });
  if (!row || !origin) return { text: MISSING };
  if (row.value === undefined) return { text: row.status || MISSING, origin };
  return { text: formatValue(row.value, indicator.unit, indicator.decimals), value: row.value, origin };
}

/** Where a shown value came from, for the web edition's downloads; null when the data has no row. */
export function originOf(context: ExhibitContext, { indicator, region, year }: Shown): CellOrigin | null {
  const row = context.data.observation(indicator.id, region, year)?.value;
  if (!row) return null;
  return { indicator: indicator.id, region, year, source: row.source || indicator.source, release: row.release, updated: row.updated };
}

/**
 * The footnotes a set of shown values needs: what each symbol means (in
 * tables; a chart has no symbols to explain),
 * which figures are SSB's preliminary ones (and as of when), and which were
 * read from the prose of the source document rather than from a table.
 */
export function provenanceNotes(context: ExhibitContext, shown: readonly Shown[], options: { readonly symbols: boolean } = { symbols: true }): string[] {
  const { data } = context;
  const symbols = new Set<Symbol>();
  const preliminary = new Map<string, Set<number>>();
  const fromText: string[] = [];
  for (const item of shown) {
    const row = data.observation(item.indicator.id, item.region, item.year)?.value;
    const symbol = row?.value === undefined ? row?.status || MISSING : undefined;
    if (symbol !== undefined && isSymbol(symbol)) symbols.add(symbol);
    if (!row || row.value === undefined) continue;
    if (row.release === "foreløpig") {
      const key = row.updated.slice(0, 10);
      preliminary.set(key, (preliminary.get(key) ?? new Set()).add(item.year));
    }
    if (row.basis === "tekst") {
      const region = data.regions.get(item.region)?.name ?? item.region;
      fromText.push(`${item.indicator.short_title} for ${region} ${item.year} (${formatValue(row.value, item.indicator.unit, item.indicator.decimals)})`);
    }
  }
  return [
    ...(options.symbols ? [...symbols].map(symbolNote) : []),
    ...[...preliminary].map(([date, years]) => `Foreløpige tall for ${joinNorwegian([...years].sort().map(String))}${date ? ` (SSB per ${formatDate(date)})` : ""}; endelige tall kommer 15. juni.`),
    ...(fromText.length ? [`Rekonstruert fra teksten i kildedokumentet, ikke fra en tabell: ${joinNorwegian([...new Set(fromText)])}.`] : []),
  ];
}

/**
 * "Kilde: SSB, tabell 12362" when the values came from SSB's tables (their
 * own provenance), else the catalogue's source ("SSB/KOSTRA (funksjon 202)",
 * "asss.no"); computed exhibits add "egne beregninger".
 */
export function sourceOf(context: ExhibitContext, indicators: readonly Indicator[], shown: readonly Shown[], computed = false): string {
  const parts: string[] = [];
  const add = (part: string) => {
    if (!parts.includes(part)) parts.push(part);
  };
  const tables = new Set<string>();
  const catalogue: Indicator[] = [];
  for (const item of shown) {
    const source = context.data.observation(item.indicator.id, item.region, item.year)?.value.source ?? "";
    const table = /^SSB (\d{5})$/.exec(source)?.[1];
    if (table) tables.add(table);
    else if (source) add(source);
    else if (!catalogue.includes(item.indicator)) catalogue.push(item.indicator);
  }
  if (tables.size) parts.unshift(`SSB, ${tables.size > 1 ? "tabellene" : "tabell"} ${joinNorwegian([...tables].sort())}`);
  const fallback = catalogue.length ? catalogue : shown.length ? [] : indicators;
  const single = fallback.length === 1 ? fallback[0] : undefined;
  if (single?.kostra_function) add(`${single.source} (funksjon ${single.kostra_function})`);
  else for (const indicator of fallback) add(indicator.source);
  if (computed) add("egne beregninger");
  return `Kilde: ${parts.join(", ")}`;
}
