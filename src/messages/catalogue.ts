/**
 * The message catalogue: every user-facing text, one area per file, in
 * Norwegian bokmål. `msg.config.duplicateChapter("x")` makes a Message with
 * the id "config.duplicateChapter". Add an area by adding its file here.
 */
import { common } from "./common.js";
import { narrative } from "./narrative.js";

export const msg = {
  common,
  narrative,
} as const;

export type Catalogue = typeof msg;
