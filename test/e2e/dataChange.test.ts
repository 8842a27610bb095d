import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { replaceInFile } from "../helpers/edit.js";
import { pdfText, runReport, scratchProject } from "../helpers/project.js";

/**
 * Change numbers in the data and rebuild: every table, chart, index and
 * sentence that shows them follows, and the old numbers are gone.
 */
let before: string;
let after: string;
let html: string;
let status: number | null;

beforeAll(() => {
  const root = scratchProject();
  const pdf = join(root, "output", "2025", "kostra-analyse-2025.pdf");
  expect(runReport(["2025", "--root", root]).status).toBe(0);
  before = pdfText(pdf, { mode: "raw" });
  // Bærum's 2024 netto driftsutgifter per innbygger 6–15 år (seed: 136,8) and Asker's 2024 elever per lederårsverk (seed: 107).
  replaceInFile(root, "data/2025/observations.csv", "netto-driftsutgifter-grunnskolesektor-per-innbygger,3201,2024,136.8,", "netto-driftsutgifter-grunnskolesektor-per-innbygger,3201,2024,139.4,");
  replaceInFile(root, "data/2025/observations.csv", "elever-per-lederarsverk,3203,2024,107,", "elever-per-lederarsverk,3203,2024,112,");
  status = runReport(["2025", "--root", root]).status;
  after = pdfText(pdf, { mode: "raw" });
  html = readFileSync(join(root, "output", "2025", "kostra-analyse-2025.html"), "utf8");
});

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe("a changed value flows everywhere", () => {
  it("rebuilds", () => expect(status).toBe(0));

  it("the table and the tjenesteprofil show the new value, and the old one is gone", () => {
    expect(count(before, /(?<![\d,])136,8(?!\d)/g)).toBeGreaterThanOrEqual(2);
    expect(count(after, /(?<![\d,])136,8(?!\d)/g)).toBe(0);
    expect(after).toMatch(/133,8\s+131,6\s+135,9\s+139,4/);
    // Tjenesteprofil index 139,4 ÷ 154,1 × 100 = 90,5 (was 88,8).
    expect(after).toMatch(/139,4\s+154,1\s+90,5/);
  });

  it("the chart is drawn from the new value", () => {
    expect(html).toContain("Bærum – 2021: 133,8; 2022: 131,6; 2023: 135,9; 2024: 139,4.");
  });

  it("the sentence that cites a value changes with it", () => {
    expect(before).toMatch(/Asker,\s+107\s+elever\s+per\s+leder/);
    expect(after).toMatch(/Asker,\s+112\s+elever\s+per\s+leder/);
    expect(count(after, /(?<![\d,])107(?![\d,])/g)).toBe(0);
  });
});
