import { MISSING } from "../format/norwegian.js";
import { SYMBOLS } from "../format/symbols.js";
import { formatValueText } from "./valueText.js";
import type { ChartData } from "../types/model.js";

/** What a screen reader says where a sighted reader sees no bar. */
export const MISSING_WORD = SYMBOLS[MISSING].spoken;

const KIND = { grouped: "Stolpediagram", stacked: "Stablet stolpediagram", index: "Liggende stolpediagram" } as const;

/** Categories that are all four-digit years make a time series (they come from `formatYear`). */
const YEAR = /^\d{4}$/;

/**
 * The text alternative of a chart, written from its data so that it states
 * every value a sighted reader can read off the chart, in an order a
 * listener can follow:
 *
 * - bars side by side (regions × years or × trinn): region by region, each
 *   region's values category by category ("Bærum – 2021: 133,8; 2022:
 *   131,6; …"), so a dip between the first and the last year is heard;
 * - stacked shares: category by category (year by year), every share;
 * - index charts: every bar, the reference ("ASSS med Oslo = 100") once.
 *
 * The caption is read just before the chart (it is the figure's caption in
 * the PDF, HTML and Word), so it is not repeated: the text starts with the
 * kind of chart, the span of years and the unit. A name and its value are
 * parted by a colon ("Gruppestørrelse 1: 103,0", never "Gruppestørrelse 1
 * 103,0", which is heard as 1 103), items by semicolons (values have decimal
 * commas). A value the data does not have is said ("2022: mangler"), never
 * dropped. The unit is named once: not when the caption already ends in it,
 * and not for percentages, whose values carry "%".
 */
export function altTextFor(caption: string, data: ChartData): string {
  const kind = KIND[data.layout];
  if (data.layout === "index") return `${kind}.${referenceText(caption, data)}${bySeries(data)}`;
  const years = data.categories.every((c) => YEAR.test(c));
  const first = data.categories[0];
  const last = data.categories[data.categories.length - 1];
  const span = years && first !== undefined ? `, ${first === last ? first : `${first}–${last}`}` : "";
  const head = `${kind}${span}${unitText(caption, data)}.`;
  return `${head}${data.layout === "stacked" ? byCategory(data) : bySeries(data)}`;
}

/** " Bærum – 2021: 133,8; 2022: 131,6. Asker – …": each series, its values category by category. */
function bySeries(data: ChartData): string {
  return data.series
    .map((s) => ` ${s.name} – ${data.categories.map((category, c) => named(category, s.values[c] ?? null, data)).join("; ")}.`)
    .join("");
}

/** " 2021 – 1–75 timer: 2,0 %; 76–190 timer: 57,0 %. 2022 – …": each category, every series' value in it. */
function byCategory(data: ChartData): string {
  return data.categories
    .map((category, c) => ` ${category} – ${data.series.map((s) => named(s.name, s.values[c] ?? null, data)).join("; ")}.`)
    .join("");
}

function named(name: string, value: number | null, data: ChartData): string {
  return `${name}: ${value === null ? MISSING_WORD : formatValueText(value, data)}`;
}

/** " ASSS med Oslo = 100.", unless the caption (read just before) says it. */
function referenceText(caption: string, data: ChartData): string {
  return data.reference && !caption.includes(data.reference.label) ? ` ${sentence(data.reference.label)}` : "";
}

/** " (elever)", or nothing when the caption ends in its unit or the values carry "%". */
function unitText(caption: string, data: ChartData): string {
  if (data.percent || !data.axisTitle || /\([^()]+\)$/.test(caption.trim())) return "";
  return ` (${data.axisTitle.toLowerCase()})`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
