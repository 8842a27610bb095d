import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileSet } from "../../src/output/writeSet.js";
import { filesUnder } from "./siteHelpers.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kostra-writeset-"));
});
const locked: string[] = [];
const immutable = (path: string, on: boolean) => {
  const result = spawnSync("chattr", [on ? "+i" : "-i", path], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`chattr failed: ${result.stderr}`);
  if (on) locked.push(path);
};
afterEach(() => {
  for (const path of locked.splice(0)) spawnSync("chattr", ["-i", path]);
  rmSync(dir, { recursive: true, force: true });
});

const contents = () => Object.fromEntries(filesUnder(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));

describe("writeFileSet with a subfolder (the web edition's web/)", () => {
  it("writes files into subfolders it makes, and replaces the subfolder as a whole", () => {
    writeFileSet(
      [
        { path: join(dir, "rapport.pdf"), content: "pdf 1" },
        { path: join(dir, "web", "index.html"), content: "forside 1" },
        { path: join(dir, "web", "kapittel", "a.html"), content: "a 1" },
        { path: join(dir, "web", "kapittel", "b.html"), content: "b 1" },
      ],
      dir,
    );
    expect(contents()).toEqual({ "rapport.pdf": "pdf 1", "web/index.html": "forside 1", "web/kapittel/a.html": "a 1", "web/kapittel/b.html": "b 1" });
    writeFileSet(
      [
        { path: join(dir, "rapport.pdf"), content: "pdf 2" },
        { path: join(dir, "web", "index.html"), content: "forside 2" },
        { path: join(dir, "web", "kapittel", "a.html"), content: "a 2" },
      ],
      dir,
    );
    // b.html belonged to the previous site only.
    expect(contents()).toEqual({ "rapport.pdf": "pdf 2", "web/index.html": "forside 2", "web/kapittel/a.html": "a 2" });
    expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("puts the previous subfolder back, whole, when a later file of the set cannot be renamed in", () => {
    writeFileSet(
      [
        { path: join(dir, "rapport.pdf"), content: "pdf 1" },
        { path: join(dir, "web", "index.html"), content: "forside 1" },
        { path: join(dir, "web", "kapittel", "a.html"), content: "a 1" },
      ],
      dir,
    );
    // A locked Word file (ext4's immutable flag: not even root can move it): the set fails after web/ was already swapped in.
    writeFileSync(join(dir, "rapport.docx"), "docx 1");
    immutable(join(dir, "rapport.docx"), true);
    const before = contents();
    expect(() =>
      writeFileSet(
        [
          { path: join(dir, "web", "index.html"), content: "forside 2" },
          { path: join(dir, "web", "kapittel", "c.html"), content: "c 2" },
          { path: join(dir, "rapport.pdf"), content: "pdf 2" },
          { path: join(dir, "rapport.docx"), content: "docx 2" },
        ],
        dir,
      ),
    ).toThrow(/kan ikke skrive rapport\.docx/);
    expect(contents()).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.startsWith("."))).toEqual([]);
    expect(readdirSync(join(dir, "web")).filter((name) => name.startsWith("."))).toEqual([]);
  });
});
