import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO, scratchProject } from "../helpers/project.js";

/**
 * The build's Chromium when the build is stopped mid-print (a signal to the
 * build process alone, as a scheduler or `kill` sends it), and when Chromium
 * itself dies mid-build: no profile folder is left in the temp folder, no
 * Chromium keeps running, and the user reads why in Norwegian.
 */
const owned: string[] = [];
afterEach(() => {
  for (const dir of owned.splice(0)) {
    // A Chromium the build failed to stop is ended by its id, then its folder goes.
    for (const pid of chromiumsIn(dir)) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  owned.push(dir);
  return dir;
}

/** Chromium processes whose profile lies in `dir` (each has it on its command line). */
function chromiumsIn(dir: string): number[] {
  const found = spawnSync("pgrep", ["-f", `user-data-dir=${dir}`], { encoding: "utf8" }).stdout.trim();
  return found ? found.split("\n").map(Number).filter((pid) => pid !== process.pid) : [];
}

const profiles = (temp: string) => readdirSync(temp).filter((name) => /^(kostra-chromium-|puppeteer_dev_chrome_profile-)/.test(name));

/** The built command line, run by Node itself, so a signal reaches the build process and nothing else. */
function startBuild(root: string, temp: string): { child: ChildProcess; output: () => { stdout: string; stderr: string }; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(REPO, "scripts", "kostra.mjs"), "report", "2025", "--root", root, "--format", "pdf"], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TMPDIR: temp, FORCE_COLOR: "0" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => ({ stdout, stderr }), exited };
}

type Build = ReturnType<typeof startBuild>;
/** Chromium has begun to write its profile: Puppeteer is still connecting to it. */
const STARTING = (_: Build, temp: string) => profiles(temp).some((name) => existsSync(join(temp, name, "Default")));
/** The templates are compiled: the next thing the build does is print. */
const PRINTING = (build: Build) => /^ {2}maler +\d+ ms$/m.test(build.output().stdout);

/** Resolves once `moment` has come. */
async function reached(build: Build, temp: string, moment: (build: Build, temp: string) => boolean): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!moment(build, temp)) {
    if (build.child.exitCode !== null || Date.now() > deadline) throw new Error(`the build did not reach the print: ${JSON.stringify(build.output())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the build stopped while Chromium starts or prints", () => {
  for (const [signal, when, line] of [["SIGINT", "mid-print", PRINTING], ["SIGTERM", "mid-print", PRINTING], ["SIGTERM", "while Puppeteer connects to Chromium", STARTING], ["SIGINT", "while Puppeteer connects to Chromium", STARTING]] as const) {
    it(`${signal} to the build process ${when}: Chromium ends and its profile folder is gone`, async () => {
      const root = scratchProject();
      owned.push(root);
      const temp = temporary("kostra-stop-");
      const build = startBuild(root, temp);
      await reached(build, temp, line);
      expect(profiles(temp)).toHaveLength(1);
      build.child.kill(signal);
      const code = await build.exited;
      expect(code).toBe(signal === "SIGINT" ? 130 : 143);
      expect(build.output().stderr).toContain(`avbrutt (${signal})`);
      expect(chromiumsIn(temp)).toEqual([]);
      // Neither its profile nor its own temporary files (org.chromium.Chromium.*).
      expect(readdirSync(temp)).toEqual([]);
    });
  }
});

describe("Chromium killed mid-build", () => {
  it("stops the build with «Chromium stoppet uventet», exit 1, the previous files untouched and no profile left", async () => {
    const root = scratchProject();
    owned.push(root);
    const out = join(root, "output", "2025");
    mkdirSync(out, { recursive: true });
    const previous = join(out, "kostra-analyse-2025.pdf");
    writeFileSync(previous, "forrige PDF");
    const temp = temporary("kostra-killed-");
    const build = startBuild(root, temp);
    await reached(build, temp, PRINTING);
    const [browser] = chromiumsIn(temp).sort((a, b) => a - b);
    expect(browser).toBeDefined();
    process.kill(browser!, "SIGKILL");
    const code = await build.exited;
    const { stderr } = build.output();
    expect(stderr).toContain("Chromium stoppet uventet");
    expect(stderr).not.toContain("ECONNREFUSED");
    expect(code).toBe(1);
    expect(readFileSync(previous, "utf8")).toBe("forrige PDF");
    expect(readdirSync(out)).toEqual(["kostra-analyse-2025.pdf"]);
    expect(chromiumsIn(temp)).toEqual([]);
    expect(profiles(temp)).toEqual([]);
  });
});
