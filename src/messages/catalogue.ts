/**
 * The message catalogue: every user-facing text, one area per file, in
 * Norwegian bokmål. `msg.config.duplicateChapter("x")` makes a Message with
 * the id "config.duplicateChapter". Add an area by adding its file here.
 */
import { build } from "./build.js";
import { changes } from "./changes.js";
import { check } from "./check.js";
import { claims } from "./claims.js";
import { cli } from "./cli.js";
import { common } from "./common.js";
import { config } from "./config.js";
import { data } from "./data.js";
import { distribute } from "./distribute.js";
import { importing } from "./importing.js";
import { lists } from "./lists.js";
import { locking } from "./locking.js";
import { model } from "./model.js";
import { narrative } from "./narrative.js";
import { newYear } from "./newYear.js";
import { preview } from "./preview.js";
import { render } from "./render.js";
import { templates } from "./templates.js";
import { web } from "./web.js";
import { zodIssue } from "./zodIssues.js";

export const msg = {
  build,
  changes,
  check,
  claims,
  cli,
  common,
  config,
  data,
  distribute,
  importing,
  lists,
  locking,
  model,
  narrative,
  newYear,
  preview,
  render,
  templates,
  web,
  zodIssue,
} as const;

export type Catalogue = typeof msg;
