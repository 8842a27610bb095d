import type { ExhibitDefinition } from "../../config/definitionSchema.js";
import { formatNumber } from "../../format/norwegian.js";
import { indexAgainst } from "../../indicators/index.js";
import {
  captionOf, indicatorOf, regionName, sourceLine, unitSuffix, valueCell, type ExhibitContext, type ExhibitDraft,
} from "./context.js";
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
  const source = sourceLine(indicators, true);
  const notes = [
    `Indeks = ${regionName(context, municipality)}s verdi ÷ ${averageName} × ${formatNumber(100)}.`,
    ...(left.length ? [`Uten tall for begge i ${year}: ${left.map((i) => i.short_title).join(", ")}.`] : []),
    ...(exhibit.note ? [exhibit.note] : []),
  ];
  return {
    ...(exhibit.chart
      ? {
          chart: {
            id: `figur-${exhibit.id}`,
            caption,
            source,
            notes: [notes[0]!],
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
              cells: [valueCell(p.own, p.indicator), valueCell(p.avg, p.indicator), { text: formatNumber(p.index, 1), value: p.index }],
            })),
          },
        }
      : {}),
  };
}
