import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { goldenUpdateRequested } from "./goldenMode.js";

/**
 * Vitest global setup (vitest.config.ts). The whole run gets a temp dir of
 * its own: TMPDIR points at a fresh folder, so every temp folder a test, the
 * report command, Chromium or LibreOffice makes lands there. When the run
 * ends the folder must be empty; whatever is left is listed, removed with the
 * folder, and fails the run.
 */
export default function setup(): () => void {
  // Refused before any test runs, not file by file.
  goldenUpdateRequested();
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), "kostra-test-"));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(root).filter((name) => !TOOL_CACHE.test(name));
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (left.length > 0) {
      throw new Error(
        `testene etterlot ${left.length} ${left.length === 1 ? "mappe eller fil" : "mapper eller filer"} i temp-mappen (${root}, nå fjernet):\n` +
          left.sort().map((name) => `  ${name}`).join("\n") +
          "\nLag temp-mapper med tempFolder() fra test/helpers/temp.ts (eller scratchProject()), så fjernes de når testen er ferdig.",
      );
    }
  };
}

/** tsx's compile cache (tsx-<uid>), which each `node --import tsx` the tests start shares: a tool's cache, removed with the folder. */
const TOOL_CACHE = /^tsx-\d+$/;
