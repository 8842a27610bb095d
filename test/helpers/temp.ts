import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished } from "vitest";
import { getCurrentTest } from "vitest/suite";

/**
 * Temporary folders that remove themselves. Made inside a test (or its
 * beforeEach), a folder is removed when that test ends, passed or failed;
 * made in a beforeAll or while the file is collected, it is removed after the
 * file's last test. Either way no test file needs its own cleanup, and the
 * run's check (test/helpers/tempRoot.ts) finds nothing left.
 */
const living = new Set<string>();

// Registered when a test file first imports this module: the file's own hooks, registered later, run before it.
afterAll(() => {
  for (const dir of [...living]) removeTempFolder(dir);
});

/** A new, empty folder under the temp dir, named `<prefix>XXXXXX`, removed after the test (see above). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  living.add(dir);
  if (getCurrentTest()) onTestFinished(() => removeTempFolder(dir));
  return dir;
}

/** Removes a folder and all in it now, also what a test made read-only. */
export function removeTempFolder(dir: string): void {
  living.delete(dir);
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  } catch {
    if (!existsSync(dir)) return;
    // A test made a folder read-only (a user's locked output): give write access back, then try again.
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    // lstat: a symlink out of the folder is removed, never followed.
    if (lstatSync(path).isDirectory()) makeWritable(path);
  }
}
