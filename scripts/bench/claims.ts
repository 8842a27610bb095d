/**
 * Issue 17's two rows: `npm run check -- 2025` with the claim check on (the
 * repository's data, three runs, as the user types it, npm included), and
 * `npm run draft` on the synthetic 12-chapter project. Used by
 * `npm run bench -- --full`, and alone by `npm run bench -- --claims`.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticProject } from "../synthetic.js";
import { runMeasured } from "./measure.js";

export interface ClaimsBench {
  /** `npm run check -- 2025` on a copy of the repository's data, wall ms, three runs. */
  readonly check2025Ms: readonly number[];
  /** `npm run draft -- <year>` on the synthetic project, wall ms, three runs, each in a fresh folder. */
  readonly draftMs: readonly number[];
  readonly chapters: number;
}

export async function benchClaims(repo: string, chapters: number, year: number, base: string): Promise<ClaimsBench> {
  const copy = join(base, "claims-2025");
  mkdirSync(copy, { recursive: true });
  cpSync(join(repo, "data"), join(copy, "data"), { recursive: true });
  cpSync(join(repo, "templates"), join(copy, "templates"), { recursive: true });
  // Once untimed: compiles the command line if src/ changed.
  await runMeasured("npm", ["run", "--silent", "check", "--", "2025", "--root", copy], { cwd: repo });
  const check2025Ms: number[] = [];
  for (let i = 0; i < 3; i++) check2025Ms.push((await runMeasured("npm", ["run", "--silent", "check", "--", "2025", "--root", copy], { cwd: repo })).wallMs);
  const draftMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const root = join(base, `claims-draft-${i}`);
    writeSyntheticProject({ root, chapters, year });
    const run = await runMeasured("npm", ["run", "--silent", "draft", "--", String(year), "--root", root], { cwd: repo });
    if (run.exitCode !== 0) throw new Error(`draft failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
    draftMs.push(run.wallMs);
  }
  return { check2025Ms, draftMs, chapters };
}

export function claimsRows(r: ClaimsBench): string[][] {
  const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const check = median(r.check2025Ms);
  const draft = median(r.draftMs);
  return [
    ["npm run check -- 2025 with the claim check, wall (median of 3)", `${(check / 1000).toFixed(2)} s`, "0.5 s", check <= 500 ? "yes" : "no"],
    [`npm run draft, synthetic ${r.chapters} chapters, wall (median of 3)`, `${(draft / 1000).toFixed(2)} s`, "2 s", draft <= 2000 ? "yes" : "no"],
  ];
}

if (process.argv.includes("--claims")) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const base = mkdtempSync(join(tmpdir(), "kostra-bench-claims-"));
  try {
    const result = await benchClaims(repo, 12, 2025, base);
    for (const [label, measured, limit, met] of claimsRows(result)) console.log(`${label!.padEnd(64)} ${measured!.padStart(7)}   limit ${limit}   met ${met}`);
    console.log(`check runs ${result.check2025Ms.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}; draft runs ${result.draftMs.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
