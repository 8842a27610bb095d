import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDocument } from "../../src/config/documents.js";
import { errorOf } from "../helpers/errors.js";
import { REPO } from "../helpers/project.js";

describe("a --root that is not a project folder", () => {
  it("says the folder does not exist, not that the year's definition is missing", () => {
    const root = join(tmpdir(), "kostra-finnes-ikke-root");
    const error = errorOf(() => resolveDocument(join(root, "data"), 2025, root, undefined));
    expect(error.id).toBe("config.rootMissing");
    expect(error.format()).toBe(`prosjektmappen «${root}» finnes ikke (sjekk stien etter --root: den skal være mappen som har data/, templates/ og output/)`);
  });

  it("a folder without data/ says so", () => {
    const root = mkdtempSync(join(tmpdir(), "kostra-tom-root-"));
    try {
      const error = errorOf(() => resolveDocument(join(root, "data"), 2025, root, undefined));
      expect(error.id).toBe("config.dataDirMissing");
      expect(error.format()).not.toMatch(/new-year/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("npm run check -- 2025 --root /finnes-ikke prints it as a finding and exits 1", () => {
    const result = spawnSync("npm", ["run", "--silent", "kostra", "--", "check", "2025", "--root", "/kostra-finnes-ikke"], { cwd: REPO, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/prosjektmappen «\/kostra-finnes-ikke» finnes ikke/);
    expect(result.stdout + result.stderr).not.toMatch(/new-year|rapportdefinisjonen/);
  });
});
