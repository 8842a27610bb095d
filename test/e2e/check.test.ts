import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { replaceInFile } from "../helpers/edit.js";
import { REPO, scratchProject } from "../helpers/project.js";

function check(args: readonly string[]) {
  const result = spawnSync("npm", ["run", "--silent", "check", "--", ...args], { cwd: REPO, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run check -- 2025", () => {
  it("reports the seed's real defects as warnings, linter style, and exits 0", () => {
    const result = check(["2025"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines.slice(0, -1).every((l) => /^data\/2025\/[\w/.-]+:\d+:\d+: (feil|advarsel): /.test(l))).toBe(true);
    expect(result.stdout).toContain("114,8\u00a0% i 2024");
    expect(lines.at(-1)).toMatch(/^kontroll: 0 feil, \d+ advarsler på \d+ ms$/);
  });

  it("exits 1 with file:line:column for a typo in a commentary expression", () => {
    const root = scratchProject();
    replaceInFile(root, "data/2025/commentary/grunnskole/08-sfo.md", '"sfo-antall-barn"', '"sfo-antal-barn"');
    const result = check(["2025", "--root", root]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^data\/2025\/commentary\/grunnskole\/08-sfo\.md:6:\d+: feil: ukjent indikator «sfo-antal-barn» \(mente du «sfo-antall-barn»\?\)$/m);
  });
});
