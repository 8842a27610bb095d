import type { DocumentModel, FigureModel } from "../types/model.js";
import type { StartingBrowser } from "./pdf/printReport.js";

/**
 * One output format. The orchestrator (src/pipeline.ts) knows none of them
 * by name: it starts every chosen renderer, draws the charts when one of
 * them needs drawings, then lets each finish, and writes what they made.
 *
 * `start` runs before the charts are drawn and returns quickly: it begins
 * what takes long and needs no drawings (Word's worker thread, Chromium's
 * start-up), so that work overlaps with Vega's. `finish` runs once the
 * charts are drawn, and gives the files.
 */
export interface Renderer<F extends string = string> {
  readonly format: F;
  /** What the format says it is, for help texts ("PDF (skrevet ut av Chromium)"). */
  readonly describe: string;
  /** Where its files go, for help texts, when not `output/<år>/<dokument>-<år>.<format>` ("output/<år>/web/"). */
  readonly target?: string;
  /** "drawings": finish reads the charts as SVG (job.drawn()); "figures": the charts' data is enough. */
  readonly needs: "figures" | "drawings";
  /** The file can go out by mail (distribute). */
  readonly attachable: boolean;
  start(job: RenderJob): Promise<RenderTask>;
}

export interface RenderTask {
  finish(): Promise<Rendered>;
  /** The build failed elsewhere: stop at once and free what `start` took. Safe to call at any time. */
  stop(reason: unknown): Promise<void>;
}

export interface Rendered {
  /** Named relative to the output folder of the year: `kostra-analyse-2025.pdf`. The first is the format's main file. */
  readonly files: readonly { readonly name: string; readonly content: string | Uint8Array }[];
  /** Pages, when the format has them settled (the PDF). */
  readonly pages?: number;
  /** The HTML the file was printed from (the PDF), for a format that shows that HTML. */
  readonly printedFrom?: string;
}

/** What a renderer is given: the build's model, its effects and the work other renderers share. */
export interface RenderJob {
  /** `kostra-analyse-2025`: the files' name without extension. */
  readonly name: string;
  readonly figures: FigureModel;
  /** The model with its charts drawn; only for a renderer that `needs` drawings, and only in `finish`. */
  drawn(): DocumentModel;
  readonly templateDir: string;
  readonly root: string;
  /** A file of the build caches (output/.cache/…), or undefined when the build keeps none. */
  cachePath(name: string): string | undefined;
  readonly log: (line: string) => void;
  readonly startBrowser: ((log: (line: string) => void) => StartingBrowser) | undefined;
  /** Timed under a short Norwegian stage name in the build's log. */
  stage<T>(name: string, run: () => T | Promise<T>): Promise<T>;
  /** Work several renderers share (the HTML templates), done once per build under `name`. */
  once<T>(name: string, make: () => Promise<T>): Promise<T>;
  /** What another format of the same build gives, when it is built too: the HTML awaits the PDF's. */
  output(format: string): Promise<Rendered> | undefined;
}
