import { beforeAll, describe, expect, it } from "vitest";
import type { CheckInputs } from "../../src/check/context.js";
import { checkLiterals, literalsIn, NEAR_FRACTION, SMALL_COUNT_BELOW } from "../../src/check/literals.js";
import type { SectionCommentary } from "../../src/narrative/loadCommentary.js";
import { renderExpressions } from "../../src/narrative/expressions.js";
import { loadInputs, projectPaths } from "../../src/pipeline.js";
import { REPO } from "../helpers/project.js";

/** A commentary section holding only `source`, its expressions resolved against the shipped 2025 data. */
function section(source: string, inputs?: CheckInputs): SectionCommentary {
  const expressions = inputs ? renderExpressions(source, "tekst.md", 0, { data: inputs.data, definition: inputs.definition }).uses : [];
  return { file: "tekst.md", items: [], source, bodyLineOffset: 0, expressions };
}
const values = (source: string) => literalsIn(section(source)).map((l) => l.value);

describe("which numbers in the prose are compared with the data", () => {
  it(`leaves whole numbers below ${SMALL_COUNT_BELOW} without a unit alone, and takes ${SMALL_COUNT_BELOW} and up`, () => {
    expect(values(`Det er ${SMALL_COUNT_BELOW - 1} elever.`)).toEqual([]);
    expect(values(`Det er ${SMALL_COUNT_BELOW} elever.`)).toEqual([SMALL_COUNT_BELOW]);
  });

  it("takes a small number that has decimals or a unit", () => {
    expect(values("Snittet er 13,9 elever.")).toEqual([13.9]);
    expect(values("Andelen er 12 % og 7 prosent, kostnaden 45 kr.")).toEqual([12, 7, 45]);
  });

  it("leaves years, ordinals and ranges alone", () => {
    expect(values("I 2024 gikk 5. trinn fra 6-15 år til 120. plass.")).toEqual([]);
  });
});

describe("a number close to a value an expression in the same paragraph reads", () => {
  let inputs: CheckInputs;
  let largest: number;
  const EXPRESSION = '{{verdi "gruppestorrelse-1" "Bærum" 2024}}';
  beforeAll(async () => {
    inputs = await loadInputs(projectPaths(REPO), 2025, { log: () => {}, now: () => 0 });
    largest = Math.max(...inputs.definition.years.map((year) => inputs.data.value("gruppestorrelse-1", "3201", year)!));
  });
  /** The close-to findings for a literal with two decimals (so it never equals a value in the data). */
  const closeFindings = (literal: number) => {
    const text = literal.toFixed(2).replace(".", ",");
    const commentary = new Map([["a/b", section(`Gruppestørrelsen er ${EXPRESSION}, men var ${text} i fjor.`, inputs)]]);
    return checkLiterals({ ...inputs, commentary }).filter((f) => f.id === "check.closeToExpression");
  };

  it(`is a stale copy within ${NEAR_FRACTION * 100} % of the value, and not beyond`, () => {
    const edge = largest * (1 + NEAR_FRACTION);
    const within = Math.floor(edge * 100) / 100;
    const beyond = Math.ceil(edge * 100) / 100 + 0.01;
    const found = closeFindings(within);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`«${within.toFixed(2).replace(".", ",")}» ligger nær`);
    expect(closeFindings(beyond)).toEqual([]);
  });
});
