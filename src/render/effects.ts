import type { ChartCache } from "../charts/chartCache.js";
import type { OutputFile } from "../output/writeSet.js";
import type { StartingBrowser } from "./pdf/printReport.js";

/**
 * Everything a build does to the world besides reading the project, handed
 * in as one object (Observable Framework's BuildEffects), so a test can build
 * into memory or into one temporary folder it owns, with a fixed clock.
 * Only `log` and `now` must be given; the rest default to the real thing
 * (defaultEffects below): files on disk, the wall clock, output/.cache/, the
 * system's Chromium, and a chart cache of the build's own.
 */
export interface BuildEffects {
  readonly log: (line: string) => void;
  /** Milliseconds of a monotonic clock, for the stage timings. */
  readonly now: () => number;
  /** The wall clock: the build record's time, and which cache entries are old. */
  readonly clock?: () => Date;
  /**
   * The build caches (charts/, word-pages/, the pages of the contents):
   * output/.cache/ for a report by default, none for the model alone
   * (buildModel). `false`: none, every build starts cold and writes no cache.
   */
  readonly cacheDir?: string | false;
  /** Where the finished files go: by default onto disk, all or nothing (writeSet.ts). */
  readonly output?: OutputWriter;
  /** Chromium for the PDF: by default the system's, with a profile folder of its own (pdf/browser.ts). */
  readonly startBrowser?: (log: (line: string) => void) => StartingBrowser;
  /** Charts drawn before: by default a cache of the build's own over `cacheDir`/charts. Keep one to share it between builds. */
  readonly charts?: ChartCache;
}

/** Where the files of a build go. */
export interface OutputWriter {
  /** Before a build spends seconds: can the targets in `dir` be written? A located error if not. */
  check(dir: string, targets: readonly string[]): void;
  /** The whole set, all or nothing: on failure the previous files stay. */
  write(files: readonly OutputFile[]): void;
}

/** An OutputWriter into a map from path to content: nothing reaches the disk. */
export function memoryOutput(files: Map<string, string | Uint8Array>): OutputWriter {
  return {
    check: () => {},
    write: (set) => {
      for (const file of set) files.set(file.path, file.content);
    },
  };
}
