/**
 * The message catalogue: every user-facing text, one area per file, in
 * Norwegian bokmål. `msg.config.duplicateChapter("x")` makes a Message with
 * the id "config.duplicateChapter". Add an area by adding its file here.
 */
import { common } from "./common.js";
import { config } from "./config.js";
import { data } from "./data.js";
import { model } from "./model.js";
import { zodIssue } from "./zodIssues.js";

export const msg = {
  common,
  config,
  data,
  model,
  zodIssue,
} as const;

export type Catalogue = typeof msg;
