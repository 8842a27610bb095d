/**
 * The message catalogue: every user-facing text, one area per file, in
 * Norwegian bokmål. `msg.config.duplicateChapter("x")` makes a Message with
 * the id "config.duplicateChapter". Add an area by adding its file here.
 */
import { changes } from "./changes.js";
import { check } from "./check.js";
import { cli } from "./cli.js";
import { common } from "./common.js";
import { narrative } from "./narrative.js";
import { newYear } from "./newYear.js";

export const msg = {
  changes,
  check,
  cli,
  common,
  narrative,
  newYear,
} as const;

export type Catalogue = typeof msg;
