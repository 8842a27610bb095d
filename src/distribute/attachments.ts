import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ReportError } from "../errors.js";
import { outputName, type ProjectPaths } from "../pipeline.js";
import { ATTACHABLE, type Attachable } from "./recipients.js";
import { reportInputs } from "./reportInputs.js";

export interface Attachment {
  readonly format: Attachable;
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly hash: string;
}

export const MIME: Readonly<Record<Attachable, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * The year's generated files, refused when none exists or one is older than
 * an input of that year's report (reportInputs): it would send stale figures.
 */
export function findAttachments(paths: ProjectPaths, year: number, document?: string): Attachment[] {
  const outputDir = join(paths.outputDir, String(year));
  const base = outputName(paths, year, document);
  const found = ATTACHABLE.map((format) => {
    const name = `${base}.${format}`;
    return { format, name, path: join(outputDir, name) };
  }).filter((f) => existsSync(f.path));
  if (found.length === 0) {
    throw new ReportError(`no report files for ${year} in ${relative(paths.root, outputDir)}`, { hint: `run npm run report -- ${year} first` });
  }
  const newest = newestOf(reportInputs(paths, year));
  return found.map((f) => {
    if (newest && statSync(f.path).mtimeMs < newest.mtimeMs) {
      throw new ReportError(`${relative(paths.root, f.path)} is older than ${relative(paths.root, newest.path)}`, {
        hint: `the data or text changed after the report was made; run npm run report -- ${year} first`,
      });
    }
    const content = readFileSync(f.path);
    return { ...f, size: content.length, hash: createHash("sha256").update(content).digest("hex") };
  });
}

function newestOf(files: readonly string[]): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const path of files) {
    const { mtimeMs } = statSync(path);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  }
  return newest;
}
