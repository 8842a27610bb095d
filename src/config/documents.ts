import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { ReportError, suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { readTextFile } from "../data/readText.js";

/**
 * Which documents a year has, and where each one's definition and
 * commentary are. The year's own `data/<year>/report.yaml` is its default
 * document (named by its `document:` key, "kostra-analyse" when it has
 * none, commentary in `data/<year>/commentary/`); every sub-folder with a
 * `report.yaml` is another document of the same year, sharing the year's
 * data (`data/<year>/arsrapport/report.yaml`, commentary in
 * `data/<year>/arsrapport/commentary/`). A document is data, commentary and
 * templates: adding one needs no code.
 */
export interface DocumentSource {
  readonly name: string;
  readonly definitionPath: string;
  readonly commentaryDir: string;
}

export const DEFAULT_DOCUMENT = "kostra-analyse";

export function documentsOfYear(dataDir: string, year: number, root: string): DocumentSource[] {
  const yearDir = join(dataDir, String(year));
  const documents: DocumentSource[] = [];
  const main = join(yearDir, "report.yaml");
  if (existsSync(main)) documents.push({ name: declaredName(main, root) ?? DEFAULT_DOCUMENT, definitionPath: main, commentaryDir: join(yearDir, "commentary") });
  if (existsSync(yearDir)) {
    for (const entry of readdirSync(yearDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const definitionPath = join(yearDir, entry.name, "report.yaml");
      if (!entry.isDirectory() || entry.name.startsWith(".") || !existsSync(definitionPath)) continue;
      const name = declaredName(definitionPath, root) ?? entry.name;
      const earlier = documents.find((d) => d.name === name);
      if (earlier) {
        throw new ReportError(msg.config.twoDocumentsOneName(year, name, relative(root, earlier.definitionPath)), { location: { file: relative(root, definitionPath) } });
      }
      documents.push({ name, definitionPath, commentaryDir: join(yearDir, entry.name, "commentary") });
    }
  }
  return documents;
}

/** The document to build: the one named, or the year's default. */
export function resolveDocument(dataDir: string, year: number, root: string, name: string | undefined): DocumentSource {
  const documents = documentsOfYear(dataDir, year, root);
  if (documents.length === 0) {
    // Not "make the year with new-year" when the project folder itself is wrong (a --root that does not exist).
    if (!isDirectory(root)) throw new ReportError(msg.config.rootMissing(root));
    if (!isDirectory(dataDir)) throw new ReportError(msg.config.dataDirMissing(root), { location: { file: relative(root, dataDir) || dataDir } });
    throw new ReportError(msg.config.yearHasNoDocument(year), { location: { file: relative(root, join(dataDir, String(year), "report.yaml")) } });
  }
  if (name === undefined) return documents[0]!;
  const found = documents.find((d) => d.name === name);
  if (found) return found;
  const names = documents.map((d) => d.name);
  throw new ReportError(msg.config.noSuchDocument(year, name, names, suggest(name, names)));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The `document:` key, read without validating the rest (that is loadDefinition's job). */
function declaredName(path: string, root: string): string | undefined {
  try {
    const value: unknown = parse(readTextFile(path, relative(root, path)));
    const name = typeof value === "object" && value !== null ? (value as Record<string, unknown>).document : undefined;
    return typeof name === "string" && name ? name : undefined;
  } catch {
    return undefined; // a broken file is reported, with its line, when it is loaded
  }
}
