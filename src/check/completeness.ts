import { locationOf } from "../config/loadDefinition.js";
import { MISSING } from "../format/norwegian.js";
import { allExhibits, type CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";

/**
 * Every region × year a table shows should have a value. A gap is printed
 * as SSB's ".." with an explanation, never as 0 or blank; this says where.
 */
export function checkCompleteness({ definition, data, definitionFile }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  for (const exhibit of allExhibits(definition)) {
    if (!exhibit.table) continue;
    const cells: { indicator: string; region: string; years: readonly number[] }[] = [];
    if (exhibit.kind === "comparison") cells.push(...definition.regions.map((region) => ({ indicator: exhibit.indicator, region, years: definition.years })));
    if (exhibit.kind === "breakdown") cells.push(...exhibit.indicators.map((indicator) => ({ indicator, region: exhibit.region ?? definition.municipality, years: definition.years })));
    if (exhibit.kind === "matrix") cells.push(...exhibit.indicators.flatMap((indicator) => exhibit.regions.map((region) => ({ indicator, region, years: exhibit.years }))));
    for (const { indicator, region, years } of cells) {
      const missing = years.filter((y) => data.value(indicator, region, y) === undefined);
      if (missing.length === 0) continue;
      const name = data.regions.get(region)?.name ?? region;
      findings.push(
        warning(
          locationOf(exhibit) ?? { file: definitionFile },
          `table "${exhibit.id}" has no value of ${indicator} for ${name} in ${missing.join(", ")}; it prints "${MISSING}" with the note "Tallet finnes ikke i kilden"`,
          "add the values to observations.csv if the source has them",
        ),
      );
    }
  }
  return findings;
}
