import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openDocx, paragraphTexts } from "../helpers/docx.js";
import { replaceInFile } from "../helpers/edit.js";
import { REPO, SEED_DIR, normalizeSpaces, pdfText, scratchProject } from "../helpers/project.js";

/**
 * A second document from the same parts: the school chapter of the
 * årsrapport 2020 (seed 000_…), and a third document type that is only data,
 * commentary and templates (test/fixtures/third-document).
 */
function report(root: string, args: readonly string[]) {
  const result = spawnSync("npm", ["run", "--silent", "report", "--", ...args, "--root", root], { cwd: REPO, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The seed's bullets, in order, with the extraction's line breaks mended (a continuation line joins its bullet). */
function seedBullets(): string[] {
  const bullets: string[] = [];
  for (const line of readFileSync(join(SEED_DIR, "000_1e07a432b44c0af7.txt"), "utf8").split("\n")) {
    if (/^\s*•/.test(line)) bullets.push(line.replace(/^\s*•\s*/, "").trim());
    else if (/^\s{2,}\S/.test(line) && bullets.length) bullets[bullets.length - 1] += ` ${line.trim()}`;
  }
  return bullets;
}

const squeeze = (text: string) => normalizeSpaces(text).replace(/\s+/g, " ");

describe("npm run report -- 2020 --document arsrapport", () => {
  let root: string;
  let pdf: string;
  let docxText: string;

  beforeAll(async () => {
    root = scratchProject();
    const result = report(root, ["2020", "--document", "arsrapport"]);
    expect(result.status, result.stderr).toBe(0);
    pdf = join(root, "output", "2020", "arsrapport-2020.pdf");
    const docx = await openDocx(readFileSync(join(root, "output", "2020", "arsrapport-2020.docx")));
    docxText = paragraphTexts(await docx.read("word/document.xml")).join("\n");
  });

  it("the PDF and the Word file hold every bullet of the seed, in order, and its lead text", () => {
    const bullets = seedBullets();
    expect(bullets).toHaveLength(13);
    for (const text of [squeeze(pdfText(pdf, { mode: "raw" })), squeeze(docxText)]) {
      let from = 0;
      for (const bullet of bullets) {
        const at = text.indexOf(squeeze(bullet), from);
        expect(at, bullet).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
      expect(text).toContain("Alle elever i Bærum skal få maksimalt faglig og personlig utbytte av sin skolegang.");
      expect(text).toContain("Viktige resultater og innsatser i 2020");
      expect(text).toContain("Utfordringer fremover");
    }
  });

  it("the key-figures table is number 15, the sentence before it follows the number, and without data it shows .. with its footnote", () => {
    const text = squeeze(pdfText(pdf, { mode: "raw" }));
    expect(text).toContain("Tabell 15 viser nøkkeltall for Oppvekst skole.");
    expect(text).toContain("Tabell 15 Nøkkeltall for Oppvekst skole");
    expect(text).toMatch(/Gruppestørrelse 2 \(lærernorm\), 1\.–10\. trinn \.\. \.\. \.\./);
    expect(text).toContain("..: Tallet finnes ikke i kilden.");
    expect(squeeze(docxText)).toContain("Tabell 15 viser nøkkeltall for Oppvekst skole.");
    // One chapter: no table of contents, and the chapter starts on the first page.
    expect(text).not.toContain("Innhold");
    expect(pdfText(pdf, { page: 1 })).toContain("Oppvekst skole");
  });

  it("with data the table fills, and the reference follows another first number", () => {
    const filled = scratchProject();
    writeFileSync(
      join(filled, "data", "2020", "observations.csv"),
      "indicator,region,year,value,status,source,release,updated,imported,basis,note\n" +
        "gruppestorrelse-2,3201,2018,15.1,,egne tall,,,,,test fixture\ngruppestorrelse-2,3201,2019,15.4,,egne tall,,,,,test fixture\ngruppestorrelse-2,3201,2020,14.9,,egne tall,,,,,test fixture\n",
    );
    replaceInFile(filled, "data/2020/report.yaml", "  tables: 15", "  tables: 7");
    const result = report(filled, ["2020", "--document", "arsrapport"]);
    expect(result.status, result.stderr).toBe(0);
    const text = squeeze(pdfText(join(filled, "output", "2020", "arsrapport-2020.pdf"), { mode: "raw" }));
    expect(text).toMatch(/Gruppestørrelse 2 \(lærernorm\), 1\.–10\. trinn 15,1 15,4 14,9/);
    expect(text).toContain("Tabell 7 viser nøkkeltall for Oppvekst skole.");
    expect(text).not.toContain("Tabell 15");
  });

  it("npm run check takes --document: the key figures the data lacks are warnings, not errors", () => {
    const result = spawnSync("npm", ["run", "--silent", "check", "--", "2020", "--document", "arsrapport", "--root", root], { cwd: REPO, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^data\/2020\/report\.yaml:\d+:\d+: advarsel: «nokkeltall» mangler gruppestorrelse-2 for Bærum i 2018, 2019, 2020/m);
    expect(result.stdout).toMatch(/kontroll: 0 feil, 6 advarsler/);
  });

  it("an unknown document name lists the ones the year has", () => {
    const result = report(root, ["2020", "--document", "årsrapport"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("feil: 2020 har ikke noe dokument som heter «årsrapport» (mente du «arsrapport»? dokumentene for 2020: arsrapport)");
  });
});

describe("a third document type from data, commentary and templates only", () => {
  it("builds, with its own cover template, and shows the same values as the KOSTRA analyse", () => {
    const root = scratchProject();
    cpSync(join(REPO, "test", "fixtures", "third-document"), root, { recursive: true });
    const result = report(root, ["2025", "--document", "nokkeltall", "--format", "pdf"]);
    expect(result.status, result.stderr).toBe(0);
    const text = squeeze(pdfText(join(root, "output", "2025", "nokkeltall-2025.pdf"), { mode: "raw" }));
    expect(text).toContain("Bærum kommune – nøkkeltallsark");
    expect(text).toContain("Tabell 1 viser noen hovedtall for grunnskolen i Bærum");
    // One data store: the KOSTRA analyse's table of the same indicator prints the same 2024 value.
    const kostra = report(root, ["2025", "--format", "pdf"]);
    expect(kostra.status, kostra.stderr).toBe(0);
    const kostraText = squeeze(pdfText(join(root, "output", "2025", "kostra-analyse-2025.pdf"), { mode: "raw" }));
    const table = kostraText.slice(kostraText.indexOf("Gjennomsnittlig gruppestørrelse 1, 1.–10. årstrinn Region 2021 2022 2023 2024"));
    const value = /Bærum \S+ \S+ \S+ (\S+)/.exec(table)![1]!;
    expect(text).toMatch(new RegExp(`Gjennomsnittlig gruppestørrelse 1, 1\\.–10\\. årstrinn \\S+ ${value.replace(/[.,]/g, "\\$&")} `));
    expect(text).toContain(`gruppestørrelse 1 var ${value} i 2024`);
  });
});
