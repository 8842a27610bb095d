import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { onInterrupt } from "./interrupt.js";
import { outputError } from "./outputErrors.js";

export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/**
 * Writes a set of files (the PDF, Word and HTML of one build) so that
 * readers see either the whole new set or the whole previous one:
 * 1. every file is written under a temporary name beside its target;
 * 2. each existing target is moved aside and the new file renamed in;
 * 3. only when all are in place are the previous files deleted.
 * If any step fails, the targets already replaced get their previous file
 * back and the temporary files are removed.
 */
export function writeFileSet(files: readonly OutputFile[], root: string): void {
  const display = (path: string) => relative(root, path) || path;
  const staged: { target: string; temporary: string; previous: string; hadPrevious: boolean; committed: boolean }[] = [];
  const undo = () => {
    for (const file of [...staged].reverse()) {
      if (file.committed) {
        if (file.hadPrevious) renameSync(file.previous, file.target);
        else rmSync(file.target, { force: true });
      }
      rmSync(file.temporary, { force: true });
    }
  };
  const forget = onInterrupt(undo);
  try {
    for (const { path, content } of files) {
      const name = basename(path);
      const entry = { target: path, temporary: join(dirname(path), `.${name}.${process.pid}.tmp`), previous: join(dirname(path), `.${name}.${process.pid}.previous`), hadPrevious: false, committed: false };
      staged.push(entry);
      try {
        writeFileSync(entry.temporary, content);
      } catch (error) {
        throw outputError(error, display(path));
      }
    }
    for (const entry of staged) {
      try {
        entry.hadPrevious = existsSync(entry.target);
        if (entry.hadPrevious) renameSync(entry.target, entry.previous);
        renameSync(entry.temporary, entry.target);
        entry.committed = true;
      } catch (error) {
        if (entry.hadPrevious && !existsSync(entry.target) && existsSync(entry.previous)) renameSync(entry.previous, entry.target);
        throw outputError(error, display(entry.target));
      }
    }
  } catch (error) {
    undo();
    forget();
    throw error;
  }
  forget();
  for (const entry of staged) if (entry.hadPrevious) rmSync(entry.previous, { force: true });
}

/**
 * Before a build spends seconds printing: the output folder exists or can be
 * made, a file can be created in it, and no target is a folder.
 */
export function checkWritable(dir: string, targets: readonly string[], root: string): void {
  const display = (path: string) => relative(root, path) || path;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw outputError(error, display(dir));
  }
  const probe = join(dir, `.write-test-${process.pid}`);
  try {
    closeSync(openSync(probe, "w"));
  } catch (error) {
    throw outputError(error, display(dir));
  } finally {
    rmSync(probe, { force: true });
  }
  for (const target of targets) {
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
      throw outputError(Object.assign(new Error("is a directory"), { code: "EISDIR" }), display(target));
    }
  }
}
