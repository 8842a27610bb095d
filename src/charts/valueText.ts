import { formatNumber, formatPercent, MISSING } from "../format/norwegian.js";
import type { ChartData } from "../types/model.js";

/** A chart value as text, the same way the tables print it. */
export function formatValueText(value: number | undefined, data: Pick<ChartData, "percent" | "decimals">): string {
  if (value === undefined) return MISSING;
  return data.percent ? formatPercent(value, data.decimals) : formatNumber(value, data.decimals);
}
