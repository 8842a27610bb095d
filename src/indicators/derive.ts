import type { DerivedDefinition } from "../config/definitionSchema.js";
import { makeDataset, type Dataset, type Indicator } from "../data/dataset.js";
import { ReportError, suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { locationOf } from "../config/locations.js";
import { indexAgainst } from "./index.js";

/**
 * Adds the report's derived indicators to the dataset, computed for every
 * region and year where both inputs exist. They then behave like any other
 * indicator (tables, charts, commentary expressions), and each knows what it
 * was computed from.
 */
export function withDerivedIndicators(data: Dataset, derived: readonly DerivedDefinition[], file: string): Dataset {
  if (derived.length === 0) return data;
  const indicators = new Map<string, Indicator>(data.indicators);
  const observations = [...data.observations];
  for (const definition of derived) {
    const location = locationOf(definition) ?? { file };
    if (indicators.has(definition.id)) {
      throw new ReportError(msg.config.derivedIdTaken(definition.id), { location });
    }
    const [numeratorId, denominatorId] = definition.ratio;
    for (const input of definition.ratio) {
      if (!indicators.has(input)) {
        throw new ReportError(msg.config.derivedUnknownInput(definition.id, input, suggest(input, indicators.keys())), { location });
      }
    }
    const numerator = indicators.get(numeratorId)!;
    indicators.set(definition.id, {
      id: definition.id,
      title: definition.title,
      short_title: definition.short_title,
      unit: "indeks",
      scale: 1,
      decimals: 1,
      source: numerator.source,
      kostra_function: "",
      ssb_table: "",
      ssb_contents: "",
      ssb_dimensions: "",
      ssb_scale: 1,
      tolerance: undefined,
      derivedFrom: `${numeratorId} ÷ ${denominatorId} × 100`,
    });
    for (const row of data.observations) {
      if (row.value.indicator !== numeratorId || row.value.value === undefined) continue;
      const denominator = data.value(denominatorId, row.value.region, row.value.year);
      if (denominator === undefined) continue;
      const inputs = [row, data.observation(denominatorId, row.value.region, row.value.year)!];
      observations.push({
        file,
        line: row.line,
        value: {
          indicator: definition.id,
          region: row.value.region,
          year: row.value.year,
          value: indexAgainst(row.value.value, denominator, inputs[1]),
          status: "",
          source: "",
          // A value computed from a preliminary or reconstructed one is just as preliminary or reconstructed.
          release: inputs.some((input) => input.value.release === "foreløpig") ? "foreløpig" : "",
          updated: "",
          imported: "",
          basis: inputs.some((input) => input.value.basis === "tekst") ? "tekst" : "",
          note: `Beregnet: ${numeratorId} ÷ ${denominatorId} × 100`,
        },
      });
    }
  }
  return makeDataset(data.regions, indicators, observations, data.weights);
}
