import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ProjectPaths } from "../pipeline.js";

/**
 * The files a year's report is made from: data/<year>/**, data/regions.csv,
 * data/indicators.csv and templates/** except templates/mail/ (the e-mail is
 * not part of the report). Other years' data and the distribution list are not.
 */
export function reportInputs(paths: ProjectPaths, year: number): string[] {
  const mailTemplates = join(paths.templateDir, "mail");
  return [
    ...filesUnder(join(paths.dataDir, String(year))),
    join(paths.dataDir, "regions.csv"),
    join(paths.dataDir, "indicators.csv"),
    ...filesUnder(paths.templateDir, mailTemplates),
  ].filter((file) => existsSync(file));
}

function filesUnder(dir: string, except?: string): string[] {
  if (!existsSync(dir) || dir === except) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path, except) : [path];
  });
}
