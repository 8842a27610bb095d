import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { scratchProject } from "../helpers/project.js";

/** `npm run draft -- <args>` in-process: the exit code and what it printed. */
async function draft(root: string, args: readonly string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  const error = vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  try {
    const status = await main(["draft", ...args, "--root", root], root, {});
    return { status, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const DRAFT = "data/2025/commentary/grunnskole/03-dekningsgrader.draft.md";

describe("npm run draft never destroys an editor's text", () => {
  it("refuses to write over an edited draft, naming it, and writes over it with --force", async () => {
    const root = scratchProject();
    expect((await draft(root, ["2025", "--section", "dekningsgrader"])).status).toBe(0);
    const edited = `${readFileSync(join(root, DRAFT), "utf8")}\nRedaktørens egen setning.\n`;
    writeFileSync(join(root, DRAFT), edited);
    const again = await draft(root, ["2025", "--section", "dekningsgrader"]);
    expect(again.status).toBe(1);
    expect(again.err).toContain("03-dekningsgrader.draft.md");
    expect(again.err).toMatch(/endret.*--force/su);
    expect(readFileSync(join(root, DRAFT), "utf8")).toBe(edited);
    expect((await draft(root, ["2025", "--section", "dekningsgrader", "--force"])).status).toBe(0);
    expect(readFileSync(join(root, DRAFT), "utf8")).not.toContain("Redaktørens egen setning.");
  });

  it("runs again over its own unchanged draft", async () => {
    const root = scratchProject();
    expect((await draft(root, ["2025", "--section", "dekningsgrader"])).status).toBe(0);
    const second = await draft(root, ["2025", "--section", "dekningsgrader"]);
    expect(second.status).toBe(0);
    expect(existsSync(join(root, DRAFT))).toBe(true);
  });
});

describe("npm run draft into a place it cannot write", () => {
  it("says which file and why, as npm run report does, and exits 1", async () => {
    const root = scratchProject();
    const chapter = ["", "  - id: nytt", "    title: Nytt kapittel", "    sections:", "      - id: lederskap", "        title: Ledelse", "        exhibits:", "          - id: ledere", "            kind: comparison", "            indicator: elever-per-lederarsverk", ""];
    appendFileSync(join(root, "data", "2025", "report.yaml"), chapter.join("\n"));
    writeFileSync(join(root, "data", "2025", "commentary", "nytt"), "en fil der kapittelmappen skulle være\n");
    const result = await draft(root, ["2025", "--section", "lederskap"]);
    expect(result.status).toBe(1);
    expect(result.err).toMatch(/^feil: data\/2025\/commentary\/nytt\/01-lederskap\.md: kan ikke skrive data\/2025\/commentary\/nytt\/01-lederskap\.md: /mu);
    expect(result.err).not.toContain("intern feil");
  });
});

describe("npm run draft for a new year", () => {
  it("drafts although the copied text names a year the new report no longer has", async () => {
    const root = scratchProject();
    expect(await main(["new-year", "2026", "--root", root], root, {})).toBe(0);
    const copied = readFileSync(join(root, "data/2026/commentary/grunnskole/03-dekningsgrader.md"), "utf8");
    expect(copied).toMatch(/\{\{[^}]*2021[^}]*\}\}/u); // last year's text, with an expression for a year 2026 does not show
    const result = await draft(root, ["2026", "--section", "dekningsgrader"]);
    expect(result.err).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, "data/2026/commentary/grunnskole/03-dekningsgrader.draft.md"), "utf8")).toContain("[[spesialundervisning-1-4]]");
    expect(readFileSync(join(root, "data/2026/commentary/grunnskole/03-dekningsgrader.md"), "utf8")).toBe(copied);
  });

  it("never writes over a file whose front matter names another section, not even with --force", async () => {
    const root = scratchProject();
    const path = join(root, "data/2025/commentary/grunnskole/03-dekningsgrader.md");
    const text = readFileSync(path, "utf8").replace("section: dekningsgrader", "section: dekningsgrad");
    writeFileSync(path, text);
    const result = await draft(root, ["2025", "--section", "dekningsgrader", "--force"]);
    expect(result.status).toBe(1);
    expect(result.err).toContain("03-dekningsgrader.md:1:");
    expect(readFileSync(path, "utf8")).toBe(text);
  });
});

describe("npm run draft says what each exhibit shows", () => {
  it("calls a highlight, which has no figure, a table", async () => {
    const root = scratchProject();
    const chapter = ["", "  - id: nytt", "    title: Nytt kapittel", "    sections:", "      - id: lederskap", "        title: Ledelse", "        exhibits:", "          - id: ledere", "            kind: highlight", "            indicator: elever-per-lederarsverk", ""];
    appendFileSync(join(root, "data", "2025", "report.yaml"), chapter.join("\n"));
    expect((await draft(root, ["2025", "--section", "lederskap"])).status).toBe(0);
    const text = readFileSync(join(root, "data/2025/commentary/nytt/01-lederskap.md"), "utf8");
    expect(text).toContain("Tabellen viser ");
    expect(text).not.toMatch(/Figuren/u);
  });
});
