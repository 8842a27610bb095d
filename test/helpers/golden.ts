import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { REPO } from "./project.js";

/**
 * Compares `actual` with test/golden/<name>. `UPDATE_GOLDEN=1 npx vitest run`
 * rewrites the files; review the diff before committing it. A missing golden
 * file is a failure, never a silent pass.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(REPO, "test", "golden", name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file test/golden/${name} is missing; run UPDATE_GOLDEN=1 npx vitest run`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
