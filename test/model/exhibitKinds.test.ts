import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkCompleteness } from "../../src/check/completeness.js";
import { allExhibits } from "../../src/config/definitionSchema.js";
import { makeDataset } from "../../src/data/dataset.js";
import { buildFigureModel } from "../../src/model/build.js";
import { EXHIBIT_KINDS } from "../../src/model/exhibits/registry.js";
import { loadInputs, projectPaths } from "../../src/pipeline.js";
import { scratchProject } from "../helpers/project.js";

/**
 * What every exhibit kind does alike, because the registry does it once:
 * `note:` is the first footnote of its table and its chart, and the
 * completeness check knows the values it shows.
 */

const quiet = { log: () => {}, now: () => 0 };
let root: string;
const definitionFile = () => join(root, "data", "2025", "report.yaml");

/** The 2025 definition plus the kinds it does not use, in a section of their own at the end. */
function withEveryKind(): void {
  const extra = [
    "      - id: alle-typer",
    "        title: Alle figurtyper",
    "        commentary: false",
    "        exhibits:",
    "          - id: nokkeltall",
    "            kind: keyfigures",
    "            years: [2023, 2024]",
    "            indicators: [gruppestorrelse-1, elever-per-skole]",
    "          - id: gruppestorrelse-boks",
    "            kind: highlight",
    "            indicator: gruppestorrelse-1",
    "",
  ].join("\n");
  writeFileSync(definitionFile(), `${readFileSync(definitionFile(), "utf8").trimEnd()}\n\n${extra}`);
}

beforeEach(() => {
  root = scratchProject();
  withEveryKind();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("every exhibit kind", () => {
  it("the test definition has an exhibit of every kind in the registry", async () => {
    const { definition } = await loadInputs(projectPaths(root), 2025, quiet);
    const kinds = new Set(allExhibits(definition).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(EXHIBIT_KINDS.map((k) => k.kind).sort());
  });

  it("shows `note:` as the first footnote of its table and of its chart", async () => {
    // A note on every exhibit, right under its `kind:` line.
    const text = readFileSync(definitionFile(), "utf8").replace(/^( +)kind: ([a-z]+)$/gm, (line, indent: string, kind: string) => `${line}\n${indent}note: Merknad til ${kind}.`);
    writeFileSync(definitionFile(), text);
    const inputs = await loadInputs(projectPaths(root), 2025, quiet);
    const model = buildFigureModel(inputs);
    const blocks = model.chapters.flatMap((c) => c.blocks).filter((b) => b.type === "table" || b.type === "chart");
    const kindOf = new Map(allExhibits(inputs.definition).map((e) => [e.id, e.kind]));
    const kinds = blocks.map((b) => kindOf.get(b.id.replace(/^(tabell|figur)-/, ""))!);
    const notes = blocks.map((b, i) => `${b.type} of ${kinds[i]}: ${b.notes[0]}`);
    expect(notes).toEqual(blocks.map((b, i) => `${b.type} of ${kinds[i]}: Merknad til ${kinds[i]}.`));
    // The kinds the seed draws as charts, notes included.
    expect(notes).toEqual(expect.arrayContaining(["chart of efficiency: Merknad til efficiency.", "chart of components: Merknad til components.", "chart of profile: Merknad til profile.", "chart of matrix: Merknad til matrix."]));
    expect(notes).toContain("table of efficiency: Merknad til efficiency.");
    // Once: not again further down the footnotes.
    for (const block of blocks) expect(block.notes.filter((n) => n.startsWith("Merknad til"))).toHaveLength(1);
  });

  it("is covered by the completeness check: with no values at all, every exhibit has a finding", async () => {
    const inputs = await loadInputs(projectPaths(root), 2025, quiet);
    const empty = makeDataset(inputs.data.regions, inputs.data.indicators, [], []);
    const findings = checkCompleteness({ ...inputs, data: empty });
    const without = allExhibits(inputs.definition).filter((e) => !findings.some((f) => f.message.includes(`«${e.id}»`)));
    expect(without.map((e) => `${e.kind} ${e.id}`)).toEqual([]);
  });

  it("what an exhibit cannot be drawn without is an error at its line; what it shows without is a warning", async () => {
    const inputs = await loadInputs(projectPaths(root), 2025, quiet);
    const empty = makeDataset(inputs.data.regions, inputs.data.indicators, [], []);
    const findings = checkCompleteness({ ...inputs, data: empty });
    const of = (id: string) => findings.filter((f) => f.message.includes(`«${id}»`)).map((f) => `${f.severity} ${f.id}`);
    expect(of("effektivitet")).toContain("error model.requiredValueMissing");
    expect(of("tjenesteprofil")).toEqual(expect.arrayContaining(["warning model.valuesMissing"]));
    expect(of("tjenesteprofil").every((f) => f.startsWith("warning"))).toBe(true);
    expect(of("produksjonsindeks-komponenter").every((f) => f === "warning model.valuesMissing")).toBe(true);
    expect(of("netto-driftsutgifter")).toContain("error model.columnMissing");
    // A year no region has is reported once, as the error, not again as a warning per region.
    expect(of("netto-driftsutgifter")).not.toContain("warning model.valuesMissing");
    expect(findings.find((f) => f.id === "model.noWeights")).toMatchObject({ severity: "error", location: { file: "data/2025/report.yaml", line: 155 }, message: "«produksjonsindeks-vekter» har ingen vekter for produksjonsindeksen i 2024" });
  });

  it("an exhibit with both its table and its chart turned off is an error at its line, not a silent gap in the document", async () => {
    const text = readFileSync(definitionFile(), "utf8");
    writeFileSync(definitionFile(), text.replace("            indicator: elever-per-skole\n", "            indicator: elever-per-skole\n            table: false\n            chart: false\n"));
    const error = await loadInputs(projectPaths(root), 2025, quiet).then(
      () => undefined,
      (e: { id?: string; format: () => string }) => e,
    );
    expect(error?.id).toBe("config.showsNothing");
    expect(error?.format()).toBe("data/2025/report.yaml:141:13: «elever-per-skole» viser verken tabell eller figur (table: false og chart: false) (fjern den fra report.yaml, eller slå på tabellen eller figuren)");
  });

  it("a chart-only exhibit's gaps are reported too (the tjenesteprofil has `table: false`)", async () => {
    const observations = join(root, "data", "2025", "observations.csv");
    writeFileSync(observations, readFileSync(observations, "utf8").replace(/^gruppestorrelse-2,3201,2024,.*\n/m, ""));
    const inputs = await loadInputs(projectPaths(root), 2025, quiet);
    const messages = checkCompleteness(inputs).map((f) => `${f.severity}: ${f.message}`);
    expect(messages).toContain("warning: «tjenesteprofil» mangler gruppestorrelse-2 for Bærum i 2024; figuren får ingen stolpe der");
  });
});
