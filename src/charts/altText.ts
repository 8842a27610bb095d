import { MISSING } from "../format/norwegian.js";
import { SYMBOLS } from "../format/symbols.js";
import { formatValueText } from "./valueText.js";
import type { ChartData, ChartSeries } from "../types/model.js";

/** What a screen reader says where a sighted reader sees no bar. */
export const MISSING_WORD = SYMBOLS[MISSING].spoken;

/** A stacked chart over at most this many years states every share of every year; a longer one the latest year and the trend. */
export const STACKED_ALL_YEARS = 4;

const KIND = { grouped: "Stolpediagram", stacked: "Stablet stolpediagram", index: "Liggende stolpediagram" } as const;

/** Categories that are all four-digit years make a time series (they come from `formatYear`). */
const YEAR = /^\d{4}$/;

/**
 * The text alternative of a chart, written from its data so that it states
 * every value a sighted reader can read off the chart, in the chart's shape:
 *
 * - time series (years as categories): every series' value in the latest
 *   year, and its trend since its first year ("økt fra 133,8 i 2021");
 * - a stacked time series over a few years: every share of every year;
 * - categories (trinn, indicators): every category × series;
 * - index charts: every bar, the reference ("ASSS med Oslo = 100") once.
 *
 * A value the data does not have is said ("ASSS med Oslo: mangler"), never
 * dropped. The unit is named once: not when the caption already ends in it,
 * and not for percentages, whose values carry "%".
 */
export function altTextFor(caption: string, data: ChartData): string {
  const kind = KIND[data.layout];
  if (data.layout === "index") return `${kind}: ${sentence(caption)}${indexText(caption, data)}`;
  const unit = unitText(caption, data);
  if (!data.categories.every((c) => YEAR.test(c))) {
    return `${kind}: ${caption}${unit}. ${data.categories.map((category, c) => `${category}: ${valuesAt(data, c)}.`).join(" ")}`;
  }
  const first = data.categories[0]!;
  const lastIndex = data.categories.length - 1;
  const last = data.categories[lastIndex]!;
  const span = lastIndex > 0 ? `${first}–${last}` : first;
  const head = `${kind}: ${caption}, ${span}${unit}.`;
  if (data.layout === "stacked" && data.categories.length <= STACKED_ALL_YEARS) {
    return `${head} ${data.categories.map((year, c) => `${year}: ${valuesAt(data, c)}.`).join(" ")}`;
  }
  const trends = data.series.map((s) => trendOf(s, data)).filter((t): t is string => t !== undefined);
  return `${head} ${last}: ${valuesAt(data, lastIndex)}.${trends.length ? ` Utvikling: ${trends.join(", ")}.` : ""}`;
}

/** "Bærum 13,9, Asker 13,5, ASSS med Oslo: mangler" for one category. */
function valuesAt(data: ChartData, c: number): string {
  return data.series.map((s) => valueOf(s.name, s.values[c] ?? null, data)).join(", ");
}

function valueOf(name: string, value: number | null, data: ChartData): string {
  return value === null ? `${name}: ${MISSING_WORD}` : `${name} ${formatValueText(value, data)}`;
}

/**
 * "Bærum økt fra 133,8 i 2021": the latest value against the series' first
 * one. Equal as printed is "uendret"; a series with no latest value says so.
 */
function trendOf(series: ChartSeries, data: ChartData): string | undefined {
  const known = series.values.flatMap((v, i) => (v === null ? [] : [{ value: v, year: data.categories[i]! }]));
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return undefined;
  const latestYear = data.categories[data.categories.length - 1]!;
  if (last.year !== latestYear) {
    return `${series.name}: ${MISSING_WORD} for ${latestYear} (${formatValueText(last.value, data)} i ${last.year})`;
  }
  if (known.length < 2) return undefined;
  const from = formatValueText(first.value, data);
  if (from === formatValueText(last.value, data)) return `${series.name} uendret fra ${first.year}`;
  return `${series.name} ${last.value > first.value ? "økt" : "sunket"} fra ${from} i ${first.year}`;
}

/** " ASSS med Oslo = 100. Bærum: Skolebidrag 99,3; Plass i SFO: mangler." */
function indexText(caption: string, data: ChartData): string {
  const reference = data.reference && !caption.includes(data.reference.label) ? ` ${sentence(data.reference.label)}` : "";
  const parts = data.series.map((s) => {
    const values = data.categories.map((category, c) => {
      const value = s.values[c] ?? null;
      return value === null ? `${category}: ${MISSING_WORD}` : `${category} ${formatValueText(value, data)}`;
    });
    return ` ${s.name}: ${values.join("; ")}.`;
  });
  return `${reference}${parts.join("")}`;
}

/** " (elever)", or nothing when the caption ends in its unit or the values carry "%". */
function unitText(caption: string, data: ChartData): string {
  if (data.percent || !data.axisTitle || /\([^()]+\)$/.test(caption.trim())) return "";
  return ` (${data.axisTitle.toLowerCase()})`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
