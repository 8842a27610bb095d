import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { onInterrupt } from "../output/interrupt.js";

/** Who holds the lock: written into the lock file as one JSON line. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

export interface RunLock {
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

export interface LockContext {
  /** The lock file as the user sees it (relative to the project). */
  readonly display: string;
  readonly year: number;
  readonly log: (line: string) => void;
}

/** Rounds of "exists → stale → removed → create again" before giving up to another run that got there first. */
const ATTEMPTS = 3;

/**
 * One distribution run per year at a time, so two runs started together do
 * not both read the same sent-log and send everyone the mail twice.
 *
 * The lock file is created whole or not at all: written under a name of its
 * own, then hard-linked to the lock's name, which fails if it exists. A lock
 * whose process is gone (same host, no such pid) is taken over, and said so
 * in the log; a lock from another host, or one that cannot be read, is never
 * taken over. The lock is removed when the run ends, fails, or is stopped by
 * a signal (through the command line's interrupt clean-ups) or process exit.
 */
export function acquireRunLock(file: string, context: LockContext): RunLock {
  const mine: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(file, text)) return holding(file, text);
    const current = readLock(file);
    if (current === "gone") continue;
    if (current === "unreadable") throw new ReportError(msg.distribute.lockUnreadable(context.display));
    const { holder, raw } = current;
    if (isRunning(holder)) throw locked(holder, context);
    if (removeIfUnchanged(file, raw)) context.log(msg.distribute.staleLock(holder.pid, holder.started).text);
  }
  const current = readLock(file);
  if (typeof current === "object") throw locked(current.holder, context);
  throw new ReportError(msg.distribute.lockUnreadable(context.display));
}

function locked(holder: LockHolder, context: LockContext): ReportError {
  return new ReportError(msg.distribute.runLocked(context.year, holder.pid, holder.started, holder.host, context.display));
}

function holding(file: string, text: string): RunLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    forgetInterrupt();
    process.off("exit", release);
    try {
      if (readFileSync(file, "utf8") === text) rmSync(file, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  };
  const forgetInterrupt = onInterrupt(release);
  process.on("exit", release);
  return { release };
}

/** Creates `file` with `text`, whole, unless it exists. */
function createExclusive(file: string, text: string): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, text, { flag: "wx" });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if (codeOf(error) === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readLock(file: string): { holder: LockHolder; raw: string } | "gone" | "unreadable" {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    if (codeOf(error) === "ENOENT") return "gone";
    throw error;
  }
  try {
    const json: unknown = JSON.parse(raw);
    if (typeof json !== "object" || json === null) return "unreadable";
    const { pid, host, started } = json as Record<string, unknown>;
    if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0 || typeof host !== "string" || typeof started !== "string") return "unreadable";
    return { holder: { pid, host, started }, raw };
  } catch {
    return "unreadable";
  }
}

/** Whether the holder may still be running: on another host it cannot be checked, so it counts as running. */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) !== "ESRCH";
  }
}

/**
 * Removes a stale lock, unless another run replaced it since it was read: the
 * file is first moved aside (only one mover wins), then checked; a lock that
 * turns out to be another run's fresh one is put back.
 */
function removeIfUnchanged(file: string, raw: string): boolean {
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return false;
    throw error;
  }
  try {
    if (readFileSync(aside, "utf8") === raw) return true;
    try {
      linkSync(aside, file);
    } catch {
      // A third run holds the lock by now; the one moved aside is not put back over it.
    }
    return false;
  } finally {
    rmSync(aside, { force: true });
  }
}

function codeOf(error: unknown): string | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
  return typeof code === "string" ? code : undefined;
}
