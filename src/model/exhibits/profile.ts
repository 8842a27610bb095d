import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { formatNumber } from "../../format/norwegian.js";
import { indexAgainst } from "../../indicators/index.js";
import { captionOf, indicatorOf, regionName, unitSuffix, type ExhibitContext, type ExhibitDraft } from "./context.js";
import { observedCell, provenanceNotes, shownValues, sourceOf } from "./provenance.js";
import { indexChartData } from "./indexCharts.js";

type Profile = Extract<ExhibitDefinition, { kind: "profile" }>;

/**
 * Tjenesteprofil: each indicator of the municipality as an index against the
 * average region = 100, computed from the same values the tables show.
 */
export function buildProfile(exhibit: Profile, context: ExhibitContext): ExhibitDraft {
  const { definition, data } = context;
  const year = exhibit.year ?? Math.max(...definition.years);
  const municipality = definition.municipality;
  const average = definition.average;
  const indicators = exhibit.indicators.map((id) => indicatorOf(context, id));
  const points = indicators.flatMap((indicator) => {
    const own = data.value(indicator.id, municipality, year);
    const avg = data.value(indicator.id, average, year);
    return own === undefined || avg === undefined ? [] : [{ indicator, own, avg, index: indexAgainst(own, avg) }];
  });
  const left = indicators.filter((i) => !points.some((p) => p.indicator === i));
  const averageName = regionName(context, average);
  const caption = `${captionOf(exhibit, "Tjenesteprofil")} ${year}. ${averageName} = ${formatNumber(100)}`;
  const shown = shownValues(points.map((p) => p.indicator), [municipality, average], [year]);
  const source = sourceOf(context, indicators, shown, true);
  const indexNote = `Indeks = ${regionName(context, municipality)}s verdi ÷ ${averageName} × ${formatNumber(100)}.`;
  const notes = [
    indexNote,
    ...(left.length ? [`Uten tall for begge i ${year}: ${left.map((i) => i.short_title).join(", ")}.`] : []),
    ...provenanceNotes(context, shown),
    ...(exhibit.note ? [exhibit.note] : []),
  ];
  return {
    ...(exhibit.chart
      ? {
          chart: {
            id: `figur-${exhibit.id}`,
            caption,
            source,
            notes: [indexNote, ...provenanceNotes(context, shown, { symbols: false })],
            data: indexChartData(
              context,
              municipality,
              indicators.map((i) => ({ label: i.short_title, value: points.find((p) => p.indicator === i)?.index ?? null })),
            ),
          },
        }
      : {}),
    ...(exhibit.table
      ? {
          table: {
            id: `tabell-${exhibit.id}`,
            caption: `Indikatorene i tjenesteprofilen, ${year}`,
            source,
            notes,
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
        }
      : {}),
  };
}
