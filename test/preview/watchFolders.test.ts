import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isEditorFile, watchFolders, type FolderWatcher } from "../../src/preview/watchFolders.js";

/**
 * The preview's file watching, on a real folder with the saves editors make.
 * "Exactly one batch per save" is checked without clocks: after the save's
 * batch, a second file is written; the next batch must hold only that file.
 * A save that produced a second batch (or a watcher that loops) would put its
 * own path in there too, since the kernel delivers events in order.
 */

let root: string;
let watcher: FolderWatcher;
let batches: string[][];
let waiting: ((batch: string[]) => void) | undefined;

function nextBatch(): Promise<string[]> {
  const ready = batches.shift();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve) => (waiting = resolve));
}

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "kostra-watch-")));
  mkdirSync(join(root, "data", "2025", "commentary"), { recursive: true });
  mkdirSync(join(root, "templates"));
  writeFileSync(join(root, "data", "2025", "commentary", "08-sfo.md"), "første\n");
  writeFileSync(join(root, "data", "2025", "other.md"), "annen\n");
  batches = [];
  waiting = undefined;
  watcher = watchFolders([join(root, "data"), join(root, "templates")], (changed) => {
    const batch = [...changed].map((path) => relative(root, path)).sort();
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(batch);
    } else batches.push(batch);
  });
});

afterEach(() => {
  watcher.close();
  rmSync(root, { recursive: true, force: true });
});

const SFO = "data/2025/commentary/08-sfo.md";
const OTHER = "data/2025/other.md";

/** Write a temp file beside the original and rename it over it, as many editors save. */
function atomicSave(path: string, text: string, temp = `.${path.split("/").pop()}.tmp`): void {
  const dir = join(root, path, "..");
  writeFileSync(join(dir, temp), text);
  renameSync(join(dir, temp), join(root, path));
}

/** The next batch holds exactly `path`: nothing left over from before. */
async function expectOnly(path: string): Promise<void> {
  expect(await nextBatch()).toEqual([path]);
}

describe("watchFolders", () => {
  it("watches every folder, not the files, hidden folders left out", () => {
    mkdirSync(join(root, "data", ".git"));
    const again = watchFolders([join(root, "data")], () => {});
    expect(again.folders().map((dir) => relative(root, dir))).toEqual(["data", "data/2025", "data/2025/commentary"]);
    again.close();
  });

  it("sees rename-over saves again and again, each as one batch", async () => {
    atomicSave(SFO, "andre\n");
    await expectOnly(SFO);
    writeFileSync(join(root, OTHER), "annen 2\n");
    await expectOnly(OTHER);

    // The file now has a new inode; an inode watch would go deaf here.
    atomicSave(SFO, "tredje\n");
    await expectOnly(SFO);
    writeFileSync(join(root, SFO), "fjerde, skrevet på stedet\n");
    await expectOnly(SFO);
    writeFileSync(join(root, OTHER), "annen 3\n");
    await expectOnly(OTHER);
  });

  it("sees vim's save (rename the original away, write anew, drop the backup) as one batch", async () => {
    const path = join(root, SFO);
    writeFileSync(join(root, "data/2025/commentary/4913"), "");
    unlinkSync(join(root, "data/2025/commentary/4913"));
    renameSync(path, `${path}~`);
    writeFileSync(path, "vim\n");
    unlinkSync(`${path}~`);
    await expectOnly(SFO);
    writeFileSync(join(root, OTHER), "annen\n");
    await expectOnly(OTHER);
  });

  it("is neither crashed nor looped by editor litter: dangling Emacs lock, swap, backup and temp files", async () => {
    const dir = join(root, "data/2025/commentary");
    symlinkSync("redaktor@maskin.12345:1700000000", join(dir, ".#08-sfo.md"));
    writeFileSync(join(dir, ".08-sfo.md.swp"), "swap");
    writeFileSync(join(dir, ".08-sfo.md.swx"), "swap");
    writeFileSync(join(dir, "08-sfo.md~"), "backup");
    writeFileSync(join(dir, "#08-sfo.md#"), "auto-save");
    writeFileSync(join(dir, ".08-sfo.md.tmp"), "temp");
    writeFileSync(join(dir, "08-sfo.md___jb_tmp___"), "temp");
    // None of that is reported: the next batch is the real save only.
    atomicSave(SFO, "emacs\n", ".08-sfo.md.tmp");
    await expectOnly(SFO);

    // The lock goes away when the buffer is saved; the litter is cleaned up. Still quiet.
    for (const name of [".#08-sfo.md", ".08-sfo.md.swp", ".08-sfo.md.swx", "08-sfo.md~", "#08-sfo.md#", "08-sfo.md___jb_tmp___"]) {
      unlinkSync(join(dir, name));
    }
    writeFileSync(join(root, OTHER), "annen\n");
    await expectOnly(OTHER);
  });

  it("watches folders created after start, however deep, and lets go of removed ones", async () => {
    mkdirSync(join(root, "data/2026/commentary/skole"), { recursive: true });
    expect(await nextBatch()).toEqual(["data/2026"]);
    expect(watcher.folders()).toContain(join(root, "data/2026/commentary/skole"));
    writeFileSync(join(root, "data/2026/commentary/skole/01-ny.md"), "ny\n");
    await expectOnly("data/2026/commentary/skole/01-ny.md");

    renameSync(join(root, "data/2026"), join(root, "data/2027"));
    expect(await nextBatch()).toEqual(["data/2026", "data/2027"]);
    expect(watcher.folders().filter((dir) => dir.includes("2026"))).toEqual([]);
    atomicSave("data/2027/commentary/skole/01-ny.md", "flyttet\n");
    await expectOnly("data/2027/commentary/skole/01-ny.md");

    rmSync(join(root, "data/2027"), { recursive: true });
    const removed = await nextBatch();
    expect(removed).toContain("data/2027");
    expect(removed.filter((path) => !path.startsWith("data/2027"))).toEqual([]);
    expect(watcher.folders().map((dir) => relative(root, dir))).toEqual(["data", "data/2025", "data/2025/commentary", "templates"]);
    writeFileSync(join(root, "templates/report.hbs"), "{{title}}\n");
    await expectOnly("templates/report.hbs");
  });

  it("knows editor files from report files", () => {
    for (const name of [".#08-sfo.md", ".08-sfo.md.swp", "08-sfo.md~", "#08-sfo.md#", ".08-sfo.md.tmp", "4913", "report.yaml___jb_old___", ".goutputstream-AB12CD"]) {
      expect(isEditorFile(name), name).toBe(true);
    }
    for (const name of ["08-sfo.md", "observations.csv", "report.yaml", "report.hbs", "2026", "tmp.md"]) {
      expect(isEditorFile(name), name).toBe(false);
    }
  });
});
