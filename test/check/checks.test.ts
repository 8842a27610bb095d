import { rmSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatFinding } from "../../src/check/finding.js";
import { runChecks } from "../../src/check/runChecks.js";
import { loadInputs, projectPaths } from "../../src/pipeline.js";
import { replaceInFile } from "../helpers/edit.js";
import { scratchProject } from "../helpers/project.js";

let root: string;
beforeEach(() => {
  root = scratchProject();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function findings(): Promise<string[]> {
  const inputs = await loadInputs(projectPaths(root), 2025, { log: () => {}, now: () => 0 });
  return runChecks(inputs).map(formatFinding);
}

const COMMENTARY = "data/2025/commentary/grunnskole";

describe("npm run check: content checks", () => {
  it("flags the seed's vedtakskategorier that do not add up to 100 % (2023: 105,2 %, 2024: 114,8 %)", async () => {
    const all = (await findings()).filter((f) => f.includes("andelene"));
    expect(all.some((f) => f.includes("105,2\u00a0% i 2023"))).toBe(true);
    expect(all.some((f) => f.includes("114,8\u00a0% i 2024"))).toBe(true);
    expect(all.every((f) => /^data\/2025\/report\.yaml:\d+:\d+: advarsel:/.test(f))).toBe(true);
  });

  it("does not flag shares that add up within rounding (alderssammensetning: 99–101 %)", async () => {
    expect((await findings()).some((f) => f.includes('"alderssammensetning"'))).toBe(false);
  });

  it("reports table cells the data lacks, which print as ..", async () => {
    const missing = (await findings()).filter((f) => f.includes("tabellen viser «..»") && f.includes("«assistenter»"));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain("«assistenter» mangler assistentarsverk-per-100-laererarsverk for ASSS med Oslo");
  });

  it("flags a table title that contradicts its indicator (the seed's 'Elever per lærerårsverk')", async () => {
    replaceInFile(root, "data/2025/report.yaml", "            indicator: elever-per-lederarsverk\n", "            indicator: elever-per-lederarsverk\n            title: Elever per lærerårsverk\n");
    const titles = (await findings()).filter((f) => f.includes("tittelen"));
    expect(titles).toEqual([expect.stringMatching(/report\.yaml:\d+:\d+: advarsel: tittelen «Elever per lærerårsverk» sier «lærerårsverk», men indikatoren elever-per-lederarsverk heter «Elever per lederårsverk» \(mente du «lederårsverk»\?/)]);
  });

  it("accepts a title that only rephrases its indicator", async () => {
    replaceInFile(root, "data/2025/report.yaml", "            indicator: elever-per-lederarsverk\n", "            indicator: elever-per-lederarsverk\n            title: Antall elever per lederårsverk\n");
    expect((await findings()).some((f) => f.includes("tittelen"))).toBe(false);
  });

  it("flags the seed's stale '103 elever per leder' (Asker's 2023 value; 2024 is 107)", async () => {
    replaceInFile(root, `${COMMENTARY}/06-personell.md`, '{{verdi "elever-per-lederarsverk" "Asker" 2024}}', "103");
    const stale = (await findings()).filter((f) => f.includes("utdatert"));
    expect(stale).toEqual([
      expect.stringMatching(/^data\/2025\/commentary\/grunnskole\/06-personell\.md:\d+:\d+: advarsel: «103» ser ut som en utdatert kopi: det er tallet for Asker i 2023 for elever-per-lederarsverk, som er 107 i 2024 \(skriv \{\{verdi "elever-per-lederarsverk" "Asker" 2024\}\}\)$/),
    ]);
  });

  it("flags a literal number the data holds and suggests the expression", async () => {
    replaceInFile(root, `${COMMENTARY}/08-sfo.md`, '{{verdi "sfo-antall-barn" "Bærum" 2024}}', "5 809");
    expect(await findings()).toContainEqual(
      expect.stringMatching(/08-sfo\.md:6:\d+: advarsel: tallet «5\u00a0809» står skrevet inn i teksten og er lik sfo-antall-barn for Bærum 2024 i dataene \(skriv \{\{verdi "sfo-antall-barn" "Bærum" 2024\}\}/),
    );
  });

  it("flags a number close to a value an expression in the same paragraph reads", async () => {
    // The paragraph reads gruppestorrelse-1 for Bærum; 14,1 is no value of it (13,9–14,4), but close.
    replaceInFile(root, `${COMMENTARY}/02-prioritering.md`, "Gruppestørrelsen i Bærum {{utvikling", "Gruppestørrelsen i Bærum var 14,1 og {{utvikling");
    expect(await findings()).toContainEqual(
      expect.stringMatching(/02-prioritering\.md:20:\d+: advarsel: «14,1» ligger nær, men er ikke, 1\d,\d \(gruppestorrelse-1 i samme avsnitt\); en utdatert kopi\?/),
    );
  });

  it("does not flag legal norms, ordinals and ranges in prose", async () => {
    // 05-andre-nokkeltall.md: "maks 15 elever per lærertime i 1-4.trinn og 20 elever …", "6-15 år".
    expect((await findings()).some((f) => f.includes("05-andre-nokkeltall.md"))).toBe(false);
  });

  it("flags a year in the text outside the report's years", async () => {
    replaceInFile(root, `${COMMENTARY}/08-sfo.md`, "I 2024 benyttet", "I 2020 benyttet");
    expect(await findings()).toContainEqual(expect.stringMatching(/08-sfo\.md:6:\d+: advarsel: teksten nevner 2020, utenfor rapportens år 2021–2024/));
  });

  it("the shipped 2025 report has no literal-number, title or year findings", async () => {
    expect((await findings()).filter((f) => /står skrevet inn|utdatert|tittelen|nevner/.test(f))).toEqual([]);
  });
});
