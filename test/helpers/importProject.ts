import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, scratchProject } from "./project.js";

/** The recorded PxWebApi v2 body (a test fixture in SSB's shape) the import tests read. */
export const FIXTURE = join(REPO, "test", "fixtures", "ssb", "12362-kostra-fixture.json");
export const INDICATOR = "nd-202-per-innbygger";

/**
 * A scratch project whose catalogue maps one indicator to the fixture's table
 * (ContentsCode KOSAG210000, function 202), shown in the KOSTRA analyse and
 * named in its commentary.
 */
export function importProject(): string {
  const root = scratchProject();
  const indicators = join(root, "data", "indicators.csv");
  writeFileSync(
    indicators,
    `${readFileSync(indicators, "utf8")}${INDICATOR},"Netto driftsutgifter til grunnskole (202), per innbygger",Netto driftsutgifter 202 per innbygger,kr,1,0,SSB/KOSTRA,202,,,12362,KOSAG210000,KOKfunksjon0000=202,1,\n`,
  );
  const definition = join(root, "data", "2025", "report.yaml");
  writeFileSync(
    definition,
    readFileSync(definition, "utf8").replace(
      "          - id: gruppestorrelse-1\n            kind: comparison\n",
      `          - id: nd-202\n            kind: comparison\n            indicator: ${INDICATOR}\n          - id: gruppestorrelse-1\n            kind: comparison\n`,
    ),
  );
  // The fixture has no 2022 (a year gap, as SSB tables can have): the analyst records that SSB has no figure.
  const observations = join(root, "data", "2025", "observations.csv");
  writeFileSync(observations, `${readFileSync(observations, "utf8")}${INDICATOR},3201,2022,,..,egne tall,,,,,\n`);
  const commentary = join(root, "data", "2025", "commentary", "grunnskole", "02-prioritering.md");
  writeFileSync(commentary, `${readFileSync(commentary, "utf8").trimEnd()}\n\nNetto driftsutgifter til grunnskole var {{verdi "${INDICATOR}" "Bærum" 2024}} per innbygger i 2024.\n`);
  return root;
}

/** The real command line, as npm runs it, in the project `root`. */
export function cli(root: string, command: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(REPO, "src", "cli", "kostra.ts"), command, ...args, "--root", root], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: REPO },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface Fixture {
  id: string[];
  size: number[];
  updated: string;
  value: (number | null)[];
  status: Record<string, string>;
  dimension: Record<string, { category: { index?: Record<string, number> } }>;
}

export const fixture = (): Fixture => JSON.parse(readFileSync(FIXTURE, "utf8")) as Fixture;

/** The flat index of the fixture's 202/konsern cell for a region and year, last dimension fastest (JSON-stat's row-major order). */
export function cellIndex(doc: Fixture, region: string, year: string): number {
  const codes: Record<string, string> = { ContentsCode: "KOSAG210000", KOKkommuneregion0000: region, KOKfunksjon0000: "202", KOKregnskapsomfa0000: "B", Tid: year };
  return doc.id.reduce((flat, dim, d) => {
    const index = doc.dimension[dim]!.category.index;
    return flat * doc.size[d]! + (index ? index[codes[dim]!]! : 0);
  }, 0);
}

/** A copy of the fixture with another update time and some values changed, written into the project. */
export function variant(root: string, name: string, updated: string, changes: Record<number, number> = {}): string {
  const doc = fixture();
  const file = join(root, name);
  writeFileSync(file, JSON.stringify({ ...doc, updated, value: doc.value.map((v, i) => changes[i] ?? v) }));
  return file;
}
