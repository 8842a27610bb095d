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
      // The category axis stays at the left edge (not at the reference): Word and LibreOffice would
      // otherwise draw the labels over the bars. The axis title and value labels carry the reference.
      categoryAxis: { reverseOrder: true },
      valueAxis: { minimum, maximum, numberFormat, title: data.axisTitle, crossesAt: "maximum" },
      dataLabels: { value: true, numberFormat: "0.0" },
    };
  }
  return {
    ...common,
    type: "column",
    stacking: stacked ? "stacked" : "none",
    transformation: { width: CONTENT_WIDTH_PX, height: 300 },
    valueAxis: { numberFormat, title: data.axisTitle },
  };
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
