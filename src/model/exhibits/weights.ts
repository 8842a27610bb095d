import { year } from "../../config/fields.js";
import { formatNumber } from "../../format/norwegian.js";
import { msg } from "../../messages/catalogue.js";
import { captionOf, indicatorOf } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { sourceOf } from "./provenance.js";

/** The indicators of the production index and their weights (production-index-weights.csv). */
export const weights = defineExhibitKind({
  kind: "weights",
  fields: { year },
  table: "always",
  chart: "never",
  names: () => ({}),
  coverage: (exhibit, { data }) => ({
    shown: [],
    problems: data.weights.some((w) => w.value.year === exhibit.year) ? [] : [msg.model.noWeights(exhibit.id, exhibit.year)],
  }),
  build: (exhibit, context) => {
    const rows = context.data.weights.filter((w) => w.value.year === exhibit.year);
    const indicators = rows.map((w) => indicatorOf(context, w.value.indicator));
    const decimals = Math.max(...rows.map((w) => decimalsOf(w.value.weight)));
    return {
      table: {
        caption: captionOf(exhibit, `Indikatorer i produksjonsindeksen og vekter ${exhibit.year}`),
        source: sourceOf(context, indicators, []),
        notes: [],
        header: [[{ text: "Indikator" }, { text: `Vekt ${exhibit.year}` }]],
        rows: rows.map((w, i) => ({
          label: indicators[i]!.title,
          cells: [{ text: formatNumber(w.value.weight, decimals), value: w.value.weight }],
        })),
      },
    };
  },
});

function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes(".") ? text.split(".")[1]!.length : 0;
}
