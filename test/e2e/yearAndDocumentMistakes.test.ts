import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceInFile } from "../helpers/edit.js";
import { cli } from "../helpers/importProject.js";
import { REPO, scratchProject } from "../helpers/project.js";

/** Mistakes around years and documents, each with the message a user needs. */
describe("new-year and documents, past the happy path", () => {
  it("new-year moves every document of the year on, and refuses a broken definition with its line", () => {
    const root = scratchProject();
    cpSync(join(REPO, "test", "fixtures", "third-document"), root, { recursive: true });
    const made = cli(root, "new-year", ["2026"]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain("2 dokument(er)");
    expect(readFileSync(join(root, "data", "2026", "nokkeltall", "report.yaml"), "utf8")).toMatch(/^title: Nøkkeltall grunnskole 2026$/m);
    expect(cli(root, "check", ["2026", "--document", "nokkeltall"]).stdout).toContain("advarsel: «hovedtall» mangler gruppestorrelse-1 for Bærum i 2025; tabellen viser «..»");

    const broken = scratchProject();
    replaceInFile(broken, "data/2025/report.yaml", "years: [2021, 2022, 2023, 2024]", "years: [2021, 2022, 2023, 2024");
    const result = cli(broken, "new-year", ["2026"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^feil: data\/2025\/report\.yaml:\d+:\d+: feil i YAML-syntaksen/);
  });

  it("check finds a style with no template set, as report would; two documents with one name are an error", () => {
    const root = scratchProject();
    cpSync(join(REPO, "test", "fixtures", "third-document"), root, { recursive: true });
    replaceInFile(root, "data/2025/nokkeltall/report.yaml", "style: nokkeltall", "style: nokkeltal");
    const check = cli(root, "check", ["2025", "--document", "nokkeltall"]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("data/2025/nokkeltall/report.yaml: feil: «style: nokkeltal» peker ikke på noe malsett (lag templates/nokkeltal/");
    replaceInFile(root, "data/2025/nokkeltall/report.yaml", "document: nokkeltall", "document: kostra-analyse");
    const twice = cli(root, "check", ["2025"]);
    expect(twice.status).toBe(1);
    expect(twice.stdout).toContain("data/2025/nokkeltall/report.yaml: feil: to dokumenter for 2025 heter «kostra-analyse»");
  });

  it("commentary still word for word last year's is named file by file until an editor changes it", () => {
    const root = scratchProject();
    expect(cli(root, "new-year", ["2026"]).status).toBe(0);
    // A claim in the copied text spans 2021, which the new report no longer has: check names it first, at its line
    // (a commentary error stops the reading, so the editor fixes it, then sees the rest).
    expect(cli(root, "check", ["2026"]).stdout).toMatch(/^data\/2026\/commentary\/grunnskole\/03-dekningsgrader\.md:\d+:\d+: feil: året 2021 er utenfor rapportens år/m);
    replaceInFile(root, "data/2026/commentary/grunnskole/03-dekningsgrader.md", '"Bærum" 2021 2024 form="en"', '"Bærum" 2022 2024 form="en"');
    replaceInFile(root, "data/2026/commentary/grunnskole/03-dekningsgrader.md", '"ASSS med Oslo" 2021 2024', '"ASSS med Oslo" 2022 2024');
    const copied = cli(root, "check", ["2026"]).stdout.split("\n").filter((line) => line.includes("ord for ord fjorårets"));
    // Every file but the one the editor just changed.
    expect(copied).toHaveLength(9);
    expect(copied.some((line) => line.includes("03-dekningsgrader.md"))).toBe(false);
    expect(copied).toContain("data/2026/commentary/grunnskole/08-sfo.md:1: advarsel: teksten er ord for ord fjorårets (data/2025/commentary/grunnskole/08-sfo.md) (oppdater den for 2026: årstall og tall i teksten kan være utdatert)");
    replaceInFile(root, "data/2026/commentary/grunnskole/08-sfo.md", "Skolefritidsordningen i Bærum har", "SFO i Bærum har");
    expect(cli(root, "check", ["2026"]).stdout).not.toContain("08-sfo.md:1: advarsel: teksten er ord for ord");
  });

  it("a heading that names last year's year is reported after new-year", () => {
    const root = scratchProject();
    expect(cli(root, "new-year", ["2021"]).status).toBe(0);
    expect(cli(root, "check", ["2021"]).stdout).toMatch(/data\/2021\/report\.yaml:\d+:\d+: advarsel: overskriften «Viktige resultater og innsatser i 2020» nevner 2020 i rapporten for 2021/);
  });

  it("an Excel-lost leading zero suggests Oslo's 0301, and an option without its value says so", () => {
    const root = scratchProject();
    const file = join(root, "data", "2025", "observations.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^(elever-per-skole),0301,/m, "$1,301,"));
    expect(cli(root, "check", ["2025"]).stdout).toContain("regionen «301» er ukjent (mente du «0301»? Excel fjerner nuller foran; formater kolonnen som tekst)");
    const missing = cli(root, "import", ["x.json", "--year"]);
    expect(missing.stderr).toContain("feil: valget «--year» trenger en verdi");
  });
});
