import { locationOf } from "../config/loadDefinition.js";
import type { Indicator } from "../data/dataset.js";
import { MISSING } from "../format/norwegian.js";
import { msg } from "../messages/catalogue.js";
import { allExhibits, type CheckInputs } from "./context.js";
import { error, warning, type Finding } from "./finding.js";

/**
 * Every region × year a table shows should have a value. A gap is printed
 * as SSB's ".." with an explanation, never as 0 or blank; this says where,
 * and where the value will come from (its SSB table, when the catalogue
 * names one). A year with no value at all for an indicator is an error: the
 * report would print a column of "..", typically a new year not yet imported.
 */
export function checkCompleteness({ definition, data, definitionFile }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  const origin = (indicator: Indicator | undefined) => [indicator?.ssb_table || undefined, indicator?.source || undefined] as const;
  for (const exhibit of allExhibits(definition)) {
    const at = locationOf(exhibit) ?? { file: definitionFile };
    if (exhibit.kind === "weights") {
      if (!data.weights.some((w) => w.value.year === exhibit.year)) findings.push(error(at, msg.check.noWeights(exhibit.year)));
      continue;
    }
    if (exhibit.kind === "comparison") {
      const indicator = data.indicators.get(exhibit.indicator);
      for (const year of definition.years) {
        if (definition.regions.some((region) => data.observation(exhibit.indicator, region, year))) continue;
        findings.push(error(at, msg.check.noValueAnywhere(exhibit.indicator, year, MISSING, ...origin(indicator))));
      }
    }
    if (!exhibit.table) continue;
    const cells: { indicator: string; region: string; years: readonly number[] }[] = [];
    if (exhibit.kind === "comparison") cells.push(...definition.regions.map((region) => ({ indicator: exhibit.indicator, region, years: definition.years })));
    if (exhibit.kind === "breakdown") cells.push(...exhibit.indicators.map((indicator) => ({ indicator, region: exhibit.region ?? definition.municipality, years: definition.years })));
    if (exhibit.kind === "keyfigures") cells.push(...exhibit.indicators.map((indicator) => ({ indicator, region: exhibit.region ?? definition.municipality, years: exhibit.years })));
    if (exhibit.kind === "matrix") cells.push(...exhibit.indicators.flatMap((indicator) => exhibit.regions.map((region) => ({ indicator, region, years: exhibit.years }))));
    for (const { indicator, region, years } of cells) {
      // A row with a symbol (".", ":") is SSB's own answer, not a gap.
      const missing = years.filter((y) => data.observation(indicator, region, y) === undefined);
      if (missing.length === 0) continue;
      if (exhibit.kind === "comparison" && missing.every((y) => !definition.regions.some((r) => data.observation(indicator, r, y)))) continue;
      const name = data.regions.get(region)?.name ?? region;
      findings.push(warning(at, msg.check.tableGap(exhibit.id, indicator, name, missing, MISSING, ...origin(data.indicators.get(indicator)))));
    }
  }
  return findings;
}
