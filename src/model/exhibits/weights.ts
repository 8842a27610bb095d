import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { formatNumber } from "../../format/norwegian.js";
import { captionOf, indicatorOf, type ExhibitContext, type ExhibitDraft } from "./context.js";
import { sourceOf } from "./provenance.js";

type Weights = Extract<ExhibitDefinition, { kind: "weights" }>;

/** The indicators of the production index and their weights. */
export function buildWeights(exhibit: Weights, context: ExhibitContext): ExhibitDraft {
  const rows = context.data.weights.filter((w) => w.value.year === exhibit.year);
  const indicators = rows.map((w) => indicatorOf(context, w.value.indicator));
  const decimals = Math.max(...rows.map((w) => decimalsOf(w.value.weight)));
  return {
    table: {
      id: `tabell-${exhibit.id}`,
      caption: captionOf(exhibit, `Indikatorer i produksjonsindeksen og vekter ${exhibit.year}`),
      source: sourceOf(context, indicators, []),
      notes: exhibit.note ? [exhibit.note] : [],
      header: [[{ text: "Indikator" }, { text: `Vekt ${exhibit.year}` }]],
      rows: rows.map((w, i) => ({
        label: indicators[i]!.title,
        cells: [{ text: formatNumber(w.value.weight, decimals), value: w.value.weight }],
      })),
    },
  };
}

function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes(".") ? text.split(".")[1]!.length : 0;
}
