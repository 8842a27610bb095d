/**
 * The work the bare stages repeat, taken from the product once and untimed:
 * the Vega-Lite specs of every chart (the product's own `chartSpec`), and
 * the paragraphs, tables and chart data its Word file holds. Written as plain
 * JSON so `scripts/bareStages.ts` times the libraries with no product code
 * loaded at all.
 */
import { writeFileSync } from "node:fs";
import type { TopLevelSpec } from "vega-lite";
import { chartSpec } from "../../src/charts/spec.js";
import { regionColors } from "../../src/charts/palette.js";
import { buildExhibit } from "../../src/model/exhibits/registry.js";
import { listInlines } from "../../src/types/lists.js";
import type { Block, ChartData, Inline } from "../../src/types/model.js";
import { loadInputs, projectPaths } from "../../src/pipeline.js";

export interface WorkloadTable {
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly (readonly string[])[];
}

export interface WorkloadChart {
  readonly layout: ChartData["layout"];
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly color: string; readonly values: readonly (number | null)[] }[];
}

export interface Workload {
  readonly title: string;
  /** Chapters, each a list of paragraphs (headings, text, list items, captions, source lines), tables and charts in order. */
  readonly chapters: readonly (readonly WorkloadItem[])[];
  readonly specs: readonly TopLevelSpec[];
  readonly counts: { readonly paragraphs: number; readonly tables: number; readonly charts: number };
}

export type WorkloadItem =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "table"; readonly table: WorkloadTable }
  | { readonly kind: "chart"; readonly chart: WorkloadChart };

const plain = (inlines: readonly Inline[]): string => inlines.map((i) => (i.type === "text" ? i.text : plain(i.children))).join("");

function narrativeItems(block: Block): WorkloadItem[] {
  switch (block.type) {
    case "heading":
      return [{ kind: "heading", level: block.level, text: block.text }];
    case "paragraph":
      return [{ kind: "paragraph", text: plain(block.children) }];
    case "list":
      return listInlines(block).map((inlines) => ({ kind: "paragraph" as const, text: `• ${plain(inlines)}` }));
    default:
      return [];
  }
}

export async function prepareWorkload(root: string, year: number): Promise<Workload> {
  const inputs = await loadInputs(projectPaths(root), year, { log: () => {}, now: () => 0 });
  const { definition, data } = inputs;
  const context = { definition, data, colors: regionColors(definition.municipality, data.regions) };
  const specs: TopLevelSpec[] = [];
  const chapters: WorkloadItem[][] = [];
  for (const chapter of definition.chapters) {
    const items: WorkloadItem[] = [{ kind: "heading", level: 1, text: chapter.title }];
    if (chapter.scope) items.push({ kind: "paragraph", text: `Området omfatter: ${chapter.scope}` });
    for (const section of chapter.sections) {
      if (section.title) items.push({ kind: "heading", level: 2, text: section.title });
      const commentary = inputs.commentary.get(`${chapter.id}/${section.id}`);
      for (const item of commentary?.items ?? []) if (item.type !== "exhibit") items.push(...narrativeItems(item));
      for (const exhibit of section.exhibits) {
        const draft = buildExhibit(exhibit, context);
        if (draft.chart) {
          const { data: chartData } = draft.chart;
          specs.push(chartSpec(chartData));
          items.push({ kind: "paragraph", text: `Figur: ${draft.chart.caption}` });
          items.push({
            kind: "chart",
            chart: { layout: chartData.layout, categories: chartData.categories, series: chartData.series.map((s) => ({ name: s.name, color: s.color, values: s.values })) },
          });
          items.push({ kind: "paragraph", text: draft.chart.source });
        }
        if (draft.table) {
          const t = draft.table;
          items.push({ kind: "paragraph", text: `Tabell: ${t.caption}` });
          items.push({
            kind: "table",
            table: { header: t.header.map((row) => row.map((c) => c.text)), rows: t.rows.map((row) => [row.label, ...row.cells.map((c) => c.text)]) },
          });
          items.push({ kind: "paragraph", text: t.source });
        }
      }
    }
    chapters.push(items);
  }
  const all = chapters.flat();
  const counts = {
    paragraphs: all.filter((i) => i.kind === "paragraph" || i.kind === "heading").length,
    tables: all.filter((i) => i.kind === "table").length,
    charts: all.filter((i) => i.kind === "chart").length,
  };
  return { title: definition.title, chapters, specs, counts };
}

export async function writeWorkload(root: string, year: number, file: string): Promise<Workload> {
  const workload = await prepareWorkload(root, year);
  writeFileSync(file, JSON.stringify(workload));
  return workload;
}
