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
    expect(error.format()).toMatch(/^data\/2025\/observations\.csv:10:4: expected a number with a decimal point \(e\.g\. 13\.9\) in column "value", got "\d+\.\dx"$/);
  });

  it("a decimal comma is recognised and explained", () => {
    editLine(observations(), 10, (t) => t.replace(/^([^,]*,[^,]*,\d{4}),(\d+)\.(\d),/, "$1,$2,$3,"));
    expect(errorOf(load).format()).toBe(
      "data/2025/observations.csv:10: malformed CSV: the row has 12 fields, the header has 11 (is there a decimal comma in a comma-separated file? write 13.9, or save the whole file from Excel as \"CSV (semikolonseparert)\")",
    );
  });

  it("a row with too many fields is reported as malformed CSV with its line", () => {
    editLine(observations(), 7, (t) => `${t},extra,field`);
    expect(errorOf(load).format()).toMatch(/^data\/2025\/observations\.csv:7: malformed CSV/);
  });

  it("an unknown indicator suggests the closest known one", () => {
    editLine(observations(), 3, (t) => t.replace("netto-driftsutgifter-grunnskolesektor-per-innbygger", "netto-driftsutgifter-grunnskolesektor-per-innbyger"));
    const error = errorOf(load);
    expect(error.format()).toContain("observations.csv:3:1: unknown indicator");
    expect(error.format()).toContain("mente du «netto-driftsutgifter-grunnskolesektor-per-innbygger»?");
  });

  it("a duplicate observation names both lines", () => {
    const file = observations();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    writeFileSync(file, [...lines, lines[1]].join("\n") + "\n");
    expect(errorOf(load).format()).toMatch(new RegExp(`observations\\.csv:${lines.length + 1}: duplicate value .*line 2`));
  });

  it("a missing year in the report definition is an error, not an empty column", async () => {
    const file = join(root, "data", "2025", "report.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("years: [2021, 2022, 2023, 2024]", "years: [2021, 2022, 2023, 2024, 2025]"));
    const error = await modelError();
    expect(error.format()).toMatch(/^\d+ error\(s\) in the content: data\/2025\/report\.yaml:\d+:\d+: feil: ingen kommune har en verdi for [a-z0-9-]+ i 2025: tabellen ville vist en hel kolonne med «\.\.»/);
  });

  it("an unknown exhibit marker in commentary names the Markdown file, line and a suggestion", async () => {
    const file = join(root, "data", "2025", "commentary", "grunnskole", "07-skolestorrelse.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("[[elever-per-skole]]", "[[elever-pr-skole]]"));
    const error = await modelError();
    expect(error.format()).toBe(
      'data/2025/commentary/grunnskole/07-skolestorrelse.md:6: unknown exhibit "[[elever-pr-skole]]" in section "skolestorrelse" (mente du «elever-per-skole»?)',
    );
  });

  it("an unknown section in front matter is caught", async () => {
    const file = join(root, "data", "2025", "commentary", "grunnskole", "08-sfo.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("section: sfo", "section: sf0"));
    expect((await modelError()).format()).toContain("08-sfo.md:3: ukjent seksjon «sf0»");
  });
});
