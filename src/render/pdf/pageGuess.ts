import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * The page every heading landed on in the last build of a project, kept in
 * output/.cache/ as a first guess for the next build. It is only a guess:
 * printPdf checks it against the real print and prints again when a heading
 * moved. After an edit that moves no heading (most commentary edits), the
 * layout print is skipped.
 */
export function readPageGuess(file: string, ids: readonly string[]): Map<string, number> | undefined {
  try {
    const stored: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof stored !== "object" || stored === null) return undefined;
    const pages = new Map<string, number>();
    for (const id of ids) {
      const page = (stored as Record<string, unknown>)[id];
      if (typeof page !== "number" || !Number.isInteger(page) || page < 1) return undefined;
      pages.set(id, page);
    }
    return pages;
  } catch {
    return undefined;
  }
}

/** Written atomically; a cache that cannot be written costs a layout print next time, never the build. */
export function writePageGuess(file: string, pages: ReadonlyMap<string, number>): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(pages)));
    renameSync(temporary, file);
  } catch {
    // Only a guess for the next build.
  }
}
