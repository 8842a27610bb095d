import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceInFile } from "../helpers/edit.js";
import { normalizeSpaces, pdfText, REPO, runReport, scratchProject } from "../helpers/project.js";

/** The real command line, as a user types it. */
function npm(command: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npm", ["run", "--silent", command, "--", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const oneLine = (text: string) => normalizeSpaces(text).replace(/-\n/g, "-").replace(/\s+/g, " ");

describe("claims in the PDF: the seed's words, and words that follow the data", () => {
  let root: string;
  let before: string;
  let after: string;
  let check: string;
  beforeAll(() => {
    root = scratchProject();
    const pdf = join(root, "output", "2025", "kostra-analyse-2025.pdf");
    expect(runReport(["2025", "--root", root, "--format", "pdf"]).status).toBe(0);
    before = oneLine(pdfText(pdf, { mode: "raw" }));
    // Bærum's 2024 share in 8.–10. trinn below ASSS med Oslo (9,3), and in 1.–4. trinn below it (4,5).
    replaceInFile(root, "data/2025/observations.csv", "spesialundervisning-8-10,3201,2024,9.7,", "spesialundervisning-8-10,3201,2024,9.0,");
    replaceInFile(root, "data/2025/observations.csv", "spesialundervisning-1-4,3201,2024,5.3,", "spesialundervisning-1-4,3201,2024,4.0,");
    expect(runReport(["2025", "--root", root, "--format", "pdf"]).status).toBe(0);
    after = oneLine(pdfText(pdf, { mode: "raw" }));
    check = npm("check", ["2025", "--root", root]).stdout;
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("prints the seed's sentences word for word, now written as claim expressions", () => {
    for (const words of [
      "1. – 4. trinn har holdt seg stabilt de to siste årene.",
      "5. – 7. trinn ligger omtrent på gjennomsnittet av ASSS-kommunene. Det har vært en økning de siste fire årene, mens gjennomsnittet av ASSS-kommunen har holdt seg stabilt.",
      "Det er en økning i andel elever som får spesialundervisning på 8. – 10. trinn.",
      "8. – 10. trinn er over gjennomsnittet av ASSS-kommunene.",
      "Gruppestørrelsen i Bærum har vært stabil de to siste årene.",
      "og ligger også høyere enn Asker som har",
      "dette er en økning fra 2023",
      "Bærum har flere årsverk per lederårsverk enn Asker, men ligger omtrent på gjennomsnittet av ASSS-kommunene.",
      "Bærum har redusert antall assistentårsverk per hundre lærerårsverk i 2024, nedgangen skyldes",
      "Det er årsaken til økningen fra år 2022 til år 2023.",
    ]) expect(before).toContain(words);
  });

  it("changes the words when the data change", () => {
    expect(after).toContain("8. – 10. trinn er under gjennomsnittet av ASSS-kommunene.");
    expect(after).toContain("1. – 4. trinn har gått ned de to siste årene.");
    expect(after).not.toContain("8. – 10. trinn er over gjennomsnittet");
  });

  it("reports the plain-words claim the new data contradict, at its line", () => {
    expect(check).toMatch(/03-dekningsgrader\.md:14:\d+: advarsel: teksten sier «høyere andel elever som får spesialundervisning sammenlignet med Asker og gjennomsnittet av ASSS-kommunene»/u);
  });
});

describe("npm run draft: a new chapter built at once from live text", () => {
  let root: string;
  beforeAll(() => {
    root = scratchProject();
    appendFileSync(
      join(root, "data", "2025", "report.yaml"),
      ["", "  - id: nytt", "    title: Nytt kapittel", "    sections:", "      - id: lederskap", "        title: Ledelse", "        exhibits:", "          - id: ledere", "            kind: comparison", "            indicator: elever-per-lederarsverk", ""].join("\n"),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const html = () => readFileSync(join(root, "output", "2025", "kostra-analyse-2025.html"), "utf8");
  const file = "data/2025/commentary/nytt/01-lederskap.md";

  it("writes the section's text from expressions only, never over an editor's text", () => {
    const written = npm("draft", ["2025", "--root", root, "--section", "lederskap"]);
    expect(written.status).toBe(0);
    expect(written.stdout).toContain(file);
    const text = readFileSync(join(root, file), "utf8");
    expect(text.replace(/\{\{[^}]*\}\}/g, "")).not.toMatch(/\d+,\d|høyere|lavere|økt|nedgang/); // no typed number or claim
    const second = npm("draft", ["2025", "--root", root, "--section", "prioritering"]);
    expect(second.stdout).toContain("02-prioritering.draft.md");
    expect(existsSync(join(root, "data/2025/commentary/grunnskole/02-prioritering.draft.md"))).toBe(true);
    expect(readFileSync(join(root, "data/2025/commentary/grunnskole/02-prioritering.md"), "utf8")).toBe(readFileSync(join(REPO, "data/2025/commentary/grunnskole/02-prioritering.md"), "utf8"));
    const checked = npm("check", ["2025", "--root", root]).stdout;
    expect(checked).toMatch(/01-lederskap\.md:6:1: advarsel: utkastet fra npm run draft er ikke ferdig redigert/u);
    expect(checked).toMatch(/02-prioritering\.draft\.md:1: advarsel: et utkast venter på å bli flettet inn/u);
    expect(checked).not.toMatch(/01-lederskap\.md.*(tallet|teksten sier)/u);
  });

  it("builds, and every sentence follows a change in the data", () => {
    expect(runReport(["2025", "--root", root, "--format", "html"]).status).toBe(0);
    const plain = (s: string) => s.replace(/<[^>]+>/g, "").replace(/\u00a0/g, " ");
    expect(plain(html())).toContain("I 2024 var verdien i Bærum 133, høyere enn Asker (107) og høyere enn ASSS-snittet (121).");
    expect(plain(html())).toContain("I Bærum har verdien gått ned fra 2021 til 2024, mens den for ASSS-snittet har gått ned.");
    replaceInFile(root, "data/2025/observations.csv", "elever-per-lederarsverk,3201,2024,133,", "elever-per-lederarsverk,3201,2024,100,");
    expect(runReport(["2025", "--root", root, "--format", "html"]).status).toBe(0);
    expect(plain(html())).toContain("I 2024 var verdien i Bærum 100, lavere enn Asker (107) og lavere enn ASSS-snittet (121).");
  });
});
