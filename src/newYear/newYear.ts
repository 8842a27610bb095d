import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { documentsOfYear } from "../config/documents.js";
import { loadDefinition } from "../config/loadDefinition.js";
import { isMap, isScalar, isSeq, parseDocument, visit, type Document } from "yaml";
import { loadDataset } from "../data/dataset.js";
import { observationsCsv } from "../data/writeObservations.js";
import { readTextFile } from "../data/readText.js";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

export interface NewYearResult {
  readonly from: number;
  readonly copied: number;
  readonly dropped: number;
  readonly dir: string;
  readonly documents: number;
}

/**
 * `npm run new-year -- 2026`: data/2026/ from data/2025/. The definition
 * moves every year on by one (years, the years of single exhibits, the year
 * in the title), the commentary is copied for the editors to update, and the
 * observations of the years both reports show are copied with their
 * provenance. The new folder appears whole or not at all.
 */
export function createNewYear(root: string, year: number): NewYearResult {
  const dataDir = join(root, "data");
  const from = year - 1;
  const source = join(dataDir, String(from));
  const target = join(dataDir, String(year));
  const display = (path: string) => relative(root, path);
  if (existsSync(target)) throw new ReportError(msg.newYear.targetExists(display(target)));
  if (!existsSync(join(source, "report.yaml"))) throw new ReportError(msg.newYear.noPreviousReport(from), { location: { file: display(join(source, "report.yaml")) } });
  // Every document of the year moves on (the KOSTRA analyse and, e.g., the årsrapport beside it);
  // each definition is validated first, so a broken one is reported with its line, not copied.
  const documents = documentsOfYear(dataDir, from, root).map((document) => {
    const definition = loadDefinition(document.definitionPath, display(document.definitionPath));
    const doc = parseDocument(readTextFile(document.definitionPath, display(document.definitionPath)));
    moveYearsOn(doc, from);
    return { folder: relative(source, dirname(document.definitionPath)), commentaryDir: document.commentaryDir, doc, years: definition.years.map((y) => y + 1) };
  });
  const years = documents[0]!.years;

  const staging = join(dataDir, `.${year}.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    for (const document of documents) {
      const dir = join(staging, document.folder);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "report.yaml"), document.doc.toString({ lineWidth: 0 }));
      if (existsSync(document.commentaryDir)) cpSync(document.commentaryDir, join(dir, "commentary"), { recursive: true });
    }
    // The values every document of the new year can show.
    const shown = new Set(documents.flatMap((document) => document.years));
    const data = loadDataset({ root, dataDir, year: from });
    const kept = data.observations.filter((row) => shown.has(row.value.year)).map((row) => row.value);
    writeFileSync(join(staging, "observations.csv"), observationsCsv(kept));
    const weights = data.weights.filter((row) => years.includes(row.value.year) || shown.has(row.value.year));
    if (weights.length) writeFileSync(join(staging, "production-index-weights.csv"), `indicator,year,weight\n${weights.map((w) => `${w.value.indicator},${w.value.year},${w.value.weight}`).join("\n")}\n`);
    renameSync(staging, target);
    return { from, copied: kept.length, dropped: data.observations.length - kept.length, dir: display(target), documents: documents.length };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Every year in the definition one on: `years`, `year:` of exhibits, and the title's year. */
function moveYearsOn(doc: Document, from: number): void {
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (key === "year" && isScalar(pair.value) && typeof pair.value.value === "number") pair.value.value += 1;
      if (key === "years" && isSeq(pair.value)) for (const item of pair.value.items) if (isScalar(item) && typeof item.value === "number") item.value += 1;
      if (key === "title" && isScalar(pair.value) && typeof pair.value.value === "string" && isMap(doc.contents) && doc.contents.items.includes(pair as never)) {
        pair.value.value = pair.value.value.replace(String(from), String(from + 1));
      }
    },
  });
}
