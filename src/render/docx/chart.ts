import { LineRuleType, Paragraph } from "docx";
import { ChartRun, type ChartRunOptions } from "docx/charts";
import { FONT_FAMILY } from "../../assets/fonts.js";
import { labelColorOn } from "../../charts/palette.js";
import { indexDomain } from "../../charts/spec.js";
import type { ChartData, ChartFigure } from "../../types/model.js";
import { captionParagraph, sourceParagraphs } from "./captions.js";
import { CONTENT_WIDTH_PX } from "./theme.js";

/**
 * A model chart as a native, editable Word chart (its data in an embedded
 * workbook, so "Edit Data" works and it can be copied to PowerPoint), drawn
 * from the same ChartData as the SVG in the PDF, with the same caption,
 * colours and generated alt text.
 */
export function chartBlocks(block: ChartFigure): Paragraph[] {
  return [
    captionParagraph(block.label, block.caption),
    new Paragraph({ keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [new ChartRun(chartOptions(block))] }),
    ...sourceParagraphs(block.source, block.notes),
  ];
}

export function chartOptions(block: ChartFigure): ChartRunOptions {
  const data = drawnData(block.data);
  const numberFormat = data.decimals > 0 ? "#,##0.0" : "#,##0";
  const stacked = data.layout === "stacked";
  const series = data.series.map((s) => ({
    name: s.name,
    values: [...s.values],
    color: hex(s.color),
    // A stacked segment's label sits on the segment: black or white, whichever keeps 4.5:1 on its colour
    // (WCAG 1.4.3), as the PDF's chart does; a segment too thin for its label has none there either.
    ...(stacked
      ? {
          dataLabels: { value: true, numberFormat, position: "center" as const, font: { color: hex(labelColorOn(s.color)) } },
          pointLabels: s.values.map((v) => (v !== null && v < STACKED_LABEL_MINIMUM ? (false as const) : undefined)),
        }
      : {}),
  }));
  const common = {
    categories: [...data.categories],
    series,
    font: { name: FONT_FAMILY },
    legend: data.series.length > 1 ? { position: "bottom" as const } : (false as const),
    altText: { name: block.label, title: block.caption, description: block.altText },
    chartArea: { border: "none" as const },
  };
  if (data.layout === "index") {
    const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const reference = data.reference?.value ?? 100;
    const [minimum, maximum] = indexDomain(values, reference);
    return {
      ...common,
      type: "bar",
      transformation: { width: CONTENT_WIDTH_PX, height: 60 + 26 * data.categories.length },
      // Word draws a bar chart's first category at the bottom; reverse it to read top-down like the PDF.
      // The bars start at the reference (ASSS = 100), as in the PDF: the category axis crosses the
      // values there, so 88,8 is a bar to the left. Its labels stay at the left edge (tickLblPos "low",
      // set in renderDocx.ts) rather than over the bars; the value axis stays at the bottom.
      categoryAxis: { reverseOrder: true, crossesAt: reference },
      valueAxis: { minimum, maximum, numberFormat, title: data.axisTitle, crossesAt: "maximum" },
      dataLabels: { value: true, numberFormat: "0.0" },
    };
  }
  return {
    ...common,
    type: "column",
    stacking: stacked ? "stacked" : "none",
    transformation: { width: CONTENT_WIDTH_PX, height: 300 },
    // The PDF's axis, not Word's: Word and LibreOffice would start it near the smallest value
    // (115, 95 000), so a 0,9-point difference would look twice as tall.
    valueAxis: { ...quantityDomain(data), numberFormat, title: data.axisTitle },
  };
}

/**
 * The value axis the PDF's column charts have: from 0 (or the lowest value,
 * when it is below 0) to the highest bar, both rounded outwards to a round
 * step as Vega-Lite's `nice` does (d3's ticks, about ten of them).
 */
export function quantityDomain(data: ChartData): { minimum: number; maximum: number } {
  const tops = data.layout === "stacked"
    ? data.categories.map((_, c) => data.series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0))
    : data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const bottoms = data.layout === "stacked"
    ? data.categories.map((_, c) => data.series.reduce((sum, s) => sum + Math.min(0, s.values[c] ?? 0), 0))
    : tops;
  const [minimum, maximum] = niceDomain(Math.min(0, ...bottoms), Math.max(0, ...tops));
  return { minimum, maximum };
}

function niceDomain(low: number, high: number, count = 10): [number, number] {
  if (high <= low) return [low, high];
  let previous = 0;
  for (let i = 0; i < 10; i++) {
    const step = (high - low) / count;
    const power = 10 ** Math.floor(Math.log10(step));
    const error = step / power;
    const increment = (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1) * power;
    if (increment === previous) break;
    // Rounded to the increment's own decimals, so 5.5 is not 5.500000000001.
    const digits = Math.max(0, -Math.floor(Math.log10(increment)));
    low = Number((Math.floor(low / increment) * increment).toFixed(digits));
    high = Number((Math.ceil(high / increment) * increment).toFixed(digits));
    previous = increment;
  }
  return [low, high];
}

/** The smallest stacked segment that gets a label, as in the PDF's chart (src/charts/spec.ts: `datum.value >= 4`). */
const STACKED_LABEL_MINIMUM = 4;

const hex = (color: string) => color.replace("#", "").toUpperCase();

/**
 * What the SVG draws: no series without any value (no empty legend entry),
 * and in an index chart no category without a bar. The alt text, written from
 * the full data, names what is missing.
 */
function drawnData(data: ChartData): ChartData {
  const series = data.series.filter((s) => s.values.some((v) => v !== null));
  if (data.layout !== "index") return { ...data, series };
  const keep = data.categories.map((_, c) => series.some((s) => s.values[c] != null));
  return {
    ...data,
    categories: data.categories.filter((_, c) => keep[c]),
    series: series.map((s) => ({ ...s, values: s.values.filter((_, c) => keep[c]) })),
  };
}
