import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDefinition, MAX_DEPTH } from "../../src/config/loadDefinition.js";
import { errorOf } from "../helpers/errors.js";
import { REPO } from "../helpers/project.js";

let dir: string;
const file = () => join(dir, "report.yaml");
const SHIPPED = readFileSync(join(REPO, "data", "2025", "report.yaml"), "utf8");

function load(text: string) {
  writeFileSync(file(), text);
  return errorOf(() => loadDefinition(file(), "data/2025/report.yaml"));
}

/** The shipped definition with one exhibit's lines replaced. */
const withExhibit = (lines: string) => SHIPPED.replace("          - id: elever-per-skole\n            kind: comparison\n            indicator: elever-per-skole\n", lines);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kostra-definition-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("report.yaml that would exhaust the loader", () => {
  it("an alias bomb (aliases of aliases) is a located Norwegian error, not an internal one", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    const error = load(bomb);
    expect(error.id).toBe("config.yamlTooManyAliases");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:2:8: filen bruker YAML-henvisninger \(\*navn\) så mange ganger/);
  });

  it("the shipped definition's own alias (*profil) still loads", () => {
    writeFileSync(file(), SHIPPED);
    expect(loadDefinition(file(), "report.yaml").chapters[0]!.sections[0]!.exhibits[1]!.kind).toBe("profile");
  });

  it("nesting deeper than the limit is an error at the first list too deep", () => {
    const depth = MAX_DEPTH + 5;
    const error = load(`title: x\nchapters: ${"[".repeat(depth)}${"]".repeat(depth)}\n`);
    expect(error.id).toBe("config.yamlTooDeep");
    expect(error.format()).toBe(`data/2025/report.yaml:2:${10 + MAX_DEPTH}: filen er nøstet dypere enn ${MAX_DEPTH} nivåer (en rapportdefinisjon har kapitler, avsnitt og figurer: sjekk innrykket og parentesene)`);
  });

  it("nesting so deep the YAML parser gives out is the same located error", () => {
    const error = load(`title: x\nchapters: ${"[".repeat(20000)}${"]".repeat(20000)}\n`);
    expect(error.id).toBe("config.yamlTooDeep");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:2:\d+: filen er nøstet dypere enn/);
  });
});

describe("schema problems in report.yaml are Norwegian, with line and path", () => {
  it("an unknown field", () => {
    const error = load(withExhibit("          - id: elever-per-skole\n            kind: comparison\n            indicator: elever-per-skole\n            titel: Elever\n"));
    expect(error.id).toBe("config.schemaIssue");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:\d+:\d+: ukjent felt «titel» \(ved chapters\.0\.sections\.6\.exhibits\.0\)/);
  });

  it("an unknown kind names the kinds there are", () => {
    const error = load(withExhibit("          - id: elever-per-skole\n            kind: comparision\n            indicator: elever-per-skole\n"));
    expect(error.message).toMatch(/^skal være en av «comparison», «breakdown», .*«highlight» \(ved chapters\.0\.sections\.6\.exhibits\.0\.kind\)$/);
    expect(error.hint).toBe("mente du «comparison»?");
  });

  it("a text where a number belongs, and a field left out", () => {
    expect(load(SHIPPED.replace("years: [2021, 2022, 2023, 2024]", "years: [2021, 2022, 2023, tjuefireogtjue]")).message).toBe("skal være et tall, ikke tekst (ved years.3)");
    expect(load(SHIPPED.replace("organisation: Bærum kommune\n", "")).message).toBe("mangler (ved organisation)");
  });

  it("an id with capital letters says what an id is", () => {
    expect(load(withExhibit("          - id: Elever-per-skole\n            kind: comparison\n            indicator: elever-per-skole\n")).message).toMatch(/^skal være en id med små bokstaver, sifre og bindestrek/);
  });

  it("`table: false` on a kind that is a table, and `chart: true` on one that draws none", () => {
    expect(load(withExhibit("          - id: vekter\n            kind: weights\n            year: 2024\n            chart: true\n")).message).toBe(
      "figurtypen weights tegner ingen figur: fjern «chart:» (ved chapters.0.sections.6.exhibits.0.chart)",
    );
    expect(load(withExhibit("          - id: nokkeltall\n            kind: keyfigures\n            years: [2024]\n            indicators: [elever-per-skole]\n            table: false\n")).message).toBe(
      "figurtypen keyfigures er en tabell og kan ikke slås av med «table: false» (ved chapters.0.sections.6.exhibits.0.table)",
    );
  });

  it("a YAML syntax error keeps its line and column", () => {
    const error = load(SHIPPED.replace("title: KOSTRA analyse 2025", "title: KOSTRA analyse 2025\n  bad: [indent"));
    expect(error.id).toBe("config.yamlSyntax");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:\d+:\d+: feil i YAML-syntaksen: /);
  });
});
