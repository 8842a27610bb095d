import type { Config, TopLevelSpec } from "vega-lite";
import { FONT_FAMILY } from "../assets/fonts.js";
import { formatNumber } from "../format/norwegian.js";
import type { ChartData } from "../types/model.js";
import { labelColorOn } from "./palette.js";

export const CHART_WIDTH = 600;

/**
 * ChartData → Vega-Lite. The spec only arranges what the data says: values,
 * names and colours come from ChartData, number text from the shared
 * Norwegian formatter (labels) or the Norwegian d3 locale (axes).
 */
export function chartSpec(data: ChartData): TopLevelSpec {
  const rows = data.series.flatMap((series, s) =>
    data.categories.map((category, c) => ({
      category,
      series: series.name,
      order: s,
      value: series.values[c] ?? null,
      label: series.values[c] == null ? "" : formatNumber(series.values[c]!, data.decimals),
    })),
  ).filter((row) => row.value !== null);
  // "~" drops trailing zeros: 160 and 2,5 rather than 160,0 and 2,50.
  const axisFormat = `,.${data.decimals > 0 ? 1 : 0}~f`;
  // A series without any value draws nothing and gets no legend entry (the alt text says it is missing).
  const drawn = data.series.filter((s) => s.values.some((v) => v !== null));
  const color = {
    field: "series",
    type: "nominal" as const,
    sort: drawn.map((s) => s.name),
    scale: { domain: drawn.map((s) => s.name), range: drawn.map((s) => s.color) },
    legend: drawn.length > 1 ? { orient: "bottom" as const, title: null, direction: "horizontal" as const } : null,
  };
  const base = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", config: chartConfig(), data: { values: rows } };

  if (data.layout === "index") {
    const reference = data.reference?.value ?? 100;
    // Not on the rule layer: the rule spans every category.
    const category = { field: "category", type: "nominal", sort: [...data.categories], axis: { title: null, labelLimit: 270 } } as const;
    const domain = indexDomain(rows.map((r) => r.value as number), reference);
    return {
      ...base,
      width: CHART_WIDTH - 270,
      height: { step: 22 },
      layer: [
        {
          mark: { type: "bar", height: 14 },
          encoding: {
            y: category,
            x: { field: "value", type: "quantitative", scale: { domain, nice: false }, axis: { title: data.axisTitle, format: axisFormat, grid: true, tickCount: 6 } },
            x2: { datum: reference },
            color,
          },
        },
        {
          mark: { type: "text", align: "left", dx: 4, fontSize: 10, color: "#1A1A1A" },
          encoding: {
            y: category,
            x: { field: "value", type: "quantitative" },
            text: { field: "label" },
          },
          transform: [{ filter: `datum.value >= ${reference}` }],
        },
        {
          mark: { type: "text", align: "right", dx: -4, fontSize: 10, color: "#1A1A1A" },
          encoding: {
            y: category,
            x: { field: "value", type: "quantitative" },
            text: { field: "label" },
          },
          transform: [{ filter: `datum.value < ${reference}` }],
        },
        {
          data: { values: [{}] },
          mark: { type: "rule", color: "#1A1A1A", strokeWidth: 1.5 },
          encoding: { x: { datum: reference } },
        },
      ],
    };
  }

  const stacked = data.layout === "stacked";
  return {
    ...base,
    width: CHART_WIDTH - 70,
    height: 220,
    layer: [
      {
        // White edges part adjacent bars and stacked segments, so each keeps its 3:1 edge against white.
        mark: { type: "bar", stroke: "#FFFFFF", strokeWidth: 1, ...(stacked ? {} : { cornerRadiusEnd: 1 }) },
        encoding: {
          x: { field: "category", type: "nominal", sort: [...data.categories], axis: { title: null, labelAngle: 0 } },
          ...(stacked ? {} : { xOffset: { field: "series", sort: drawn.map((s) => s.name) } }),
          y: {
            field: "value",
            type: "quantitative",
            ...(stacked ? { stack: "zero" } : {}),
            axis: { title: data.axisTitle, format: axisFormat },
          },
          color,
          order: { field: "order" },
        },
      },
      ...(stacked
        ? [
            {
              mark: { type: "text" as const, fontSize: 9.5 },
              encoding: {
                x: { field: "category", type: "nominal" as const, sort: [...data.categories] },
                y: { field: "value", type: "quantitative" as const, stack: "zero" as const, bandPosition: 0.5 },
                text: { field: "label" },
                order: { field: "order" },
                color: {
                  field: "series",
                  type: "nominal" as const,
                  scale: { domain: drawn.map((s) => s.name), range: drawn.map((s) => labelColorOn(s.color)) },
                  legend: null,
                },
              },
              transform: [{ filter: "datum.value >= 4" }],
            },
          ]
        : []),
    ],
    resolve: { scale: { color: "independent" } },
  };
}

/**
 * Room on both sides of the bars for their value labels: the span of the
 * values and the reference line, widened by a fifth and rounded outwards.
 */
export function indexDomain(values: readonly number[], reference: number): [number, number] {
  const lo = Math.min(reference, ...values);
  const hi = Math.max(reference, ...values);
  const pad = Math.max((hi - lo) * 0.2, 2);
  const step = hi - lo + 2 * pad > 20 ? 5 : 1;
  return [Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step];
}

function chartConfig(): Config {
  return {
    font: FONT_FAMILY,
    background: "#FFFFFF",
    padding: 4,
    aria: false,
    view: { stroke: null },
    axis: {
      labelFontSize: 10.5,
      titleFontSize: 10.5,
      titleFontWeight: 600,
      labelColor: "#1A1A1A",
      titleColor: "#1A1A1A",
      domainColor: "#767676",
      tickColor: "#767676",
      gridColor: "#E3E3E3",
    },
    axisX: { grid: false },
    // No white edge on the legend squares: it would only shrink them (and the bars' edges are for the bars).
    legend: { labelFontSize: 10.5, symbolType: "square", symbolStrokeWidth: 0, labelColor: "#1A1A1A", columnPadding: 16 },
  };
}
