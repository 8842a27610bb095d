import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildRecordName, readBuildRecord } from "../../src/changes/buildRecord.js";
import { cli } from "../helpers/importProject.js";
import { scratchProject } from "../helpers/project.js";
import { errorOf } from "../helpers/errors.js";

const NAME = "kostra-analyse-2025";
const RECORD = `output/2025/${buildRecordName(NAME)}`;

let root: string;
beforeEach(() => (root = mkdtempSync(join(tmpdir(), "record-"))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = () => readBuildRecord(join(root, "output", "2025"), "output/2025", NAME);
const place = (content: string) => {
  mkdirSync(join(root, "output", "2025"), { recursive: true });
  writeFileSync(join(root, RECORD), content);
};

// Issue 21: a damaged record came out of `npm run changes` as «intern feil: Unexpected token …» or «EISDIR …».
describe("a damaged build record", () => {
  it("a folder where the record should be: located, saying what to do", () => {
    mkdirSync(join(root, RECORD), { recursive: true });
    const error = errorOf(read);
    expect(error.id).toBe("changes.recordNotAFile");
    expect(error.format()).toMatch(/^output\/2025\/kostra-analyse-2025\.build-record\.json: der byggeposten .* er det en mappe \(flytt eller slett mappen/);
  });

  it.each([
    ["text that is not JSON", "dette er ikke JSON"],
    ["a record cut off", '{"year": 2025, "builtAt": "2026-'],
    ["JSON of another shape", "[1, 2, 3]"],
    ["a row that is no observation", JSON.stringify({ year: 2025, builtAt: "2026-03-01T12:00:00.000Z", observations: [{ indicator: "x" }] })],
  ])("%s: located, saying what to do", (_, content) => {
    place(content);
    const error = errorOf(read);
    expect(error.id).toBe("changes.recordDamaged");
    expect(error.location).toEqual({ file: RECORD });
    expect(error.hint).toContain("npm run report");
  });

  it("none at all is no record, not an error", () => {
    expect(read()).toBeUndefined();
  });

  it("npm run changes says it in one located Norwegian line and exits 1", () => {
    const project = scratchProject();
    try {
      mkdirSync(join(project, RECORD), { recursive: true });
      const result = cli(project, "changes", ["2025"]);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^feil: output\/2025\/kostra-analyse-2025\.build-record\.json: der byggeposten \(build-record\.json\) skal ligge, er det en mappe/);
      expect(result.stderr).not.toContain("intern feil");
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
