/**
 * One run at a time on a set of files (import and fetch on data/<year>/,
 * distribute on output/<year>/): a lock file holding who made it (pid, host,
 * command, start time). A second run finds it and stops with a message
 * naming the holder.
 *
 * The lock file is created whole or not at all: written under a name of its
 * own, then hard-linked to the lock's name, which fails if it exists; so a
 * lock is never read half-written. A lock whose process is gone (same host,
 * no such pid: a crash, a closed terminal) is stale and taken over; a lock
 * from another host, or one that cannot be read, is never taken over. The
 * lock is removed when the holder releases it, when the process exits, and
 * on Ctrl+C/SIGTERM (through the command line's interrupt clean-ups).
 */
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { onInterrupt } from "../output/interrupt.js";

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** What the holder is doing: "npm run import". */
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly started: string;
}

export interface Lock {
  readonly path: string;
  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): void;
}

/** How a refused run is told, in the words of its command. */
export interface LockRefusals {
  /** Another run holds the lock. */
  held(holder: LockHolder): ReportError;
  /** The lock file cannot be read, so whether its run is alive is unknown. */
  unreadable(): ReportError;
}

export interface LockOptions {
  /** What the holder is doing, for the other run's message: "npm run import". */
  readonly command: string;
  /** The lock's path as the user should read it (relative to the project). */
  readonly display: string;
  /** What the lock protects, for the message: "data/2025". */
  readonly guards: string;
  readonly now?: () => Date;
  /** The command's own messages; by default the locking ones, located at the lock file. */
  readonly refusals?: LockRefusals;
  /** Told when the stale lock of a process that is gone is taken over. */
  readonly onTakeOver?: (stale: LockHolder) => void;
}

/** Rounds of "exists → stale → removed → create again" before giving up to another run that got there first. */
const ATTEMPTS = 3;

export function acquireLock(path: string, options: LockOptions): Lock {
  const now = options.now ?? (() => new Date());
  const mine: LockHolder = { pid: process.pid, host: hostname(), command: options.command, started: now().toISOString() };
  const content = `${JSON.stringify(mine)}\n`;
  const refusals = options.refusals ?? defaultRefusals(options);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusive(path, content, options.display)) return holding(path, content);
    const current = readLock(path);
    if (current === "gone") continue;
    if (current === "unreadable") throw refusals.unreadable();
    if (isRunning(current.holder)) throw refusals.held(current.holder);
    if (removeIfUnchanged(path, current.raw, options.display)) options.onTakeOver?.(current.holder);
  }
  const current = readLock(path);
  if (typeof current === "object") throw refusals.held(current.holder);
  throw refusals.unreadable();
}

/** `2025-06-02 10:00:00`, in local time: when the holder started, as a message shows it. */
export function startedText(holder: LockHolder): string {
  const date = new Date(holder.started);
  if (Number.isNaN(date.getTime())) return holder.started;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

function defaultRefusals(options: LockOptions): LockRefusals {
  const location = { file: options.display };
  return {
    held: (holder) => new ReportError(msg.locking.held(options.guards, holder.command || undefined, holder.pid, startedText(holder), options.display), { location }),
    unreadable: () => new ReportError(msg.locking.unreadable(options.guards, options.display), { location }),
  };
}

function holding(path: string, content: string): Lock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    forgetInterrupt();
    process.off("exit", release);
    try {
      if (readFileSync(path, "utf8") === content) rmSync(path, { force: true });
    } catch {
      // Already gone: nothing to release.
    }
  };
  const forgetInterrupt = onInterrupt(release);
  process.on("exit", release);
  return { path, release };
}

/** Creates `path` with `content`, whole, unless it exists. */
function createExclusive(path: string, content: string, display: string): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    writeFileSync(temporary, content, { flag: "wx" });
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if (codeOf(error) === "EEXIST") return false;
    throw new ReportError(msg.locking.cannotCreate(display, codeOf(error) ?? String(error)), { location: { file: display }, cause: error });
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readLock(path: string): { holder: LockHolder; raw: string } | "gone" | "unreadable" {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    return codeOf(error) === "ENOENT" ? "gone" : "unreadable";
  }
  try {
    const json: unknown = JSON.parse(raw);
    if (typeof json !== "object" || json === null) return "unreadable";
    const { pid, host, command, started, since } = json as Record<string, unknown>;
    // `since` and no host: a lock written before import and distribute shared this module, on this machine.
    const when = started ?? since;
    if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0 || typeof when !== "string") return "unreadable";
    if (host !== undefined && typeof host !== "string") return "unreadable";
    return { holder: { pid, host: host ?? hostname(), command: typeof command === "string" ? command : "", started: when }, raw };
  } catch {
    return "unreadable";
  }
}

/** Whether the holder may still be running: on another host it cannot be checked, so it counts as running. */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    // Signal 0 tests for a process without touching it: ESRCH means there is none; EPERM, another user's.
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
function removeIfUnchanged(path: string, raw: string, display: string): boolean {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return false;
    throw new ReportError(msg.locking.cannotCreate(display, codeOf(error) ?? String(error)), { location: { file: display }, cause: error });
  }
  try {
    if (readFileSync(aside, "utf8") === raw) return true;
    try {
      linkSync(aside, path);
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
