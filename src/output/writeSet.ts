import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { onInterrupt } from "./interrupt.js";
import { outputError } from "./outputErrors.js";

export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** One target of the set: a file, or a folder (web/) whose files are all written anew. */
interface Staged {
  readonly target: string;
  readonly temporary: string;
  readonly previous: string;
  hadPrevious: boolean;
  committed: boolean;
}

/**
 * Writes a set of files (the PDF, Word and HTML of one build, the web
 * edition's folder) so that readers see either the whole new set or the
 * whole previous one:
 * 1. every file is written under a temporary name beside its target; a file
 *    in a subfolder of the set's folder (web/index.html) is written into a
 *    temporary copy of that whole subfolder (.web.<pid>.tmp/index.html);
 * 2. each existing target (file or subfolder) is moved aside and the new one
 *    renamed in;
 * 3. only when all are in place are the previous ones deleted.
 * If any step fails, the targets already replaced get their previous file or
 * folder back and the temporary ones are removed. A subfolder is replaced as
 * a whole: a page a previous build wrote and this one does not is gone.
 *
 * The set's folder is the one its shallowest file lies in (output/<year>/,
 * where the build record always is).
 */
export function writeFileSet(files: readonly OutputFile[], root: string): void {
  const display = (path: string) => relative(root, path) || path;
  const base = setFolder(files);
  const staged: Staged[] = [];
  const folders = new Map<string, Staged>();
  const undo = () => {
    for (const entry of [...staged].reverse()) {
      if (entry.committed) {
        if (entry.hadPrevious) {
          rmSync(entry.target, { recursive: true, force: true });
          renameSync(entry.previous, entry.target);
        } else rmSync(entry.target, { recursive: true, force: true });
      }
      rmSync(entry.temporary, { recursive: true, force: true });
    }
  };
  const stage = (target: string): Staged => {
    const entry = { target, temporary: join(dirname(target), `.${basename(target)}.${process.pid}.tmp`), previous: join(dirname(target), `.${basename(target)}.${process.pid}.previous`), hadPrevious: false, committed: false };
    staged.push(entry);
    return entry;
  };
  const forget = onInterrupt(undo);
  try {
    for (const { path, content } of files) {
      const folder = subfolderOf(base, path);
      let temporary: string;
      if (folder === undefined) temporary = stage(path).temporary;
      else {
        const entry = folders.get(folder) ?? stage(folder);
        folders.set(folder, entry);
        temporary = join(entry.temporary, relative(folder, path));
      }
      try {
        mkdirSync(dirname(temporary), { recursive: true });
        writeFileSync(temporary, content);
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
  for (const entry of staged) if (entry.hadPrevious) rmSync(entry.previous, { recursive: true, force: true });
}

/** The folder of the set's shallowest file: output/<year>/. */
function setFolder(files: readonly OutputFile[]): string | undefined {
  const folders = files.map((file) => dirname(file.path));
  return folders.sort((a, b) => a.split(sep).length - b.split(sep).length)[0];
}

/** `output/2025/web` for `output/2025/web/kapittel/a.html`; undefined for a file of the set's own folder. */
function subfolderOf(base: string | undefined, path: string): string | undefined {
  if (base === undefined) return undefined;
  const inner = relative(base, path);
  const first = inner.split(sep)[0]!;
  if (first === inner || first === ".." || first === "") return undefined;
  return join(base, first);
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
