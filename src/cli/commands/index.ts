import type { Command } from "../command.js";
import { changesCommand } from "./changes.js";
import { checkCommand } from "./check.js";
import { distributeCommand } from "./distribute.js";
import { draftCommand } from "./draft.js";
import { fetchCommand } from "./fetch.js";
import { importCommand } from "./import.js";
import { newYearCommand } from "./newYear.js";
import { previewCommand } from "./preview.js";
import { reportCommand } from "./report.js";

/** Every command of the tool, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [reportCommand, checkCommand, previewCommand, distributeCommand, importCommand, fetchCommand, changesCommand, newYearCommand, draftCommand];
