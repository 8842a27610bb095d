import { locationOf } from "../config/loadDefinition.js";
import { formatNumber, formatPercent } from "../format/norwegian.js";
import { msg } from "../messages/catalogue.js";
import { allExhibits, type CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";

/**
 * Categories drawn as stacked shares should add up to 100 %. Each value may
 * be off by half its last decimal from rounding; beyond that (and at least
 * half a percentage point) the categories overlap or miss something.
 */
export function checkShares({ definition, data, definitionFile }: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  for (const exhibit of allExhibits(definition)) {
    if (exhibit.kind !== "breakdown" || !exhibit.stacked) continue;
    const indicators = exhibit.indicators.map((id) => data.indicators.get(id)!);
    if (!indicators.every((i) => i.unit === "prosent")) continue;
    const region = exhibit.region ?? definition.municipality;
    const decimals = Math.max(...indicators.map((i) => i.decimals));
    const tolerance = Math.max(0.5, indicators.length * 0.5 * 10 ** -decimals);
    for (const year of definition.years) {
      const values = indicators.map((i) => data.value(i.id, region, year));
      if (values.some((v) => v === undefined)) continue;
      const sum = values.reduce((a, b) => a! + b!, 0)!;
      if (Math.abs(sum - 100) <= tolerance) continue;
      const terms = values.map((v) => formatNumber(v!, decimals)).join(" + ");
      findings.push(warning(locationOf(exhibit) ?? { file: definitionFile }, msg.check.sharesSum(exhibit.id, formatPercent(sum, decimals), year, formatPercent(100, 0), terms)));
    }
  }
  return findings;
}
