import { locationOf } from "../config/locations.js";
import type { Indicator } from "../data/dataset.js";
import { msg } from "../messages/catalogue.js";
import { exhibitCoverage } from "../model/exhibits/registry.js";
import { allExhibits, type CheckInputs } from "./context.js";
import { error, warning, type Finding } from "./finding.js";

/**
 * Every value an exhibit shows should be in the data; which values those
 * are, each exhibit kind says (its `coverage`, src/model/exhibits/). A gap
 * is printed as SSB's ".." with an explanation (or a bar is left out), never
 * as 0 or blank; this says where, and where the value will come from (its
 * SSB table, when the catalogue names one). A value an exhibit cannot do
 * without is an error: a year no region has (the table would print a column
 * of ".."; typically a new year not yet imported), or an input of the
 * efficiency exhibit.
 */
export function checkCompleteness({ definition, data, definitionFile }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  const context = { definition, data };
  const regionName = (id: string) => data.regions.get(id)?.name ?? id;
  const whereFrom = (indicator: Indicator | undefined) =>
    indicator?.ssb_table ? msg.model.importFromSsb(indicator.ssb_table).text : msg.model.addFromSource(indicator?.source ?? "kilden").text;
  for (const exhibit of allExhibits(definition)) {
    const at = locationOf(exhibit) ?? { file: definitionFile };
    const coverage = exhibitCoverage(exhibit, context);
    const drawn = exhibit.table && exhibit.chart ? "both" : exhibit.table ? "table" : "chart";
    for (const problem of coverage.problems ?? []) findings.push(error(at, problem));
    // An indicator and year already reported as an error is not repeated as warnings.
    const reported = new Set<string>();
    for (const { indicator, regions, year } of coverage.required ?? []) {
      if (regions.some((region) => data.observation(indicator, region, year))) continue;
      reported.add(`${indicator}\u0000${year}`);
      const message =
        regions.length === 1
          ? msg.model.requiredValueMissing(exhibit.id, indicator, regionName(regions[0]!), year, whereFrom(data.indicators.get(indicator)))
          : msg.model.columnMissing(exhibit.id, indicator, year, whereFrom(data.indicators.get(indicator)));
      findings.push(error(at, message));
    }
    for (const { indicator, region, years } of coverage.shown) {
      // A row with a symbol (".", ":") is SSB's own answer, not a gap.
      const missing = years.filter((y) => data.observation(indicator, region, y) === undefined && !reported.has(`${indicator}\u0000${y}`));
      if (missing.length === 0) continue;
      findings.push(warning(at, msg.model.valuesMissing(exhibit.id, indicator, regionName(region), missing, drawn, whereFrom(data.indicators.get(indicator)))));
    }
  }
  return findings;
}
