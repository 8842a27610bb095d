import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

/** The report year from the positional arguments: four digits, e.g. 2025. */
export function yearArgument(positionals: readonly string[], command: string): number {
  const text = positionals[0];
  if (text === undefined) throw new ReportError(msg.cli.whichYear(`npm run ${command} -- 2025`));
  if (!/^\d{4}$/.test(text)) throw new ReportError(msg.cli.notAYear(text, `npm run ${command} -- 2025`));
  return Number(text);
}

/** The newest report year that has a folder under data/. */
export function latestYear(root: string): number {
  const years = readdirSync(join(root, "data"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name))
    .map((entry) => Number(entry.name));
  if (years.length === 0) throw new ReportError(msg.cli.noYearFolder());
  return Math.max(...years);
}
