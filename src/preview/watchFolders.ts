import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher } from "node:fs";
import { join, sep } from "node:path";
import { errorCode } from "./errorCode.js";

/**
 * Watches folder trees one folder at a time, never the files in them.
 *
 * Many editors save by writing a temp file and renaming it over the original
 * ("atomic save"). A watch that follows the file's inode (what Node 20's
 * recursive `fs.watch` does on Linux) loses the file after the first such
 * save. A folder's watch sees every name that appears, changes or goes in it,
 * whichever inode it has. Folders created later are watched as they appear;
 * folders removed or renamed away are let go.
 *
 * Events are gathered until `debounceMs` has passed without one, then handed
 * to `onChange` as one batch of paths: a save (several events) is one batch.
 * Files editors keep beside the one they edit (lock files, swap files, temp
 * files, backups) are not reported.
 */

export interface WatchFoldersOptions {
  /** Quiet time before a batch is reported; one save is several events. */
  readonly debounceMs?: number;
  /** A folder found while running that could not be watched (one that has just gone is not an error). */
  readonly onError?: (error: Error) => void;
}

export interface FolderWatcher {
  /** The folders watched now, absolute. */
  folders(): readonly string[];
  close(): void;
}

export const DEFAULT_DEBOUNCE_MS = 50;

/** Names editors write beside the file being edited; none of them is part of the report. */
const EDITOR_FILES: readonly RegExp[] = [
  /^\.#/, // Emacs lock file (a symlink, usually dangling)
  /^#.*#$/, // Emacs auto-save
  /~$/, // backups (Emacs, vim, nano)
  /\.sw[a-z]$/, // vim swap files (.swp, .swo …, .swx)
  /\.tmp$/i, // temp file an atomic save renames over the original
  /^4913$/, // vim's "can I write here?" probe
  /___jb_(tmp|old)___$/, // JetBrains safe write
  /^\.goutputstream-/, // GNOME (gedit) atomic save
];

export function isEditorFile(name: string): boolean {
  return EDITOR_FILES.some((pattern) => pattern.test(name));
}

/** Hidden folders (.git, .cache …) are not part of the report either. */
function isWatchedFolderName(name: string): boolean {
  return !name.startsWith(".");
}

/** Folders that vanish while we look at them: not an error, they are just gone. */
const GONE = new Set(["ENOENT", "ENOTDIR"]);

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (GONE.has(errorCode(error) ?? "")) return [];
    throw error;
  }
}

function isDirectory(path: string): boolean {
  try {
    // lstat: a symlink (an Emacs lock file pointing nowhere) is never followed.
    return lstatSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

export function watchFolders(
  roots: readonly string[],
  onChange: (changed: ReadonlySet<string>) => void,
  options: WatchFoldersOptions = {},
): FolderWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const onError = options.onError ?? (() => {});
  const watchers = new Map<string, FSWatcher>();
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    const batch = changed;
    changed = new Set();
    if (!closed && batch.size > 0) onChange(batch);
  };

  const note = (path: string): void => {
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  /** Lets go of a folder and every folder under it. */
  const unwatch = (dir: string): void => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(dir + sep)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  const onEvent = (dir: string, name: string | null): void => {
    if (closed) return;
    // A watched folder that is removed or renamed reports that to itself too,
    // under its own name; its parent reports it properly, so just let go.
    if (!isDirectory(dir)) return unwatch(dir);
    if (name === null) return note(dir);
    const path = join(dir, name);
    if (isDirectory(path)) {
      if (watchers.has(path) || !isWatchedFolderName(name)) return;
      watchTree(path, false);
      return note(path);
    }
    if (watchers.has(path)) unwatch(path);
    if (!isEditorFile(name)) note(path);
  };

  function watchTree(dir: string, isRoot: boolean): void {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (_event, name) => onEvent(dir, name));
    } catch (error) {
      if (isRoot) throw error;
      if (!GONE.has(errorCode(error) ?? "") && error instanceof Error) onError(error);
      return;
    }
    watcher.on("error", (error) => {
      unwatch(dir);
      if (!GONE.has(errorCode(error) ?? "")) onError(error);
    });
    watchers.set(dir, watcher);
    for (const entry of entries(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && isWatchedFolderName(entry.name) && !watchers.has(path)) watchTree(path, false);
    }
  }

  try {
    for (const root of roots) watchTree(root, true);
  } catch (error) {
    for (const watcher of watchers.values()) watcher.close();
    throw error;
  }

  return {
    folders: () => [...watchers.keys()].sort(),
    close: () => {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
