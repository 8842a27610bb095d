import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openDocx } from "../helpers/docx.js";
import { FIXTURE, INDICATOR, cellIndex, cli, fixture, importProject } from "../helpers/importProject.js";
import { REPO, normalizeSpaces, pdfText } from "../helpers/project.js";

/**
 * The yearly workflow through the real commands: import SSB's JSON-stat,
 * see what changed, build, and the preliminary → final update in June.
 * The SSB body is a test fixture in SSB's exact shape (test/fixtures/ssb);
 * expected numbers are read from it here by plain row-major indexing, not
 * through the product's parser.
 */
let root: string;
const run = (command: string, args: readonly string[]) => cli(root, command, args);
const cell = cellIndex;
const kr = (n: number) => normalizeSpaces(new Intl.NumberFormat("nb-NO").format(n));

beforeEach(() => {
  root = importProject();
});

describe("npm run import: SSB's JSON-stat into the year's data", () => {
  it("--dry-run lists what would be added and writes nothing", () => {
    const file = join(root, "data", "2025", "observations.csv");
    const before = createHash("sha256").update(readFileSync(file)).digest("hex");
    const result = run("import", [FIXTURE, "--year", "2025", "--dry-run"]);
    expect(result.status, result.stderr).toBe(0);
    const doc = fixture();
    expect(normalizeSpaces(result.stdout)).toContain(`+ ${INDICATOR} / 3201 / 2021: ${kr(doc.value[cell(doc, "3024", "2021")]!)} (SSB 12362, endelig`);
    expect(result.stdout).toMatch(/import: \d+ nye, 0 endret, 0 uendret, \d+ utelatt \(--dry-run: ingenting skrevet\)/);
    expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(before);
  });

  it("imports, maps 3024 (2020–2023) and 3201 onto today's Bærum, keeps SSB's symbols, and the report shows source and values", () => {
    const doc = fixture();
    const result = run("import", [FIXTURE, "--year", "2025"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/import: \d+ nye, 0 endret, 0 uendret/);
    expect(result.stdout).toContain("ikke koblet: statistikkvariabel KOSAG220000");
    const rows = readFileSync(join(root, "data", "2025", "observations.csv"), "utf8").split("\n").filter((line) => line.startsWith(`${INDICATOR},3201,`));
    // 2021 and 2023 come from 3024, 2024 from 3201; SSB's "." under the number not in use does not override them.
    expect(rows).toContain(`${INDICATOR},3201,2021,${doc.value[cell(doc, "3024", "2021")]},,SSB 12362,endelig,${doc.updated},${new Date().toISOString().slice(0, 10)},tabell,`);
    expect(rows.some((row) => row.startsWith(`${INDICATOR},3201,2024,${doc.value[cell(doc, "3201", "2024")]},`))).toBe(true);

    const build = spawnSync("npm", ["run", "--silent", "report", "--", "2025", "--root", root, "--format", "pdf,docx"], { cwd: REPO, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    const text = pdfText(join(root, "output", "2025", "kostra-analyse-2025.pdf"), { mode: "raw" });
    expect(text).toContain("Kilde: SSB, tabell 12362");
    expect(text).toContain(`Bærum ${kr(doc.value[cell(doc, "3024", "2021")]!)} .. ${kr(doc.value[cell(doc, "3024", "2023")]!)} ${kr(doc.value[cell(doc, "3201", "2024")]!)}`);
    expect(text).toContain(`Netto driftsutgifter til grunnskole var ${kr(doc.value[cell(doc, "3201", "2024")]!)} kr per innbygger i 2024.`);
  });

  it("the preliminary → final update in June: the changed value is listed old → new, and its sentence is in the reread list", async () => {
    const doc = fixture();
    const march = join(root, "12362-mars.json");
    writeFileSync(march, JSON.stringify({ ...doc, updated: "2025-03-15T07:00:00Z" }));
    expect(run("import", [march, "--year", "2025"]).status).toBe(0);
    const built = spawnSync("npm", ["run", "--silent", "report", "--", "2025", "--root", root, "--format", "pdf,docx"], { cwd: REPO, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    const pdf = pdfText(join(root, "output", "2025", "kostra-analyse-2025.pdf"), { mode: "raw" });
    expect(pdf).toContain("Foreløpige tall for 2024 (SSB per 15. mars 2025); endelige tall kommer 15. juni.");
    const docx = await openDocx(readFileSync(join(root, "output", "2025", "kostra-analyse-2025.docx")));
    expect(normalizeSpaces(await docx.read("word/document.xml"))).toContain("Foreløpige tall for 2024 (SSB per 15. mars 2025)");

    const at = cell(doc, "3201", "2024");
    const before = doc.value[at]!;
    const after = before + 412;
    const june = join(root, "12362-juni.json");
    writeFileSync(june, JSON.stringify({ ...doc, updated: "2025-06-16T06:00:00Z", value: doc.value.map((v, i) => (i === at ? after : v)) }));
    const update = run("import", [june, "--year", "2025"]);
    expect(update.status, update.stderr).toBe(0);
    const out = normalizeSpaces(update.stdout);
    expect(out).toContain(`~ ${INDICATOR} / 3201 / 2024: ${kr(before)} (SSB 12362, foreløpig, oppdatert 2025-03-15) → ${kr(after)} (SSB 12362, endelig, oppdatert 2025-06-16)`);
    expect(out).toMatch(/import: 0 nye, 1 endret, \d+ uendret/);
    expect(out).toMatch(new RegExp(`data/2025/commentary/grunnskole/02-prioritering\\.md:\\d+: ${kr(before)} kr → ${kr(after)} kr: «Netto driftsutgifter til grunnskole var «${kr(after)} kr» per innbygger i 2024\\.»`));

    const changes = run("changes", ["2025"]);
    expect(changes.status, changes.stderr).toBe(0);
    expect(normalizeSpaces(changes.stdout)).toContain(`${INDICATOR} / Bærum / 2024: ${kr(before)} → ${kr(after)}`);
    expect(normalizeSpaces(changes.stdout)).toMatch(/02-prioritering\.md:\d+: .* → .*«Netto driftsutgifter til grunnskole var/);
  });

  it("bad input: one line naming the file and the problem, exit 1, data untouched", () => {
    const file = join(root, "data", "2025", "observations.csv");
    const before = readFileSync(file, "utf8");
    const other = run("import", ["test/fixtures/ssb/12134-v2-json-stat2.json", "--year", "2025"]);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/^feil: test\/fixtures\/ssb\/12134-v2-json-stat2\.json: ingen indikator hører til tabell 12134 \(gi en indikator ssb_table 12134/);
    const truncated = join(root, "cut.json");
    writeFileSync(truncated, readFileSync(FIXTURE, "utf8").slice(0, 500));
    const cut = run("import", [truncated, "--year", "2025"]);
    expect(cut.status).toBe(1);
    expect(cut.stderr.trim().split("\n")).toHaveLength(1);
    expect(cut.stderr).toMatch(/^feil: .*cut\.json.*(avkuttet|ikke JSON)/);
    expect(run("import", [join(root, "missing.json")]).stderr).toMatch(/^feil: .*missing\.json: filen finnes ikke/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("SSB's CSV downloads import too: the wide layout with a BOM, and the long layout saved as Windows-1252", () => {
    const indicators = join(root, "data", "indicators.csv");
    writeFileSync(
      indicators,
      readFileSync(indicators, "utf8").replace(",12362,KOSAG210000,", ",12362,KOSAG210000 | Netto driftsutgifter per innbygger (kr),") +
        "frie-inntekter,Frie inntekter per innbygger,Frie inntekter per innbygger,kr,1,0,SSB/KOSTRA,,,,12134,KOSAG110000 | Frie inntekter per innbygger (kr),,1,\n",
    );
    const wide = join(REPO, "test", "fixtures", "ssb", "12362-wide-utf8bom-fixture.csv");
    const long = join(REPO, "test", "fixtures", "ssb", "12134-long-windows1252-fixture.csv");
    const result = run("import", [wide, long, "--year", "2025"]);
    expect(result.status, result.stderr).toBe(0);
    // Expected numbers read straight from the CSV text (decimal commas, SSB's symbols).
    const wideText = readFileSync(wide, "utf8");
    const baerum2023 = /"3024 Bærum \(2020-2023\)";"202 Grunnskole";(\d+);/.exec(wideText)![1];
    const baerum2024 = /"3201 Bærum";"202 Grunnskole";\.;(\d+);/.exec(wideText)![1];
    const longText = new TextDecoder("windows-1252").decode(readFileSync(long));
    const free2024 = /"3201 Bærum";"Frie inntekter per innbygger \(kr\)";"2024";(\d+)/.exec(longText)![1];
    const rows = readFileSync(join(root, "data", "2025", "observations.csv"), "utf8");
    expect(rows).toMatch(new RegExp(`^${INDICATOR},3201,2023,${baerum2023},,SSB 12362,`, "m"));
    expect(rows).toMatch(new RegExp(`^${INDICATOR},3201,2024,${baerum2024},,SSB 12362,`, "m"));
    expect(rows).toMatch(new RegExp(`^frie-inntekter,3201,2024,${free2024},,SSB 12134,`, "m"));
  });

  it("new-year, then check: lists exactly the missing values and the SSB table they come from", () => {
    expect(run("import", [FIXTURE, "--year", "2025"]).status).toBe(0);
    const created = run("new-year", ["2026"]);
    expect(created.status, created.stderr).toBe(0);
    expect(readFileSync(join(root, "data", "2026", "report.yaml"), "utf8")).toMatch(/^title: KOSTRA analyse 2026$/m);
    const observations = readFileSync(join(root, "data", "2026", "observations.csv"), "utf8");
    expect(observations).toContain(`${INDICATOR},3201,2024,`);
    expect(observations).not.toMatch(new RegExp(`^${INDICATOR},3201,2021,`, "m"));
    // The copied commentary states a trend from 2021, a year the new report no longer has: named at its line.
    const stale = run("check", ["2026"]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/^data\/2026\/commentary\/grunnskole\/03-dekningsgrader\.md:\d+:\d+: feil: året 2021 er utenfor rapportens år/m);
    // The editor moves the span on a year; then check lists the values the new year still lacks.
    const commentary = join(root, "data", "2026", "commentary", "grunnskole", "03-dekningsgrader.md");
    writeFileSync(commentary, readFileSync(commentary, "utf8").replace(/ 2021 /g, " 2022 "));
    const check = run("check", ["2026"]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`feil: ingen av regionene har ${INDICATOR} for 2025: tabellen «nd-202» ville fått en hel kolonne med «..» (finnes tallet i kilden: hent det fra SSB-tabell 12362 (npm run fetch, eller npm run import -- <fil>))`);
    expect(check.stdout).toContain("feil: ingen av regionene har gruppestorrelse-1 for 2025");
  });
});
