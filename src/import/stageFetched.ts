/**
 * The fetch command's writes, all or nothing: the downloaded bodies are
 * written to a hidden folder beside data/<year>/ssb, imported from there
 * (under the names they will have), and moved into ssb/ only when the import
 * has succeeded. A failure anywhere (a bad body, a full disk, a refused
 * value) or Ctrl+C leaves ssb/ and observations.csv as they were.
 */
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { msg } from "../messages/catalogue.js";
import { onInterrupt } from "../output/interrupt.js";
import { withFileErrors } from "./fileErrors.js";
import { removeOtherParts, saveBodies, sourceName, type FetchedBody } from "./fetchSsb.js";
import { runImport, type ImportOptions } from "./runImport.js";

export interface StageOptions {
  readonly root: string;
  readonly year: number;
  readonly fetched: readonly { readonly table: string; readonly bodies: readonly FetchedBody[] }[];
  readonly today: string;
  readonly log: (line: string) => void;
  /** The import's write of observations.csv (tests: a failing disk). */
  readonly write?: ImportOptions["write"];
}

export function stageAndImport(options: StageOptions): void {
  const { root, year, fetched, log } = options;
  const outDir = join(root, "data", String(year), "ssb");
  const staging = join(root, "data", String(year), `.ssb-henting-${process.pid}`);
  const finalName = (path: string) => relative(root, join(outDir, basename(path)));
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  const stopCleanUp = onInterrupt(cleanUp);
  try {
    const staged = fetched.flatMap(({ table, bodies }) => saveBodies(table, bodies, staging, finalName));
    runImport({
      root,
      year,
      files: staged.map((path) => ({ path, display: finalName(path) })),
      dryRun: false,
      release: undefined,
      allow: [],
      today: options.today,
      log,
      ...(options.write ? { write: options.write } : {}),
    });
    withFileErrors(relative(root, outDir), "skriv", () => mkdirSync(outDir, { recursive: true }));
    for (const { table, bodies } of fetched) {
      for (const body of bodies) {
        for (const name of [body.name, sourceName(body.name)]) {
          withFileErrors(finalName(name), "skriv", () => renameSync(join(staging, name), join(outDir, name)));
        }
      }
      removeOtherParts(table, new Set(bodies.map((body) => body.name)), outDir);
    }
    for (const { bodies } of fetched) for (const body of bodies) log(msg.importing.saved(finalName(body.name)).text);
  } finally {
    cleanUp();
    stopCleanUp();
  }
}
