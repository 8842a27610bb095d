import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE, INDICATOR, cellIndex, cli, fixture, importProject, variant } from "../helpers/importProject.js";
import { REPO, normalizeSpaces } from "../helpers/project.js";

/** What a careless analyst does with SSB files, and what the import must do then. */
const kr = (n: number) => normalizeSpaces(new Intl.NumberFormat("nb-NO").format(n));

describe("npm run import: nothing newer is overwritten by something older", () => {
  it("March's download imported after June's keeps June's final figures, and says so", () => {
    const root = importProject();
    const doc = fixture();
    const at = cellIndex(doc, "3201", "2024");
    expect(cli(root, "import", [FIXTURE, "--year", "2025"]).status).toBe(0);
    const before = readFileSync(join(root, "data", "2025", "observations.csv"), "utf8");
    const march = variant(root, "mars.json", "2025-03-15T07:00:00Z", { [at]: doc.value[at]! - 278 });
    const result = cli(root, "import", [march, "--year", "2025"]);
    expect(result.status, result.stderr).toBe(0);
    expect(normalizeSpaces(result.stdout)).toContain(`= ${INDICATOR} / 3201 / 2024: beholdt ${kr(doc.value[at]!)} (SSB 12362, endelig, oppdatert 2025-06-16); filens ${kr(doc.value[at]! - 278)} (SSB 12362, foreløpig, oppdatert 2025-03-15) er eldre`);
    expect(readFileSync(join(root, "data", "2025", "observations.csv"), "utf8")).toBe(before);
  });

  it("two files of the same date that disagree on a figure stop the import, naming both", () => {
    const root = importProject();
    const doc = fixture();
    const at = cellIndex(doc, "3201", "2024");
    const other = variant(root, "other.json", doc.updated, { [at]: doc.value[at]! + 1 });
    const before = readFileSync(join(root, "data", "2025", "observations.csv"), "utf8");
    const result = cli(root, "import", [FIXTURE, other, "--year", "2025"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^feil: .*other\\.json: ${INDICATOR} / 3201 / 2024 er ${doc.value[at]! + 1} i .*other\\.json, men ${doc.value[at]} i .*12362-kostra-fixture\\.json`));
    expect(readFileSync(join(root, "data", "2025", "observations.csv"), "utf8")).toBe(before);
  });

  it("a figure the data files cannot hold (1e+21) is refused before anything is written", () => {
    const root = importProject();
    const doc = fixture();
    const huge = variant(root, "huge.json", doc.updated, { [cellIndex(doc, "3201", "2024")]: 1e21 });
    const before = readFileSync(join(root, "data", "2025", "observations.csv"), "utf8");
    const result = cli(root, "import", [huge, "--year", "2025"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`feil: ${huge}: ${INDICATOR} / 3201 / 2024: 1e+21 er ikke et troverdig tall`);
    expect(readFileSync(join(root, "data", "2025", "observations.csv"), "utf8")).toBe(before);
    expect(cli(root, "check", ["2025"]).stdout).not.toContain("1e+21");
  });

  it("an import changes only the lines whose figures changed", () => {
    const root = importProject();
    const file = join(root, "data", "2025", "observations.csv");
    const before = readFileSync(file, "utf8").split("\n");
    expect(cli(root, "import", [FIXTURE, "--year", "2025"]).status).toBe(0);
    const after = readFileSync(file, "utf8").split("\n");
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, before.length - 1));
  });
});

describe("what changed, for every document and every removed value", () => {
  it("after an import, the sentences to reread include the year's other documents", () => {
    const root = importProject();
    cpSync(join(REPO, "test", "fixtures", "third-document"), root, { recursive: true });
    const sheet = join(root, "data", "2025", "nokkeltall", "commentary", "oversikt", "tall.md");
    writeFileSync(sheet, `${readFileSync(sheet, "utf8").trimEnd()}\n\nUtgiftene var {{verdi "${INDICATOR}" "Bærum" 2024}} per innbygger.\n`);
    const doc = fixture();
    const at = cellIndex(doc, "3201", "2024");
    expect(cli(root, "import", [variant(root, "mars.json", "2025-03-15T07:00:00Z"), "--year", "2025"]).status).toBe(0);
    const june = cli(root, "import", [variant(root, "juni.json", "2025-06-16T06:00:00Z", { [at]: doc.value[at]! + 100 }), "--year", "2025"]);
    expect(june.status, june.stderr).toBe(0);
    expect(june.stdout).toMatch(/data\/2025\/commentary\/grunnskole\/02-prioritering\.md:\d+: /);
    expect(june.stdout).toMatch(/data\/2025\/nokkeltall\/commentary\/oversikt\/tall\.md:\d+: .*«Utgiftene var «/);
  });

  it("npm run changes lists a value removed since the build and the sentence that can no longer be written", () => {
    const root = importProject();
    expect(cli(root, "import", [FIXTURE, "--year", "2025"]).status).toBe(0);
    const build = cli(root, "report", ["2025", "--format", "html"]);
    expect(build.status, build.stderr).toBe(0);
    const file = join(root, "data", "2025", "observations.csv");
    writeFileSync(file, readFileSync(file, "utf8").split("\n").filter((line) => !line.startsWith(`${INDICATOR},3201,2024,`)).join("\n"));
    const result = cli(root, "changes", ["2025"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`${INDICATOR} / Bærum / 2024: .* → –   \\(fjernet\\)`));
    expect(result.stdout).toMatch(/Setninger i kostra-analyse som må skrives om:\n {2}data\/2025\/commentary\/grunnskole\/02-prioritering\.md:\d+:\d+: dataene har ingen verdi for nd-202-per-innbygger \/ Bærum \/ 2024/);
  });
});
