import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pdfText, run, runReport, scratchProject, type CommandResult } from "../helpers/project.js";
import { seedTableRows } from "../helpers/seed.js";

/**
 * The real command on a scratch copy of the project: Debian's Chromium
 * prints, poppler reads the PDF back. Nothing here is mocked.
 */
let root: string;
let pdf: string;
let first: CommandResult;
let text: string;

beforeAll(() => {
  root = scratchProject();
  first = runReport(["2025", "--root", root]);
  pdf = join(root, "output", "2025", "kostra-analyse-2025.pdf");
  text = existsSync(pdf) ? pdfText(pdf, { mode: "raw" }) : "";
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("npm run report -- 2025", () => {
  it("succeeds, shows its stages and writes the PDF and the HTML it printed", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    for (const stage of ["last", "tekst", "modell", "pdf", "skriv"]) expect(first.stdout).toMatch(new RegExp(`^\\s+${stage}\\s+\\d+ ms$`, "m"));
    expect(existsSync(pdf)).toBe(true);
    expect(existsSync(join(root, "output", "2025", "kostra-analyse-2025.html"))).toBe(true);
  });

  it("holds every row of every table in the seed chapter, in Norwegian format", () => {
    const rows = seedTableRows();
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const missing = rows.filter((row) => !new RegExp(row.values.map(escape).join("\\s+")).test(text));
    expect(missing).toEqual([]);
  });

  it("is a tagged A4 PDF in Norwegian bokmål with title, bookmarks and page numbers", () => {
    const info = run("pdfinfo", [pdf]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+KOSTRA analyse 2025$/m);
    // PDF/UA-1 metadata, added after printing (test/a11y/pdf.test.ts checks its content).
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).toMatch(/^Author:\s+Bærum kommune$/m);
    expect(info).toMatch(/^Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    expect(readFileSync(pdf).toString("latin1")).toContain("/Lang (nb)");
    expect(readFileSync(pdf).toString("latin1")).toContain("/Outlines");
    expect(text).toContain(`Side 3 av ${pages}`);
    expect(text).toContain(`Side ${pages} av ${pages}`);
    // Every figure carries its alt text into the structure tree.
    const struct = run("pdfinfo", ["-struct-text", pdf]);
    expect((struct.match(/^\s*Figure\b/gm) ?? []).length).toBeGreaterThanOrEqual(15);
  });

  it("has a table of contents whose page numbers are where the headings are", () => {
    const toc = pdfText(pdf, { page: 2 });
    const entries = [...toc.matchAll(/^\s*(\S.*?)\s*\.*\s+(\d+)\s*$/gm)]
      .map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }))
      .filter((e) => !e.title.startsWith("KOSTRA analyse") && !e.title.startsWith("Side ")); // running header and footer
    expect(entries.map((e) => e.title)).toContain("Dekningsgrader");
    expect(entries.length).toBeGreaterThanOrEqual(11);
    for (const entry of entries) {
      const page = pdfText(pdf, { page: entry.page });
      expect(page, `"${entry.title}" should be on page ${entry.page}`).toContain(entry.title);
    }
  });

  it("has a running header with the document title and chapter", () => {
    expect(pdfText(pdf, { page: 5 })).toMatch(/KOSTRA analyse 2025 · Grunnskoleopplæring/);
  });

  it("numbers figures and tables and puts a source line under each", () => {
    const figures = [...text.matchAll(/^\s*Figur (\d+)\s/gm)].map((m) => Number(m[1]));
    const tables = [...text.matchAll(/^\s*Tabell (\d+)\s/gm)].map((m) => Number(m[1]));
    expect(figures).toEqual(figures.map((_, i) => i + 1));
    expect(tables).toEqual(tables.map((_, i) => i + 1));
    expect(tables.length).toBeGreaterThanOrEqual(20);
    expect((text.match(/Kilde: /g) ?? []).length).toBe(figures.length + tables.length);
  });

  it("computes the efficiency the seed reports (9,3 prosent above ASSS)", () => {
    expect(text).toMatch(/Effektivitet\s+109,3/);
  });

  it("a broken data file stops with file:line, exit 1, and leaves the previous PDF untouched", () => {
    const before = createHash("sha256").update(readFileSync(pdf)).digest("hex");
    const mtime = statSync(pdf).mtimeMs;
    const file = join(root, "data", "2025", "observations.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    lines[4] = lines[4]!.replace(/^([^,]*,[^,]*,\d{4}),(\d+)\.(\d),/, "$1,$2.$3kr,");
    writeFileSync(file, lines.join("\n"));

    const broken = runReport(["2025", "--root", root]);
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim()).toMatch(/^feil: data\/2025\/observations\.csv:5:4: skal være et tall med desimalpunktum \(f\.eks\. 13\.9\) i kolonnen «value», men der står «[\d.]+kr»$/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(createHash("sha256").update(readFileSync(pdf)).digest("hex")).toBe(before);
    expect(statSync(pdf).mtimeMs).toBe(mtime);
    expect(readdirSync(join(root, "output", "2025")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("--help explains the command and an unknown argument exits 1 with one line", () => {
    const help = runReport(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("npm run report -- <år>");
    const bad = runReport(["2025", "--pfd"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
