import { formatValueText } from "./valueText.js";
import type { ChartData } from "../model/types.js";

/**
 * The text alternative of a chart, written from its data: what kind of chart,
 * what it shows, and the values of the last category (the newest year, or
 * every bar for an index chart), so a screen-reader user gets the message.
 */
export function altTextFor(caption: string, data: ChartData): string {
  const kind = { grouped: "Stolpediagram", stacked: "Stablet stolpediagram", index: "Liggende stolpediagram" }[data.layout];
  const unit = data.axisTitle ? ` (${data.axisTitle.toLowerCase()})` : "";
  if (data.layout === "index") {
    const series = data.series[0]!;
    const values = data.categories
      .map((category, i) => `${category} ${formatValueText(series.values[i] ?? undefined, data)}`)
      .join("; ");
    const reference = data.reference ? ` ${data.reference.label}.` : "";
    return `${kind}: ${caption}.${reference} ${series.name}: ${values}.`;
  }
  const last = data.categories.length - 1;
  const latest = data.series.map((s) => `${s.name} ${formatValueText(s.values[last] ?? undefined, data)}`).join(", ");
  const span = data.categories.length > 1 ? `${data.categories[0]}–${data.categories[last]}` : data.categories[0];
  return `${kind}: ${caption}, ${span}${unit}. ${data.categories[last]}: ${latest}.`;
}
