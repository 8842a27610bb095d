import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAllClaims } from "../../src/check/claims.js";
import { formatFinding } from "../../src/check/finding.js";
import { runChecks } from "../../src/check/runChecks.js";
import { loadInputs, projectPaths } from "../../src/pipeline.js";
import { replaceInFile } from "../helpers/edit.js";
import { REPO, scratchProject } from "../helpers/project.js";

const quiet = { log: () => {}, now: () => 0 };
const COMMENTARY = "data/2025/commentary/grunnskole";

describe("claims in plain words, read in the seed's own commentary", async () => {
  const claims = readAllClaims(await loadInputs(projectPaths(REPO), 2025, quiet));
  const at = (file: string, line: number) => claims.filter((c) => c.location.file.endsWith(file) && c.location.line === line);

  it("finds no contradiction in the seed: no false alarm", () => {
    expect(claims.filter((c) => c.verdict.status === "contradicts").map((c) => `${c.location.file}:${c.location.line} ${c.claim.phrase}`)).toEqual([]);
  });

  it("checks the plain comparisons it can tie to an indicator, with what the data say", () => {
    const [arstimer] = at("03-dekningsgrader.md", 26);
    expect(arstimer!.claim.indicator?.id).toBe("arstimer-spesialundervisning"); // the figure the paragraph follows
    expect(arstimer!.verdict.status).toBe("agrees");
    expect(arstimer!.verdict.says.text).toBe("arstimer-spesialundervisning for Bærum var 127 i 2024: under Asker (192), under ASSS med Oslo (145)");
    const [skoler] = at("07-skolestorrelse.md", 8);
    expect(skoler!.claim.targets).toEqual(["3203", "asss-med-oslo"]);
    expect(skoler!.verdict.status).toBe("agrees");
  });

  it("says each value in its indicator's unit, as {{verdi}} prints it", () => {
    const kroner = claims.find((c) => c.claim.indicator?.id === "korrigerte-brutto-driftsutgifter-grunnskole-per-elev")!;
    expect(kroner.verdict.says.text.replace(/\s/gu, " ")).toBe("korrigerte-brutto-driftsutgifter-grunnskole-per-elev for Bærum var 111 234 kr i 2024: under Asker (112 931 kr), under ASSS med Oslo (126 171 kr)");
    const share = claims.find((c) => c.claim.indicator?.id === "spesialundervisning-8-10" && c.claim.kind === "utvikling")!;
    expect(share.verdict.says.text.replace(/\s/gu, " ")).toContain("gikk 8,2 → 9,7 prosent fra 2023 til 2024");
    const thousands = claims.find((c) => c.claim.indicator?.id === "netto-driftsutgifter-grunnskolesektor-per-innbygger")!;
    expect(thousands.verdict.says.text.replace(/\s/gu, " ")).toContain("Asker 143 000 kr, Bærum 136 800 kr"); // 1 000 kr in the data
  });

  it("ties a rank to the indicator the sentence names by its title", () => {
    const rank = at("02-prioritering.md", 6).find((c) => c.claim.kind === "plassering")!;
    expect(rank.claim.indicator?.id).toBe("netto-driftsutgifter-per-elev");
    expect(rank.verdict.status).toBe("agrees");
  });

  it("does not guess: a claim about something no indicator measures is left unchecked", () => {
    // "Bærum har lavere lærertetthet enn Asker" under the figure for årsverk per lederårsverk (13,3 against 11,1).
    const lærertetthet = claims.find((c) => c.claim.phrase.startsWith("lavere lærertetthet"))!;
    expect(lærertetthet.verdict.status).toBe("unchecked");
    // "Andel elever med spesialundervisning … har økt de tre siste årene": no figure or expression says which trinn.
    expect(at("03-dekningsgrader.md", 8).every((c) => c.verdict.status === "unchecked")).toBe(true);
  });

});

describe("npm run check: a claim the data contradict", () => {
  let root: string;
  beforeEach(() => {
    root = scratchProject();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const findings = async () => runChecks(await loadInputs(projectPaths(root), 2025, quiet)).map((f) => formatFinding(f).replace(/\u00a0/g, " "));

  it("is reported at its line with what the data say and the expression that keeps it true", async () => {
    // Bærum's 2024 share of spesialundervisning 1.–4. trinn below ASSS (4,5): "Bærum har en høyere andel … sammenlignet med … gjennomsnittet" is now false.
    replaceInFile(root, "data/2025/observations.csv", "spesialundervisning-1-4,3201,2024,5.3,", "spesialundervisning-1-4,3201,2024,4.0,");
    const found = (await findings()).filter((f) => f.includes("teksten sier"));
    expect(found).toEqual([
      expect.stringMatching(
        /^data\/2025\/commentary\/grunnskole\/03-dekningsgrader\.md:14:\d+: advarsel: teksten sier «høyere andel elever som får spesialundervisning sammenlignet med Asker og gjennomsnittet av ASSS-kommunene»; spesialundervisning-1-4 for Bærum var 4,0 prosent i 2024: over Asker \(2,6 prosent\), under ASSS med Oslo \(4,5 prosent\) \(rett ordene, eller skriv \{\{sammenlign "spesialundervisning-1-4" "Bærum" "ASSS med Oslo" 2024\}\}/u,
      ),
    ]);
  });

  it("reports a trend in plain words with the series and the year it broke", async () => {
    replaceInFile(root, `${COMMENTARY}/03-dekningsgrader.md`, 'Det har vært {{utvikling "spesialundervisning-5-7" "Bærum" 2021 2024 form="en"}} de siste fire årene', "Det har vært en økning hvert år de siste fire årene");
    replaceInFile(root, "data/2025/observations.csv", "spesialundervisning-5-7,3201,2022,7.9,", "spesialundervisning-5-7,3201,2022,7.5,");
    const found = (await findings()).filter((f) => f.includes("teksten sier"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/03-dekningsgrader\.md:18:\d+: advarsel: teksten sier «en økning hvert år»; spesialundervisning-5-7 for Bærum gikk 7,7 → 7,5 → 8,1 → 8,5 prosent fra 2021 til 2024: den økte, men gikk ned i 2022/u);
  });

  it("reads 'nedgangen' with the years of the trend before it (no false alarm from 'i 2023' in its clause)", async () => {
    const personell = `${root}/${COMMENTARY}/06-personell.md`;
    writeFileSync(personell, readFileSync(personell, "utf8").replace(/Bærum \{\{utvikling[^\n]*?skyldes/u, "Bærum har redusert antall assistentårsverk per hundre lærerårsverk i 2024, nedgangen skyldes"));
    const claims = readAllClaims(await loadInputs(projectPaths(root), 2025, quiet)).filter((c) => c.location.file.endsWith("06-personell.md") && c.location.line === 24);
    expect(claims.map((c) => [c.claim.phrase, c.claim.span.join("–"), c.verdict.status])).toEqual([
      ["har redusert", "2023–2024", "agrees"],
      ["nedgangen", "2023–2024", "agrees"],
    ]);
  });
});
