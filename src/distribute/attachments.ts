import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { outputName, type ProjectPaths } from "../pipeline.js";
import { ATTACHABLE, type Attachable, type Recipient } from "./recipients.js";
import { reportInputs } from "./reportInputs.js";

export interface Attachment {
  readonly format: Attachable;
  readonly path: string;
  readonly name: string;
  /** The file's bytes, read once: what every message attaches and what `hash` is the hash of. */
  readonly content: Buffer;
  readonly size: number;
  readonly hash: string;
}

export const MIME: Readonly<Record<Attachable, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * The year's generated files in the formats the list asks for, each read
 * once: a file replaced during the run changes nothing, since every message
 * attaches the bytes read here and the sent-log records their hash. Refused
 * when none exists, when a format someone on the list asked for is missing,
 * or when a file is older than an input of that year's report (reportInputs):
 * it would send stale figures.
 */
export function findAttachments(paths: ProjectPaths, year: number, recipients: readonly Recipient[], document?: string): Attachment[] {
  const outputDir = join(paths.outputDir, String(year));
  const base = outputName(paths, year, document);
  const files = ATTACHABLE.map((format) => {
    const name = `${base}.${format}`;
    return { format, name, path: join(outputDir, name) };
  });
  if (!files.some((f) => existsSync(f.path))) throw new ReportError(msg.distribute.noReportFiles(year, relative(paths.root, outputDir)));
  const wanted = files.filter((f) => recipients.some((r) => r.formats.includes(f.format)));
  for (const f of wanted) {
    if (existsSync(f.path)) continue;
    const asking = recipients.filter((r) => r.formats.includes(f.format));
    throw new ReportError(msg.distribute.reportFileMissing(relative(paths.root, f.path), f.format, asking.length, asking[0]!.address, year));
  }
  const newest = newestOf(reportInputs(paths, year));
  return wanted.map((f) => {
    const { content, mtimeMs } = readOnce(f.path);
    if (newest && mtimeMs < newest.mtimeMs) {
      throw new ReportError(msg.distribute.staleReportFile(relative(paths.root, f.path), relative(paths.root, newest.path), year));
    }
    return { ...f, content, size: content.length, hash: createHash("sha256").update(content).digest("hex") };
  });
}

/** The bytes and the time of one and the same file, even if it is replaced meanwhile. */
function readOnce(path: string): { content: Buffer; mtimeMs: number } {
  const fd = openSync(path, "r");
  try {
    return { mtimeMs: fstatSync(fd).mtimeMs, content: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

function newestOf(files: readonly string[]): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  for (const path of files) {
    const { mtimeMs } = statSync(path);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  }
  return newest;
}
