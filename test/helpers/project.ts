import { cpSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { tempFolder } from "./temp.js";

export const REPO = resolve(import.meta.dirname, "..", "..");
/** The two source chapters as extracted text, kept in the repository so tests read them from there. */
export const SEED_DIR = resolve(REPO, "test", "fixtures", "seeds");

/**
 * A scratch project with copies of data/ and templates/, so tests can break files freely.
 * Removed when the test that made it ends, or after the file's tests when made in a beforeAll (tempFolder).
 */
export function scratchProject(): string {
  const root = tempFolder("kostra-");
  cpSync(join(REPO, "data"), join(root, "data"), { recursive: true });
  cpSync(join(REPO, "templates"), join(root, "templates"), { recursive: true });
  return root;
}

export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real command, `npm run report -- <args>`, as a user would. */
export function runReport(args: readonly string[]): CommandResult {
  const result = spawnSync("npm", ["run", "--silent", "report", "--", ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * pdftotext, spaces of every kind folded to one, minus signs made ASCII.
 * "layout" keeps the page's columns (TOC lines); "raw" keeps content order,
 * one table row per line, and never drops the space in "9 %".
 */
export function pdfText(pdf: string, options: { page?: number; mode?: "layout" | "raw" } = {}): string {
  const range = options.page === undefined ? [] : ["-f", String(options.page), "-l", String(options.page)];
  return normalizeSpaces(run("pdftotext", [`-${options.mode ?? "layout"}`, ...range, pdf, "-"]));
}

export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, " ").replace(/\u2212/g, "-");
}
