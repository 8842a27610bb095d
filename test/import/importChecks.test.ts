import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { runImport } from "../../src/import/runImport.js";
import { yearLockPath } from "../../src/import/yearLock.js";
import { FIXTURE, INDICATOR, cli, fixture, importProject, type Fixture } from "../helpers/importProject.js";
import { REPO } from "../helpers/project.js";
import { errorOf } from "./helpers.js";

/** What the hostile review found the import letting through, and two imports at once. */
const SHARE = "andel-202-test";
const FREE = "frie-inntekter-test";
const FIXTURE_12134 = join(REPO, "test", "fixtures", "ssb", "12134-v2-json-stat2.json");

function project(): string {
  const root = importProject();
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const indicators = join(root, "data", "indicators.csv");
  writeFileSync(
    indicators,
    `${readFileSync(indicators, "utf8")}${SHARE},Andel til grunnskole,Andel 202,prosent,1,1,SSB/KOSTRA,202,,,12362,KOSAG220000,KOKfunksjon0000=202,1,\n${FREE},Frie inntekter per innbygger,Frie inntekter,kr,1,0,SSB/KOSTRA,,,,12134,KOSAG110000,,1,\n`,
  );
  return root;
}

/** The flat index of a cell of the 12362 fixture. */
function at(doc: Fixture, codes: Record<string, string>): number {
  return doc.id.reduce((flat, dim, d) => {
    const index = doc.dimension[dim]!.category.index;
    return flat * doc.size[d]! + (index ? index[codes[dim]!]! : 0);
  }, 0);
}

const observations = (root: string) => readFileSync(join(root, "data", "2025", "observations.csv"), "utf8");

describe("npm run import refuses figures the build would refuse", () => {
  it.each([
    [-5, "−5,0"],
    // The import keeps 12 significant digits (inIndicatorScale), so the refused figure reads 12345678901200000000.
    [Number("12345678901234567890"), "12345678901200000000"],
  ])("%s for a percentage is refused before anything is written, naming the file and the range", (value, shown) => {
    const root = project();
    const doc = fixture();
    const file = join(root, "odd.json");
    const cell = at(doc, { ContentsCode: "KOSAG220000", KOKkommuneregion0000: "3201", KOKfunksjon0000: "202", KOKregnskapsomfa0000: "B", Tid: "2024" });
    writeFileSync(file, JSON.stringify({ ...doc, value: doc.value.map((v, i) => (i === cell ? value : v)) }));
    const before = observations(root);
    const result = cli(root, "import", [file, "--year", "2025"]);
    expect(result.status).toBe(1);
    expect(result.stderr.replace(/[\u00a0\u202f]/g, " ")).toContain(`feil: ${file}: ${SHARE} / 3201 / 2024: ${shown} er ikke mulig for en indikator i prosent (0 til 100)`);
    expect(observations(root)).toBe(before);
  });
});

describe("npm run import says what is wrong with a file, with the file named", () => {
  it("an Excel workbook is recognised, not printed as raw bytes, and the way to CSV or JSON-stat is given", () => {
    const root = project();
    const file = join(root, "tabell.xlsx");
    writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(1500, 0xa7)]));
    const result = cli(root, "import", [file, "--year", "2025"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `feil: ${file}: dette er et regneark (Excel .xlsx/.xlsm, eller .ods), ikke SSBs CSV eller JSON-stat (last ned tabellen i Statistikkbanken som «CSV (semikolondelt)» eller JSON-stat 2.0, eller lagre arket i Excel som «CSV UTF-8 (semikolondelt)»)\n`,
    );
  });

  it("a folder given as a file", () => {
    const root = project();
    const folder = join(root, "nedlastinger");
    mkdirSync(folder);
    const result = cli(root, "import", [folder, "--year", "2025"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^feil: ${folder}: dette er en mappe, ikke en fil \\(`));
    expect(result.stderr).not.toContain("intern feil");
  });

  it("a full disk when observations.csv is written: located, and the file as it was", () => {
    const root = project();
    const before = observations(root);
    // A real ENOSPC from the kernel: /dev/full refuses every write.
    const error = errorOf(() =>
      runImport({ root, year: 2025, files: [{ path: FIXTURE, display: "12362.json" }], dryRun: false, release: undefined, allow: [], today: "2025-07-01", log: () => {}, write: (_path, content) => writeFileSync("/dev/full", content) }),
    );
    expect(error.id).toBe("importing.diskFull");
    expect(error.format()).toBe("data/2025/observations.csv: disken er full (frigjør plass og prøv igjen; ingen filer er endret)");
    expect(observations(root)).toBe(before);
  });

  it("observations.csv changed by another program while the import ran: nothing written, the other change kept", () => {
    const root = project();
    const file = join(root, "data", "2025", "observations.csv");
    let edited = "";
    const error = errorOf(() =>
      runImport({
        root, year: 2025, files: [{ path: FIXTURE, display: "12362.json" }], dryRun: false, release: undefined, allow: [], today: "2025-07-01",
        log: () => {
          if (edited) return;
          edited = `${readFileSync(file, "utf8")}${INDICATOR},0301,2024,1,,egne tall,,,,,\n`;
          writeFileSync(file, edited);
        },
      }),
    );
    expect(error.id).toBe("importing.changedMeanwhile");
    expect(observations(root)).toBe(edited);
  });

  it("a kommune data/regions.csv has under its old number is named as renumbered, not 'add it'", () => {
    const root = project();
    writeFileSync(join(root, "data", "regions.csv"), `${readFileSync(join(root, "data", "regions.csv"), "utf8")}3801,Horten,Horten,kommune\n`);
    const indicators = join(root, "data", "indicators.csv");
    writeFileSync(indicators, readFileSync(indicators, "utf8").replace(",12362,KOSAG210000,", ",12362,KOSAG210000 | Netto driftsutgifter per innbygger (kr),"));
    const csv = join(root, "horten.csv");
    writeFileSync(csv, '"12362: Netto driftsutgifter"\n\n"region";"funksjon";"Netto driftsutgifter per innbygger (kr) 2023"\n"3801 Horten";"202 Grunnskole";18366\n"3201 Bærum";"202 Grunnskole";19378\n');
    const result = cli(root, "import", [csv, "--year", "2025", "--dry-run"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("3801 Horten har nå nummer 3901: data/regions.csv har det gamle nummeret — bytt 3801 til 3901 der for å importere tallene");
    expect(result.stdout).not.toContain("legg den til i data/regions.csv");
  });
});

function importAsync(root: string, file: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "src", "cli", "kostra.ts"), "import", file, "--year", "2025", "--root", root], { cwd: REPO, env: { ...process.env, INIT_CWD: REPO } });
    onTestFinished(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

describe("two imports at once (two real processes)", () => {
  it("neither loses the other's rows: each either writes them or stops with a message naming the other", async () => {
    for (let round = 0; round < 3; round++) {
      const root = project();
      const [a, b] = await Promise.all([importAsync(root, FIXTURE), importAsync(root, FIXTURE_12134)]);
      const rows = observations(root);
      for (const [result, row] of [
        [a, new RegExp(`^${INDICATOR},3201,2024,\\d+,,SSB 12362,`, "m")],
        [b, new RegExp(`^${FREE},0301,2024,81240,,SSB 12134,`, "m")],
      ] as const) {
        if (result.status === 0) expect(rows).toMatch(row);
        else expect(result.stderr).toMatch(/^feil: data\/2025\/\.kostra\.lock: data\/2025 er i bruk av en annen kjøring \(npm run import, prosess \d+/);
      }
      expect(existsSync(yearLockPath(root, 2025))).toBe(false);
    }
  });

  it("a lock held by a live process stops the import; once that process is killed, its stale lock is taken over", async () => {
    const root = project();
    const holder = spawn(process.execPath, ["--import", "tsx", "-e", `import("${join(REPO, "src", "import", "yearLock.ts")}").then((m) => { m.lockYear(${JSON.stringify(root)}, 2025, "npm run import"); console.log("held"); setTimeout(() => {}, 60000); })`], { cwd: REPO });
    onTestFinished(() => {
      if (holder.exitCode === null) holder.kill("SIGKILL");
    });
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const before = observations(root);
    const refused = cli(root, "import", [FIXTURE, "--year", "2025"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`data/2025 er i bruk av en annen kjøring (npm run import, prosess ${holder.pid}, startet `);
    expect(refused.stderr).toContain("slett data/2025/.kostra.lock");
    expect(observations(root)).toBe(before);
    // SIGKILL runs no clean-up: the lock file stays, naming a process that is gone.
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    expect(existsSync(yearLockPath(root, 2025))).toBe(true);
    const taken = cli(root, "import", [FIXTURE, "--year", "2025"]);
    expect(taken.status, taken.stderr).toBe(0);
    expect(observations(root)).toMatch(new RegExp(`^${INDICATOR},3201,2024,`, "m"));
    expect(existsSync(yearLockPath(root, 2025))).toBe(false);
  });
});
