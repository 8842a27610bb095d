import { formatNumber } from "../../format/norwegian.js";
import type { CellOrigin, ChartData } from "../../types/model.js";
import { regionName, type ExhibitContext } from "./context.js";

/**
 * A horizontal index chart of one region against the average = 100. A point
 * without a value (null) draws no bar; the alt text says it is missing.
 */
export function indexChartData(
  context: ExhibitContext,
  region: string,
  points: readonly { readonly label: string; readonly value: number | null; readonly origin?: CellOrigin | null }[],
  decimals = 1,
): ChartData {
  const average = regionName(context, context.definition.average);
  return {
    layout: "index",
    categories: points.map((p) => p.label),
    series: [
      {
        key: region,
        name: regionName(context, region),
        color: context.colors.get(region) ?? "#0072B2",
        values: points.map((p) => p.value),
        ...(points.some((p) => p.origin) ? { origins: points.map((p) => p.origin ?? null) } : {}),
      },
    ],
    axisTitle: `Indeks, ${average} = ${formatNumber(100)}`,
    percent: false,
    decimals,
    reference: { value: 100, label: `${average} = ${formatNumber(100)}` },
  };
}
