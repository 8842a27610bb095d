import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock } from "../../src/lock/lockFile.js";
import { errorOf } from "../helpers/errors.js";
import { REPO } from "../helpers/project.js";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "lock-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = { command: "npm run distribute", display: "output/.lock", guards: "output/2025" };

describe("a lock file", () => {
  it("is made exclusively, holds pid, command and time, and is removed on release", () => {
    const path = join(dir, ".lock");
    const lock = acquireLock(path, options);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid, command: "npm run distribute" });
    const error = errorOf(() => acquireLock(path, options));
    expect(error.id).toBe("locking.held");
    expect(error.format()).toMatch(/^output\/\.lock: output\/2025 er i bruk av en annen kjøring \(npm run distribute, prosess \d+, startet \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\) \(vent til den er ferdig/);
    lock.release();
    expect(existsSync(path)).toBe(false);
    acquireLock(path, options).release();
  });

  it("left by a process that is gone is stale and taken over", () => {
    const path = join(dir, ".lock");
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeFileSync(path, JSON.stringify({ pid: gone, command: "npm run import", since: "2025-01-01T00:00:00.000Z" }));
    const lock = acquireLock(path, options);
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("is not removed by a release when another run has taken it since", () => {
    const path = join(dir, ".lock");
    const lock = acquireLock(path, options);
    writeFileSync(path, JSON.stringify({ pid: process.pid, command: "other", since: "later" }));
    lock.release();
    expect(existsSync(path)).toBe(true);
  });

  it("is removed when the holder exits without releasing it", () => {
    const path = join(dir, ".lock");
    const child = spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(REPO, "src", "lock", "lockFile.ts")}").then((m) => { m.acquireLock(${JSON.stringify(path)}, { command: "x", display: "x", guards: "x" }); console.log(require("node:fs").existsSync(${JSON.stringify(path)})); })`], { cwd: REPO, encoding: "utf8" });
    expect(child.stdout.trim()).toBe("true");
    expect(existsSync(path)).toBe(false);
  });
});
