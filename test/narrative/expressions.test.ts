import { beforeAll, describe, expect, it } from "vitest";
import { withDerivedIndicators } from "../../src/indicators/derive.js";
import { loadDataset } from "../../src/data/dataset.js";
import { loadDefinition } from "../../src/config/loadDefinition.js";
import { ReportError } from "../../src/errors.js";
import { renderExpressions, type ExpressionContext } from "../../src/narrative/expressions.js";
import { NUMBER_HELPERS } from "../../src/narrative/helpers.js";
import { referable } from "../../src/narrative/references.js";
import { errorOf as reportErrorOf } from "../helpers/errors.js";
import { REPO } from "../helpers/project.js";

let context: ExpressionContext;
beforeAll(() => {
  const definition = loadDefinition(`${REPO}/data/2025/report.yaml`, "data/2025/report.yaml");
  const data = withDerivedIndicators(loadDataset({ root: REPO, dataDir: `${REPO}/data`, year: 2025 }), definition.derived, "report.yaml");
  context = { data, definition };
});

const render = (text: string) => renderExpressions(text, "tekst.md", 4, context).body;
const nb = (text: string) => text.replace(/ /g, "\u00a0");
function errorOf(text: string): string {
  try {
    render(text);
  } catch (error) {
    if (error instanceof ReportError) return error.format();
    throw error;
  }
  throw new Error("expected an error");
}

describe("commentary expressions", () => {
  it("verdi prints the value with the unit spelled out as in running text", () => {
    expect(render('{{verdi "gruppestorrelse-1" "Bærum" 2024}} elever')).toBe("13,9 elever");
    expect(render('{{verdi "godkjent-utdanning" "Bærum" 2024}}')).toBe(nb("93,3 prosent"));
    expect(render('{{verdi "netto-driftsutgifter-per-elev" "Oslo" 2024}}')).toBe(nb("136 522 kr"));
    expect(render('{{verdi "sfo-antall-barn" "3201" 2024}}')).toBe(nb("5 809"));
  });

  it("abs and enhet options let the sentence carry the sign and the unit", () => {
    expect(render('{{verdi "ressursbruk-avvik-kr-per-innbygger" "Bærum" 2024 abs=true enhet=false}} kroner')).toBe(`${nb("1 959")} kroner`);
    expect(render('{{verdi "ressursbruk-avvik-prosent" "Bærum" 2024}}')).toBe(nb("\u22126,9 prosent"));
  });

  it("forskjell, endring, avvik and rang compute from the data as the seed's sentences say", () => {
    // Seed: "Oslo kommune brukte 136 522 kr per elev, altså 28 349 kr mer per elev, enn Bærum".
    expect(render('{{forskjell "netto-driftsutgifter-per-elev" "Oslo" "Bærum" 2024}}')).toBe(nb("28 349 kr"));
    // Seed tables: godkjent utdanning Bærum 92,3 % (2023) → 93,3 % (2024).
    expect(render('{{endring "godkjent-utdanning" "Bærum" 2023 2024}}')).toBe(nb("1,0 prosentpoeng"));
    // Seed: efficiency 9,3 prosent above, gross expenses 7,9 prosent below ASSS.
    expect(render('{{avvik "effektivitet" "Bærum" 2024}}')).toBe(nb("9,3 prosent"));
    expect(render('{{avvik "kostnadsindeks-brutto" "Bærum" 2024 abs=true}}')).toBe(nb("7,9 prosent"));
    // 136,8 against ASSS med Oslo 154,1.
    expect(render('{{avvik "netto-driftsutgifter-grunnskolesektor-per-innbygger" "Bærum" 2024}}')).toBe(nb("\u221211,2 prosent"));
    // Elever per skole 2024: Oslo 444, Bærum 379, Asker 286, Tromsø 216.
    expect(render('{{rang "elever-per-skole" "Bærum" 2024}}')).toBe("2");
  });

  it("a typo in an indicator names file, line, column and suggests the right id", () => {
    expect(errorOf('Tekst\n\nmed {{verdi "gruppestorelse-1" "Bærum" 2024}} elever')).toBe(
      "tekst.md:7:13: ukjent indikator «gruppestorelse-1» (mente du «gruppestorrelse-1»?)",
    );
  });

  it("a typo in a region, helper or option is caught with a suggestion", () => {
    expect(errorOf('{{verdi "gruppestorrelse-1" "Bærunm" 2024}}')).toBe("tekst.md:5:29: ukjent kommune eller gruppe «Bærunm» (mente du «Bærum»?)");
    expect(errorOf('{{verdii "gruppestorrelse-1" "Bærum" 2024}}')).toBe("tekst.md:5:1: ukjent uttrykk «verdii» (mente du «verdi»?)");
    expect(errorOf('{{verdi "gruppestorrelse-1" "Bærum" 2024 ab=true}}')).toContain("ukjent valg «ab» (mente du «abs»?)");
  });

  it("a year outside the report's years and a value the data lacks are errors", () => {
    expect(errorOf('{{verdi "gruppestorrelse-1" "Bærum" 2020}}')).toBe(
      "tekst.md:5:37: året 2020 er utenfor rapportens år (2021, 2022, 2023, 2024) (mente du «2021»?)",
    );
    expect(errorOf('{{verdi "assistentarsverk-per-100-laererarsverk" "ASSS med Oslo" 2024}}')).toContain(
      "dataene har ingen verdi for assistentarsverk-per-100-laererarsverk / ASSS med Oslo / 2024",
    );
  });

  it("wrong arity and unclosed expressions are explained", () => {
    expect(errorOf('{{verdi "gruppestorrelse-1" 2024}}')).toContain("«verdi» tar 3 verdier (indikator, kommune, år), men fikk 2");
    expect(errorOf('Linje\n{{verdi "gruppestorrelse-1" "Bærum" 2024')).toMatch(/^tekst\.md:\d+: et uttrykk er ikke lukket/);
  });

  it("a name Object.prototype has (constructor, toString) is an unknown expression, never an internal marker in the text", () => {
    const chart = referable(context.definition, "figur")[0]!;
    for (const name of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
      const error = reportErrorOf(() => render(`Se {{${name} "${chart}"}} her.`));
      expect(error.id).toBe("narrative.unknownExpression");
      expect(error.format()).toMatch(new RegExp(`^tekst\\.md:5:4: ukjent uttrykk «${name}»`));
    }
    // The same names as an expression's values only ever reach a Map: unknown indicator, not a crash.
    expect(reportErrorOf(() => render('{{verdi "constructor" "Bærum" 2024}}')).id).toBe("narrative.unknownIndicator");
  });
});

describe("the helpers", () => {
  it("return the value, or which value the data lacks, as data rather than as a message", () => {
    const indicator = context.data.indicators.get("assistentarsverk-per-100-laererarsverk")!;
    const average = context.definition.average;
    const resolved = { indicator, regions: [average], years: [2024] };
    expect(NUMBER_HELPERS.get("verdi")!.compute(context.data, average, resolved)).toEqual({ missing: { indicator: indicator.id, region: average, year: 2024 } });
    const found = NUMBER_HELPERS.get("rang")!.compute(context.data, average, { indicator: context.data.indicators.get("elever-per-skole")!, regions: ["3201"], years: [2024] });
    expect(found).toEqual({ value: 2 });
  });
});
