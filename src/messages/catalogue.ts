/**
 * The message catalogue: every user-facing text, one area per file, in
 * Norwegian bokmål. `msg.config.duplicateChapter("x")` makes a Message with
 * the id "config.duplicateChapter". Add an area by adding its file here.
 */
import { build } from "./build.js";
import { common } from "./common.js";
import { importing } from "./importing.js";
import { locking } from "./locking.js";
import { lists } from "./lists.js";
import { distribute } from "./distribute.js";
import { preview } from "./preview.js";
import { templates } from "./templates.js";
import { config } from "./config.js";
import { data } from "./data.js";
import { model } from "./model.js";
import { zodIssue } from "./zodIssues.js";
import { render } from "./render.js";
import { web } from "./web.js";

export const msg = {
  common,
  importing,
  locking,
  lists,
  distribute,
  preview,
  templates,
  config,
  data,
  model,
  zodIssue,
  build,
  render,
  web,
} as const;

export type Catalogue = typeof msg;
