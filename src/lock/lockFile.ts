/**
 * One run at a time on a set of files: a lock file made with an exclusive
 * create (`wx`), holding who made it (pid, command, time). A second run finds
 * it and stops with a message naming the holder; a lock whose process is gone
 * (a crash, a killed terminal) is stale and taken over. The lock is removed
 * when the holder releases it, when the process exits, and on Ctrl+C/SIGTERM
 * (through the command line's interrupt clean-ups).
 *
 * Known limit: two runs that find the same stale lock at the same instant may
 * both take it over; a live holder is never taken over.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { onInterrupt } from "../output/interrupt.js";

export interface LockHolder {
  readonly pid: number;
  readonly command: string;
  /** ISO time the lock was taken. */
  readonly since: string;
}

export interface Lock {
  readonly path: string;
  /** Removes the lock if it is still ours; safe to call more than once. */
  release(): void;
}

export interface LockOptions {
  /** What the holder is doing, for the other run's message: "npm run import". */
  readonly command: string;
  /** The lock's path as the user should read it (relative to the project). */
  readonly display: string;
  /** What the lock protects, for the message: "data/2025". */
  readonly guards: string;
  readonly now?: () => Date;
}

/** A lock file being written this moment has no content yet; younger than this it is taken as held. */
const FRESH_MS = 5_000;

export function acquireLock(path: string, options: LockOptions): Lock {
  const now = options.now ?? (() => new Date());
  const holder: LockHolder = { pid: process.pid, command: options.command, since: now().toISOString() };
  const content = `${JSON.stringify(holder)}\n`;
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    try {
      writeFileSync(path, content, { flag: "wx" });
      return held(path, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new ReportError(msg.locking.cannotCreate(options.display, describeCode(error)), { location: { file: options.display }, cause: error });
      }
    }
    const other = readHolder(path);
    if (other === "being-written" || (other !== undefined && isAlive(other.pid)) || attempt > 2) {
      const who = other === undefined || other === "being-written" ? undefined : other;
      throw new ReportError(msg.locking.held(options.guards, who?.command, who?.pid, who?.since.replace("T", " ").slice(0, 19), options.display), { location: { file: options.display } });
    }
    // The holder is gone: the lock is stale.
    rmSync(path, { force: true });
  }
}

function held(path: string, content: string): Lock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    removeInterrupt();
    process.removeListener("exit", release);
    try {
      if (readFileSync(path, "utf8") === content) rmSync(path, { force: true });
    } catch {
      // Already gone.
    }
  };
  const removeInterrupt = onInterrupt(release);
  process.on("exit", release);
  return { path, release };
}

function readHolder(path: string): LockHolder | "being-written" | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === "number" && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, command: String(parsed.command ?? ""), since: String(parsed.since ?? "") };
    }
  } catch {
    // Empty or cut off: being written now, or left by a crash while it was written.
  }
  try {
    return Date.now() - statSync(path).mtimeMs < FRESH_MS ? "being-written" : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 tests for a process without touching it: ESRCH means there is none; EPERM means it exists as another user. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describeCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
