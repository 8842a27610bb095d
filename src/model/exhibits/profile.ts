import { z } from "zod";
import { id, reportYear, year } from "../../config/fields.js";
import { formatNumber } from "../../format/norwegian.js";
import { indexAgainst } from "../../indicators/index.js";
import { captionOf, indicatorOf, regionName, unitSuffix } from "./context.js";
import { defineExhibitKind } from "./kind.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";
import { indexChartData } from "./indexCharts.js";

/**
 * Tjenesteprofil: each indicator of the municipality as an index against the
 * average region = 100, computed from the same values the tables show. An
 * indicator without both values is left out of the table and named in a note.
 */
export const profile = defineExhibitKind({
  kind: "profile",
  fields: {
    indicators: z.array(id).min(1),
    /** The latest report year unless given. */
    year: year.optional(),
  },
  table: "optional",
  chart: "optional",
  names: (exhibit) => ({ indicators: exhibit.indicators }),
  coverage: (exhibit, { definition }) => {
    const years = [exhibit.year ?? reportYear(definition)];
    return { shown: exhibit.indicators.flatMap((indicator) => [definition.municipality, definition.average].map((region) => ({ indicator, region, years }))) };
  },
  build: (exhibit, context) => {
    const { definition, data } = context;
    const year = exhibit.year ?? reportYear(definition);
    const municipality = definition.municipality;
    const average = definition.average;
    const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
    const points = indicators.flatMap((indicator) => {
      const own = data.value(indicator.id, municipality, year);
      const avg = data.value(indicator.id, average, year);
      return own === undefined || avg === undefined ? [] : [{ indicator, own, avg, index: indexAgainst(own, avg, data.observation(indicator.id, average, year)) }];
    });
    const left = indicators.filter((i) => !points.some((p) => p.indicator === i));
    const averageName = regionName(context, average);
    const caption = `${captionOf(exhibit, "Tjenesteprofil")} ${year}. ${averageName} = ${formatNumber(100)}`;
    const shown = shownValues(points.map((p) => p.indicator), [municipality, average], [year]);
    const source = sourceOf(context, indicators, shown, true);
    const indexNote = `Indeks = ${regionName(context, municipality)}s verdi ÷ ${averageName} × ${formatNumber(100)}.`;
    return {
      chart: {
        caption,
        source,
        notes: [indexNote, ...provenanceNotes(context, shown, { symbols: false })],
        data: indexChartData(
          context,
          municipality,
          indicators.map((i) => ({ label: i.short_title, value: points.find((p) => p.indicator === i)?.index ?? null })),
        ),
      },
      table: {
        caption: `Indikatorene i tjenesteprofilen, ${year}`,
        source,
        notes: [
          indexNote,
          ...(left.length ? [`Uten tall for begge i ${year}: ${left.map((i) => i.short_title).join(", ")}.`] : []),
          ...provenanceNotes(context, shown),
        ],
        header: [[{ text: "Indikator" }, { text: regionName(context, municipality) }, { text: averageName }, { text: "Indeks" }]],
        rows: points.map((p) => ({
          label: p.indicator.short_title + (p.indicator.unit === "kr" && p.indicator.scale !== 1 ? unitSuffix(p.indicator) : ""),
          cells: [
            observedCell(context, { indicator: p.indicator, region: municipality, year }),
            observedCell(context, { indicator: p.indicator, region: average, year }),
            { text: formatNumber(p.index, 1), value: p.index },
          ],
        })),
      },
    };
  },
});
