import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { selfSignedCertificate } from "../distribute/mailProject.js";
import { scratchProject } from "./project.js";
import { tempFolder } from "./temp.js";
import setupTempRoot from "./tempRoot.js";

describe("temp folders remove themselves", () => {
  let inTest = "";
  let inFailedTest = "";
  let inBeforeEach = "";
  let inBeforeAll = "";
  let project = "";
  let tls = { caFile: "" };

  beforeAll(() => {
    inBeforeAll = tempFolder("kostra-temp-test-");
  });
  beforeEach(() => {
    inBeforeEach = tempFolder("kostra-temp-test-");
  });

  it("made in a test (and its beforeEach), a folder lives while the test runs", () => {
    inTest = tempFolder("kostra-temp-test-");
    writeFileSync(join(inTest, "file.txt"), "x");
    project = scratchProject();
    tls = selfSignedCertificate();
    expect(existsSync(inTest) && existsSync(inBeforeEach) && existsSync(join(project, "data"))).toBe(true);
    // The TLS private key is on no disk even while the test runs; only the certificate is.
    expect(readdirSync(join(tls.caFile, ".."))).toEqual(["cert.pem"]);
  });

  it("... and is gone when that test has ended", () => {
    expect([inTest, project, join(tls.caFile, "..")].filter((dir) => existsSync(dir))).toEqual([]);
  });

  it.fails("a test that fails ...", () => {
    inFailedTest = tempFolder("kostra-temp-test-");
    throw new Error("this test fails on purpose");
  });

  it("... has its folders removed all the same", () => {
    expect(inFailedTest).not.toBe("");
    expect(existsSync(inFailedTest)).toBe(false);
  });

  it("made in a beforeAll, a folder lives until the file's tests are done (then the file's afterAll removes it)", () => {
    expect(existsSync(inBeforeAll)).toBe(true);
  });

  it("folders go in the run's own temp dir, which the run checks empty at its end", () => {
    expect(tmpdir()).toMatch(/kostra-test-[^/]+$/);
    expect(inTest.startsWith(tmpdir())).toBe(true);
  });
});

describe("the run's temp dir (global setup)", () => {
  it("left empty, it is removed without complaint; TMPDIR is what it was", () => {
    const before = process.env.TMPDIR;
    const teardown = setupTempRoot();
    const root = tmpdir();
    expect(root).not.toBe(before);
    mkdirSync(join(root, "tsx-0"));
    teardown();
    expect(process.env.TMPDIR).toBe(before);
    expect(existsSync(root)).toBe(false);
  });

  it("anything left in it fails the run, listed by name, and is removed all the same", () => {
    const teardown = setupTempRoot();
    const root = tmpdir();
    mkdirSync(join(root, "kostra-abc123"));
    writeFileSync(join(root, "kostra-abc123", "key.pem"), "secret");
    mkdirSync(join(root, "lo-profile-x"));
    expect(teardown).toThrow(/^testene etterlot 2 mapper eller filer i temp-mappen .*\n {2}kostra-abc123\n {2}lo-profile-x\nLag temp-mapper med tempFolder\(\)/);
    expect(existsSync(root)).toBe(false);
  });
});
