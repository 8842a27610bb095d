import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, type LockHolder } from "../../src/lock/lockFile.js";
import { ReportError } from "../../src/errors.js";
import { msg } from "../../src/messages/catalogue.js";
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

  // Issue 20: distribute had a lock of its own with these; import and fetch now share them.
  it("holds the host too, and leaves nothing beside it: it is written aside and linked in whole", () => {
    const path = join(dir, ".lock");
    const lock = acquireLock(path, options);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid, host: hostname(), command: "npm run distribute" });
    expect(readdirSync(dir)).toEqual([".lock"]);
    lock.release();
  });

  it("from another host is never taken over, even when no process here has its pid", () => {
    const path = join(dir, ".lock");
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const other = JSON.stringify({ pid: gone, host: `ikke-${hostname()}`, command: "npm run import", started: "2025-01-01T00:00:00.000Z" });
    writeFileSync(path, other);
    const error = errorOf(() => acquireLock(path, options));
    expect(error.id).toBe("locking.held");
    expect(error.message).toContain(`prosess ${gone}`);
    expect(readFileSync(path, "utf8")).toBe(other);
  });

  it.each([
    ["empty", ""],
    ["cut off", '{"pid": 12'],
    ["not a lock", "hei"],
  ])("that cannot be read (%s) is never taken over, however old: located, saying what to do", (_, content) => {
    const path = join(dir, ".lock");
    writeFileSync(path, content);
    utimesSync(path, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const error = errorOf(() => acquireLock(path, options));
    expect(error.id).toBe("locking.unreadable");
    expect(error.format()).toMatch(/^output\/\.lock: låsefilen for output\/2025 kan ikke leses.*slett output\/\.lock/);
    expect(readFileSync(path, "utf8")).toBe(content);
  });

  it("that is a folder is refused as unreadable, not an internal error", () => {
    const path = join(dir, ".lock");
    mkdirSync(path);
    expect(errorOf(() => acquireLock(path, options)).id).toBe("locking.unreadable");
    expect(existsSync(path)).toBe(true);
  });

  it("tells the caller whose stale lock it took over, and refuses in the caller's words", () => {
    const path = join(dir, ".lock");
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeFileSync(path, JSON.stringify({ pid: gone, host: hostname(), command: "npm run distribute", started: "2025-01-01T00:00:00.000Z" }));
    const takenOver: LockHolder[] = [];
    const lock = acquireLock(path, { ...options, onTakeOver: (stale) => takenOver.push(stale) });
    expect(takenOver).toEqual([{ pid: gone, host: hostname(), command: "npm run distribute", started: "2025-01-01T00:00:00.000Z" }]);
    const held = errorOf(() => acquireLock(path, { ...options, refusals: { held: () => new ReportError(msg.distribute.lockUnreadable("x")), unreadable: () => new ReportError(msg.distribute.lockUnreadable("y")) } }));
    expect(held.message).toContain("låsen x");
    lock.release();
  });
});
