import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explainFileError, withFileErrors } from "../../src/import/fileErrors.js";
import { errorOf } from "../helpers/errors.js";

describe("a file the import may not write", () => {
  it("is said in Norwegian words, without the system's code (EACCES), which stays in the cause", () => {
    for (const code of ["EACCES", "EPERM"]) {
      const cause = Object.assign(new Error(`${code}: permission denied, open 'data/2025/observations.csv'`), { code });
      const error = explainFileError(cause, "data/2025/observations.csv", "skriv")!;
      expect(error.format()).toBe("data/2025/observations.csv: har ikke tilgang til å skrive filen (sjekk rettighetene til filen og mappen)");
      expect(error.cause).toBe(cause);
    }
    const readOnly = explainFileError(Object.assign(new Error("EROFS"), { code: "EROFS" }), "data/2025/observations.csv", "skriv")!;
    expect(readOnly.format()).not.toMatch(/EROFS/);
    expect(readOnly.format()).toMatch(/skrivebeskyttet/);
  });

  it("a real folder without write access (when not run as root, who may write anyway)", () => {
    const dir = mkdtempSync(join(tmpdir(), "kostra-readonly-"));
    try {
      chmodSync(dir, 0o500);
      let threw = false;
      try {
        writeFileSync(join(dir, "probe"), "x");
      } catch {
        threw = true;
      }
      if (!threw) return; // root: permissions are not enforced
      const error = errorOf(() => withFileErrors("data/2025/observations.csv", "skriv", () => writeFileSync(join(dir, "observations.csv"), "x")));
      expect(error.format()).toMatch(/^data\/2025\/observations\.csv: har ikke tilgang til å skrive filen/);
      expect(error.format()).not.toMatch(/EACCES|EPERM/);
    } finally {
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
