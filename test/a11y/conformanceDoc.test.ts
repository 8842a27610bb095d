import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.js";

/**
 * docs/conformance.md says which Matterhorn checkpoints the tests cover. It
 * must not claim more than the tests check, nor leave out one they check:
 * each row's checkpoint is in a test name of every test file the row names,
 * and every checkpoint a test is named after has its row.
 */
const doc = readFileSync(join(REPO, "docs", "conformance.md"), "utf8");
const CHECKPOINT = /\b\d{2}-\d{3}\b/g;

const rows = [...doc.matchAll(/^\| (\d{2}-\d{3}) \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => ({
  checkpoint: m[1]!,
  files: [...m[2]!.matchAll(/`([^`]+\.test\.ts)`/g)].map((f) => f[1]!),
}));

/** The checkpoints in the names of a test file's tests (`it("…")`, `it.each(…)("…")`). */
function namedCheckpoints(file: string): Set<string> {
  const source = readFileSync(join(REPO, file), "utf8");
  const names = [...source.matchAll(/\bit(?:\.each\([^)]*\))?\(\s*(["'`])((?:(?!\1).)*)\1/g)].map((m) => m[2]!);
  return new Set(names.flatMap((name) => name.match(CHECKPOINT) ?? []));
}

describe("docs/conformance.md (issue 19, item 11)", () => {
  it("lists checkpoints, each with the test files that check it", () => {
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) expect(row.files.length, row.checkpoint).toBeGreaterThan(0);
  });

  it("claims no checkpoint a named test file does not check", () => {
    const missing = rows.flatMap((row) => row.files.filter((file) => !namedCheckpoints(file).has(row.checkpoint)).map((file) => `${row.checkpoint} in ${file}`));
    expect(missing).toEqual([]);
  });

  it("leaves out no checkpoint the PDF tests are named after", () => {
    const listed = new Set(rows.map((r) => r.checkpoint));
    const checked = [...namedCheckpoints("test/a11y/pdf.test.ts"), ...namedCheckpoints("test/a11y/conformance.test.ts")];
    expect(checked.filter((c) => !listed.has(c))).toEqual([]);
  });

  it("says how to run veraPDF on the output, and which checkpoints need a person", () => {
    expect(doc).toMatch(/verapdf --flavour ua1 .*output\/2025\/kostra-analyse-2025\.pdf/);
    expect(doc).toContain("## Det testene ikke kan avgjøre");
  });
});
