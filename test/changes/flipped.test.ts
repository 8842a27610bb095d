import { rmSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sentencesToReread } from "../../src/changes/compare.js";
import { printChanges } from "../../src/cli/printChanges.js";
import { loadDataset } from "../../src/data/dataset.js";
import { loadInputs, projectPaths } from "../../src/pipeline.js";
import { replaceInFile } from "../helpers/edit.js";
import { REPO, scratchProject } from "../helpers/project.js";

const quiet = { log: () => {}, now: () => 0 };
let root: string;
beforeEach(() => {
  root = scratchProject();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The values as the last build saw them: the seed's. */
const seedRows = () => loadDataset({ root: REPO, dataDir: `${REPO}/data`, year: 2025 }).observations.map((row) => row.value);

describe("npm run changes: sentences whose meaning flipped", () => {
  it("lists a claim whose words changed, and a plain claim the data now contradict, before the sentences whose numbers moved", async () => {
    // June's final figures: Bærum's 2024 share in 8.–10. trinn under ASSS (9,3; still up from 8,2), and in 1.–4. trinn under ASSS (4,5).
    replaceInFile(root, "data/2025/observations.csv", "spesialundervisning-8-10,3201,2024,9.7,", "spesialundervisning-8-10,3201,2024,9.0,");
    replaceInFile(root, "data/2025/observations.csv", "spesialundervisning-1-4,3201,2024,5.3,", "spesialundervisning-1-4,3201,2024,4.0,");
    replaceInFile(root, "data/2025/observations.csv", "godkjent-utdanning,3201,2024,93.3,", "godkjent-utdanning,3201,2024,93.4,");
    const inputs = await loadInputs(projectPaths(root), 2025, quiet);
    const sentences = sentencesToReread(seedRows(), inputs.data, inputs.definition, inputs.commentary, inputs.definitionFile);
    const flipped = sentences.filter((s) => s.flipped);
    expect(sentences.slice(0, flipped.length)).toEqual(flipped); // first in the list
    expect(flipped.map((s) => `${s.file.split("/").pop()}:${s.line}: ${s.before} → ${s.after}`)).toEqual([
      "03-dekningsgrader.md:14: har holdt seg stabilt → har gått ned",
      expect.stringMatching(/^03-dekningsgrader\.md:14: «høyere andel elever som får spesialundervisning sammenlignet med Asker og gjennomsnittet av ASSS-kommunene» stemte → nå motsier dataene det/u),
      "03-dekningsgrader.md:22: over → under",
    ]);
    // The sentence whose number alone moved follows, unflipped.
    expect(sentences.some((s) => !s.flipped && s.file.endsWith("06-personell.md") && s.after.startsWith("93,4"))).toBe(true);
  });

  it("prints the flipped sentences first, ahead of the values that moved", async () => {
    replaceInFile(root, "data/2025/observations.csv", "spesialundervisning-8-10,3201,2024,9.7,", "spesialundervisning-8-10,3201,2024,9.0,");
    const lines: string[] = [];
    const count = await printChanges(projectPaths(root), 2025, seedRows(), (line) => lines.push(line));
    expect(lines[0]).toMatch(/^Setninger i kostra-analyse som nå betyr noe annet – les dem først \(1\):$/);
    expect(lines[1]).toMatch(/^ {2}data\/2025\/commentary\/grunnskole\/03-dekningsgrader\.md:22: over → under: «Andel elever som får spesialundervisning i 8\. – 10\. trinn er «under» gjennomsnittet/u);
    expect(lines.indexOf("Verdier som er endret (1):")).toBe(2);
    expect(count).toBe(1);
  });
});
