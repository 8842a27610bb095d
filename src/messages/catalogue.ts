/**
 * The message catalogue: every user-facing text, one area per file, in
 * Norwegian bokmål. `msg.config.duplicateChapter("x")` makes a Message with
 * the id "config.duplicateChapter". Add an area by adding its file here.
 */
import { build } from "./build.js";
import { common } from "./common.js";
import { render } from "./render.js";

export const msg = {
  common,
  build,
  render,
} as const;

export type Catalogue = typeof msg;
