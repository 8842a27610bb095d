import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data/dataset.js";
import { ReportError } from "../../src/errors.js";
import { buildModel, projectPaths } from "../../src/pipeline.js";
import { errorOf } from "../helpers/errors.js";
import { scratchProject } from "../helpers/project.js";

const quiet = { log: () => {}, now: () => 0 };
let root: string;
const observations = () => join(root, "data", "2025", "observations.csv");

function editLine(file: string, line: number, change: (text: string) => string): void {
  const lines = readFileSync(file, "utf8").split("\n");
  lines[line - 1] = change(lines[line - 1]!);
  writeFileSync(file, lines.join("\n"));
}


async function modelError(): Promise<ReportError> {
  try {
    await buildModel(projectPaths(root), 2025, quiet);
  } catch (error) {
    if (error instanceof ReportError) return error;
    throw error;
  }
  throw new Error("expected a ReportError");
}

const load = () => loadDataset({ root, dataDir: join(root, "data"), year: 2025 });

beforeEach(() => {
  root = scratchProject();
});

describe("data validation", () => {
  it("the shipped data loads", () => {
    expect(load().value("gruppestorrelse-1", "3201", 2024)).toBe(13.9);
  });

  it("a value that is not a number is rejected with file:line:column and what was expected", () => {
    editLine(observations(), 10, (t) => t.replace(/^([^,]*,[^,]*,\d{4}),(\d+\.\d),/, "$1,$2x,"));
    const error = errorOf(load);
    expect(error.id).toBe("data.badCell");
    expect(error.format()).toMatch(/^data\/2025\/observations\.csv:10:4: skal være et tall med desimalpunktum \(f\.eks\. 13\.9\) i kolonnen «value», men der står «\d+\.\dx»$/);
  });

  it("a decimal comma is recognised and explained", () => {
    editLine(observations(), 10, (t) => t.replace(/^([^,]*,[^,]*,\d{4}),(\d+)\.(\d),/, "$1,$2,$3,"));
    const error = errorOf(load);
    expect(error.id).toBe("data.malformed");
    expect(error.format()).toBe(
      "data/2025/observations.csv:10: ugyldig CSV: raden har 12 felt, overskriftsraden har 11 (står det et desimalkomma i en kommadelt fil? skriv 13.9, eller lagre hele filen fra Excel som «CSV (semikolonseparert)»)",
    );
  });

  it("a row with too many fields is reported as malformed CSV with its line", () => {
    editLine(observations(), 7, (t) => `${t},extra,field`);
    const error = errorOf(load);
    expect(error.id).toBe("data.malformed");
    expect(error.format()).toMatch(/^data\/2025\/observations\.csv:7: ugyldig CSV/);
  });

  it("an unknown indicator suggests the closest known one", () => {
    editLine(observations(), 3, (t) => t.replace("netto-driftsutgifter-grunnskolesektor-per-innbygger", "netto-driftsutgifter-grunnskolesektor-per-innbyger"));
    const error = errorOf(load);
    expect(error.id).toBe("data.unknownIndicator");
    expect(error.format()).toContain("observations.csv:3:1: ukjent indikator");
    expect(error.format()).toContain("mente du «netto-driftsutgifter-grunnskolesektor-per-innbygger»");
  });

  it("a duplicate observation names both lines", () => {
    const file = observations();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    writeFileSync(file, [...lines, lines[1]].join("\n") + "\n");
    const error = errorOf(load);
    expect(error.id).toBe("data.duplicateValue");
    expect(error.format()).toMatch(new RegExp(`observations\\.csv:${lines.length + 1}: tallet for .* står to ganger .*linje 2`));
  });

  it("a missing year in the report definition is an error, not an empty column", async () => {
    const file = join(root, "data", "2025", "report.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("years: [2021, 2022, 2023, 2024]", "years: [2021, 2022, 2023, 2024, 2025]"));
    const error = await modelError();
    expect(error.id).toBe("build.contentErrors");
    expect(error.format()).toMatch(/^\d+ feil i innholdet: data\/2025\/report\.yaml:\d+:\d+: feil: ingen av regionene har [a-z0-9-]+ for 2025: tabellen «[a-z0-9-]+» ville fått en hel kolonne med «\.\.»/);
  });

  it("an unknown exhibit marker in commentary names the Markdown file, line and a suggestion", async () => {
    const file = join(root, "data", "2025", "commentary", "grunnskole", "07-skolestorrelse.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("[[elever-per-skole]]", "[[elever-pr-skole]]"));
    const error = await modelError();
    expect(error.id).toBe("model.unknownExhibitMarker");
    expect(error.format()).toBe(
      "data/2025/commentary/grunnskole/07-skolestorrelse.md:6: ukjent figur «[[elever-pr-skole]]» i avsnittet «skolestorrelse» (mente du «elever-per-skole»?)",
    );
  });

  it("an unknown section in front matter is caught", async () => {
    const file = join(root, "data", "2025", "commentary", "grunnskole", "08-sfo.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("section: sfo", "section: sf0"));
    expect((await modelError()).format()).toContain("08-sfo.md:3: ukjent seksjon «sf0»");
  });
});
