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
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:\d+:\d+: ukjent felt «titel» \(ved kapittel 1, avsnitt 7, figur 1\)/);
  });

  it("an unknown kind names the kinds there are", () => {
    const error = load(withExhibit("          - id: elever-per-skole\n            kind: comparision\n            indicator: elever-per-skole\n"));
    expect(error.message).toMatch(/^skal være en av «comparison», «breakdown», .*«highlight» \(ved kapittel 1, avsnitt 7, figur 1, feltet «kind»\)$/);
    expect(error.hint).toBe("mente du «comparison»?");
  });

  it("a text where a number belongs, and a field left out", () => {
    expect(load(SHIPPED.replace("years: [2021, 2022, 2023, 2024]", "years: [2021, 2022, 2023, tjuefireogtjue]")).message).toBe("skal være et tall, ikke tekst (ved feltet «years», element 4)");
    expect(load(SHIPPED.replace("organisation: Bærum kommune\n", "")).message).toBe("mangler (ved feltet «organisation»)");
  });

  it("an id with capital letters says what an id is", () => {
    expect(load(withExhibit("          - id: Elever-per-skole\n            kind: comparison\n            indicator: elever-per-skole\n")).message).toMatch(/^skal være en id med små bokstaver, sifre og bindestrek/);
  });

  it("`table: false` on a kind that is a table, and `chart: true` on one that draws none", () => {
    expect(load(withExhibit("          - id: vekter\n            kind: weights\n            year: 2024\n            chart: true\n")).message).toBe(
      "figurtypen weights tegner ingen figur: fjern «chart:» (ved kapittel 1, avsnitt 7, figur 1, feltet «chart»)",
    );
    expect(load(withExhibit("          - id: nokkeltall\n            kind: keyfigures\n            years: [2024]\n            indicators: [elever-per-skole]\n            table: false\n")).message).toBe(
      "figurtypen keyfigures er en tabell og kan ikke slås av med «table: false» (ved kapittel 1, avsnitt 7, figur 1, feltet «table»)",
    );
  });

  it("a YAML syntax error keeps its line and column", () => {
    const error = load(SHIPPED.replace("title: KOSTRA analyse 2025", "title: KOSTRA analyse 2025\n  bad: [indent"));
    expect(error.id).toBe("config.yamlSyntax");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:\d+:\d+: feil i YAML-syntaksen: /);
  });
});

describe("YAML errors in report.yaml are Norwegian, never the parser's English, with line and column", () => {
  const title = "title: KOSTRA analyse 2025";
  const cases: [string, string, RegExp][] = [
    ["a key twice", SHIPPED.replace(title, `${title}\ntitle: igjen`), /^data\/2025\/report\.yaml:\d+:1: feil i YAML-syntaksen: nøkkelen «title» står to ganger/],
    ["text after a quoted value", SHIPPED.replace(title, 'title: "KOSTRA" analyse'), /:\d+:\d+: feil i YAML-syntaksen: det står noe mer etter verdien/],
    ["an unclosed [", SHIPPED.replace("years: [2021, 2022, 2023, 2024]", "years: [2021, 2022, 2023, 2024"), /:\d+:\d+: feil i YAML-syntaksen: en liste eller samling som begynner med «\[», er ikke lukket med «\]»/],
    ["a tab as indentation", SHIPPED.replace("            kind: comparison\n            indicator: elever-per-skole", "            kind: comparison\n\t\t\tindicator: elever-per-skole"), /:\d+:\d+: feil i YAML-syntaksen: innrykket er skrevet med tabulator/],
    ["a value starting with a backtick", SHIPPED.replace(title, "title: `KOSTRA`"), /:\d+:8: feil i YAML-syntaksen: en verdi uten anførselstegn kan ikke begynne med «`»/],
    ["an unclosed quote", SHIPPED.replace(title, 'title: "KOSTRA analyse 2025'), /:\d+:\d+: feil i YAML-syntaksen: anførselstegnet \(".*\) er ikke lukket/],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const error = load(text);
      expect(error.id).toBe("config.yamlSyntax");
      expect(error.format()).toMatch(expected);
      expect(error.format()).not.toMatch(/must|Map keys|Unexpected|Tabs|allowed|Missing|Plain value|at line/);
    });
  }

  it("an unknown code names the code in Norwegian", async () => {
    const { yamlErrorMessage } = await import("../../src/config/yamlErrors.js");
    const { YAMLParseError } = await import("yaml");
    const message = yamlErrorMessage(new YAMLParseError([0, 1], "BAD_PROP_ORDER", "Anchors and tags must be after the ? indicator"), "x");
    expect(message.text).toBe("filen er ikke gyldig YAML (feilkode BAD_PROP_ORDER)");
  });

  it("an alias to a name never defined says the name is unknown and suggests the anchor there is", () => {
    const error = load(SHIPPED.replace("indicators: *profil", "indicators: *profill"));
    expect(error.id).toBe("config.yamlUnknownAlias");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:58:25: henvisningen «\*profill» viser til et navn som ikke er definert .*\(mente du «\*profil»\?\)$/);
  });

  it("a merge key (<<:) is refused where it stands, in Norwegian", () => {
    const error = load(withExhibit("          - id: elever-per-skole\n            <<: *profil\n            kind: comparison\n"));
    expect(error.id).toBe("config.yamlMergeKey");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:142:13: YAML-sammenslåing/);
  });

  it("a field left out is located at its exhibit and named in words", () => {
    const error = load(withExhibit("          - id: elever-per-skole\n            kind: comparison\n"));
    expect(error.format()).toBe(
      "data/2025/report.yaml:141:13: mangler (ved kapittel 1, avsnitt 7, figur 1, feltet «indicator») (se README, «Legge til en indikator», for feltene hver figurtype har)",
    );
  });
});

describe("an exhibit's note: is plain text", () => {
  const withNote = (note: string) => withExhibit(`          - id: elever-per-skole\n            kind: comparison\n            indicator: elever-per-skole\n            note: ${note}\n`);

  it("an expression is refused at the note, not printed as {{…}}", () => {
    const error = load(withNote('"Snittet er {{verdi \\"elever-per-skole\\" \\"0301\\" 2024}}."'));
    expect(error.id).toBe("config.schemaIssue");
    expect(error.format()).toMatch(/^data\/2025\/report\.yaml:144:19: er ren tekst og kan ikke ha uttrykk \(\{\{…\}\}\).* \(ved kapittel 1, avsnitt 7, figur 1, feltet «note»\)/);
  });

  it("Markdown is refused at the note", () => {
    expect(load(withNote('"Tallene er **foreløpige**."')).format()).toMatch(/^data\/2025\/report\.yaml:144:19: er ren tekst og kan ikke ha Markdown/);
    expect(load(withNote('"Se [SSB](https://ssb.no)."')).format()).toMatch(/kan ikke ha Markdown/);
  });

  it("an ordinary note with a star or an underscore in a word still loads", () => {
    writeFileSync(file(), withNote("Tall for 2024 * foreløpige; skole_id er SSBs."));
    expect(loadDefinition(file(), "report.yaml").chapters[0]!.sections[6]!.exhibits[0]!.note).toBe("Tall for 2024 * foreløpige; skole_id er SSBs.");
  });
});
