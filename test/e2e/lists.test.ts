import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libreOfficeToPdf, openDocx, paragraphTexts, schemaErrors } from "../helpers/docx.js";
import { elements, readPdfUa, type StructNode } from "../helpers/pdfua.js";
import { pdfText, REPO, runReport, scratchProject } from "../helpers/project.js";

/**
 * Nested lists and paragraphs in list points, written in a commentary file
 * and printed by the real command: every point in the PDF, the Word file and
 * the Word file as LibreOffice reads it; a list deeper than the report shows
 * refused by `check` and `report` at its line (issue 21, item 4).
 */
const COMMENTARY = "data/2025/commentary/grunnskole/01-tjenesteprofil.md";
const NESTED = ["- Eplesort", "  - Rødsort", "    1. Småeple", "       - Kjernehus", "    2. Storeple", "  - Grønnsort", "- Pæresort", "", "  Andre avsnitt om pærer.", "- Plommesort"];
const LONG = Array.from({ length: 300 }, (_, i) => `Punkt${String(i + 1).padStart(3, "0")}`);
/** What the nested list's points say, in reading order. */
const NESTED_TEXTS = ["Eplesort", "Rødsort", "Småeple", "Kjernehus", "Storeple", "Grønnsort", "Pæresort", "Andre avsnitt om pærer.", "Plommesort"];

let root: string;
let status: number | null;
let stderr: string;
let pdfFile: string;
let docxFile: string;
let pdf: string;
let document: string;
let numbering: string;
let fromWord: string;

beforeAll(async () => {
  root = scratchProject();
  appendFileSync(join(root, COMMENTARY), `\nTiltakene:\n\n${NESTED.join("\n")}\n\nEn lang liste:\n\n${LONG.map((text, i) => `${i + 1}. ${text}`).join("\n")}\n`);
  ({ status, stderr } = runReport(["2025", "--root", root, "--format", "pdf,docx"]));
  pdfFile = join(root, "output", "2025", "kostra-analyse-2025.pdf");
  docxFile = join(root, "output", "2025", "kostra-analyse-2025.docx");
  pdf = pdfText(pdfFile, { mode: "raw" });
  const parts = await openDocx(readFileSync(docxFile));
  document = await parts.read("word/document.xml");
  numbering = await parts.read("word/numbering.xml");
  const wordPdf = libreOfficeToPdf(docxFile);
  try {
    fromWord = pdfText(wordPdf, { mode: "raw" });
  } finally {
    rmSync(dirname(wordPdf), { recursive: true, force: true });
  }
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Each text on a line of its own (pdftotext -raw), after its number or bullet (LibreOffice prints ● ○ ■), in this order. */
const inOrder = (text: string, texts: readonly string[]) => new RegExp(texts.map((t) => `^(?:(?:\\d+\\.|[●○■])\\s+)?${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).join("[\\s\\S]*"), "m").test(text);

/** The paragraph of document.xml that holds `text`. */
const paragraphWith = (text: string) => [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphTexts(p).join("") === text);
const levelOf = (text: string) => /<w:ilvl w:val="(\d+)"\/>/.exec(paragraphWith(text) ?? "")?.[1];
const numIdOf = (text: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphWith(text) ?? "")?.[1];

describe("nested lists in commentary, npm run report -- 2025 --format pdf,docx", () => {
  it("prints", () => expect(status, stderr).toBe(0));

  it("the PDF holds every point of the four-level list, each paragraph on its own, and all 300 points of the long list", () => {
    expect(inOrder(pdf, NESTED_TEXTS)).toBe(true);
    expect(pdf).not.toMatch(/Pæresort[^\n]*Andre/);
    expect(LONG.filter((text, i) => !new RegExp(`^${i + 1}\\. ${text}$`, "m").test(pdf))).toEqual([]);
    expect(pdf).toMatch(/^300\. Punkt300$/m);
  });

  it("the PDF's structure tree nests the lists: L in the LBody of an LI, every LI only Lbl and LBody", async () => {
    const facts = await readPdfUa(new Uint8Array(readFileSync(pdfFile)));
    const all = [...elements(facts.tree)];
    const nested = all.filter((e) => e.node.type === "L" && e.ancestors.slice(-3).join(">") === "L>LI>LBody");
    expect(nested.map((e) => e.ancestors.filter((a) => a === "L").length).sort()).toEqual([1, 2, 3]);
    const items = all.filter((e) => e.node.type === "LI" && !e.ancestors.includes("TOC"));
    expect(items.length).toBeGreaterThanOrEqual(NESTED_TEXTS.length - 1 + LONG.length);
    const kinds = (node: StructNode) => node.children.map((c) => c.type);
    expect(items.filter((e) => !kinds(e.node).every((t) => t === "Lbl" || t === "LBody") || !kinds(e.node).includes("LBody"))).toEqual([]);
  });

  it("the Word file puts each point at its level (w:ilvl 0 to 3) and the second paragraph under its point, unnumbered", () => {
    expect(["Eplesort", "Rødsort", "Småeple", "Kjernehus", "Storeple", "Grønnsort", "Pæresort", "Plommesort"].map(levelOf)).toEqual(["0", "1", "2", "3", "2", "1", "0", "0"]);
    const second = paragraphWith("Andre avsnitt om pærer.");
    expect(second).toMatch(/<w:ind w:left="\d+"\/>/);
    expect(second).not.toContain("<w:numPr>");
    // The nested numbered list and the long one are lists of their own, each restarting at 1 at its level.
    const [nestedId, longId] = [numIdOf("Småeple"), numIdOf("Punkt001")];
    expect(nestedId).toBeDefined();
    expect(new Set([nestedId, longId, numIdOf("Eplesort")]).size).toBe(3);
    expect(numIdOf("Punkt300")).toBe(longId);
    expect(numbering).toMatch(new RegExp(`<w:num w:numId="${nestedId}"[^>]*>[\\s\\S]*?<w:lvlOverride w:ilvl="2">\\s*<w:startOverride w:val="1"/>`));
    expect(schemaErrors(document, "microsoft/wml-2010.xsd")).toBe("");
  });

  it("LibreOffice opens the Word file and shows every point, numbered as the PDF numbers them", () => {
    expect(inOrder(fromWord, NESTED_TEXTS)).toBe(true);
    expect(fromWord).toMatch(/^1\.\s+Småeple$/m);
    expect(fromWord).toMatch(/^2\.\s+Storeple$/m);
    // \s*: a two-digit number fills the level's hanging indent, and pdftotext then sees no gap ("10.Punkt010").
    expect(LONG.filter((text, i) => !new RegExp(`^${i + 1}\\.\\s*${text}$`, "m").test(fromWord))).toEqual([]);
  });
});

describe("a list deeper than the report shows", () => {
  it("is refused by check and report at its file:line:column, the last report left as it was", () => {
    const before = { pdf: readFileSync(pdfFile), docx: readFileSync(docxFile), mtime: statSync(pdfFile).mtimeMs };
    const lines = readFileSync(join(root, COMMENTARY), "utf8").split("\n").length;
    appendFileSync(join(root, COMMENTARY), `\n${Array.from({ length: 6 }, (_, i) => `${"  ".repeat(i)}- nivå ${i + 1}`).join("\n")}\n`);
    // The fifth level: the appended text starts with an empty line, its first point on the line after.
    const where = `${COMMENTARY}:${lines + 5}:9`;
    const check = spawnSync("npm", ["run", "--silent", "check", "--", "2025", "--root", root], { cwd: REPO, encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stdout + check.stderr).toContain(`${where}: feil: listen ligger 5 nivåer inne i andre lister; rapporten viser lister i høyst 4 nivåer`);
    const report = runReport(["2025", "--root", root, "--format", "pdf,docx"]);
    expect(report.status).toBe(1);
    expect(report.stderr).toContain(`${where}: listen ligger 5 nivåer`);
    expect(readFileSync(pdfFile).equals(before.pdf)).toBe(true);
    expect(readFileSync(docxFile).equals(before.docx)).toBe(true);
    expect(statSync(pdfFile).mtimeMs).toBe(before.mtime);
  });
});
