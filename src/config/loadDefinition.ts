import { existsSync } from "node:fs";
import { readTextFile } from "../data/readText.js";
import { LineCounter, parseDocument, isNode } from "yaml";
import { ReportError, didYouMean, type SourceLocation } from "../errors.js";
import { definitionSchema, type ReportDefinition } from "./definitionSchema.js";
import type { Dataset } from "../data/dataset.js";

/** Reads and validates `data/<year>/report.yaml`; every problem names its line. */
export function loadDefinition(file: string, displayPath: string): ReportDefinition {
  if (!existsSync(file)) {
    throw new ReportError("report definition is missing", {
      location: { file: displayPath },
      hint: "copy last year's report.yaml into the new year's folder and change years and title",
    });
  }
  const lineCounter = new LineCounter();
  // Not `prettyErrors: false`: the pretty errors are the ones that carry line and column.
  const doc = parseDocument(readTextFile(file, displayPath), { lineCounter });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0] ?? lineCounter.linePos(yamlError.pos[0]);
    throw new ReportError(`YAML syntax error: ${yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`, {
      location: { file: displayPath, line: pos.line, column: pos.col },
      hint: "check the indentation (spaces, not tabs) and put quotes around text that contains a colon",
    });
  }
  const result = definitionSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = doc.getIn(issue.path, true);
    const offset = isNode(node) && node.range ? node.range[0] : undefined;
    const pos = offset !== undefined ? lineCounter.linePos(offset) : undefined;
    const location: SourceLocation = { file: displayPath, ...(pos ? { line: pos.line, column: pos.col } : {}) };
    throw new ReportError(`${issue.message} at ${issue.path.join(".") || "top level"}`, { location });
  }
  const definition = attachLines(result.data, doc, lineCounter, displayPath);
  rejectDuplicateIds(definition, displayPath);
  return definition;
}

/** Two chapters, or two sections of a chapter, with one id would share one commentary file and one anchor. */
function rejectDuplicateIds(definition: ReportDefinition, file: string): void {
  const chapters = new Set<string>();
  for (const chapter of definition.chapters) {
    if (chapters.has(chapter.id)) {
      throw new ReportError(`duplicate chapter id "${chapter.id}"`, { location: lines.get(chapter) ?? { file }, hint: "each chapter needs its own id" });
    }
    chapters.add(chapter.id);
    const sections = new Set<string>();
    for (const section of chapter.sections) {
      if (sections.has(section.id)) {
        throw new ReportError(`duplicate section id "${section.id}" in chapter "${chapter.id}"`, {
          location: lines.get(section) ?? { file },
          hint: "each section of a chapter needs its own id: its commentary file names it in the front matter",
        });
      }
      sections.add(section.id);
    }
  }
}

/** Line of every chapter, section and exhibit, so later cross-checks can point at it. */
const lines = new WeakMap<object, SourceLocation>();

export function locationOf(exhibit: object): SourceLocation | undefined {
  return lines.get(exhibit);
}

export function sectionLocation(section: object): SourceLocation | undefined {
  return lines.get(section);
}

/** Where the definition's `title:` stands. */
export function titleLocation(definition: ReportDefinition): SourceLocation | undefined {
  return lines.get(definition);
}

function attachLines(
  definition: ReportDefinition,
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  file: string,
): ReportDefinition {
  const remember = (target: object, path: readonly (string | number)[]) => {
    const node = doc.getIn(path, true);
    const offset = isNode(node) && node.range ? node.range[0] : undefined;
    if (offset === undefined) return;
    const pos = lineCounter.linePos(offset);
    lines.set(target, { file, line: pos.line, column: pos.col });
  };
  remember(definition, ["title"]);
  definition.chapters.forEach((chapter, c) => {
    remember(chapter, ["chapters", c]);
    chapter.sections.forEach((section, s) => {
      remember(section, ["chapters", c, "sections", s]);
      section.exhibits.forEach((exhibit, e) => remember(exhibit, ["chapters", c, "sections", s, "exhibits", e]));
    });
  });
  return definition;
}

/**
 * Every id the definition names must exist in the data. Missing values are
 * not decided here: the completeness check lists all of them at once.
 */
export function checkDefinitionAgainstData(definition: ReportDefinition, data: Dataset, file: string): void {
  const fail = (message: string, at: object | undefined, hint?: string): never => {
    throw new ReportError(message, {
      location: (at && locationOf(at)) ?? { file },
      ...(hint ? { hint } : {}),
    });
  };
  const region = (id: string, at?: object) => {
    if (!data.regions.has(id)) fail(`unknown region "${id}"`, at, didYouMean(id, data.regions.keys()) ?? "regions are listed in data/regions.csv");
  };
  const indicator = (id: string, at: object) => {
    if (!data.indicators.has(id))
      fail(`unknown indicator "${id}"`, at, didYouMean(id, data.indicators.keys()) ?? "indicators are listed in data/indicators.csv");
  };
  region(definition.municipality);
  region(definition.average);
  definition.regions.forEach((r) => region(r));

  const ids = new Set<string>();
  for (const chapter of definition.chapters) {
    for (const section of chapter.sections) {
      for (const exhibit of section.exhibits) {
        if (ids.has(exhibit.id)) fail(`duplicate exhibit id "${exhibit.id}"`, exhibit, "each exhibit id must be unique in the report");
        ids.add(exhibit.id);
        switch (exhibit.kind) {
          case "comparison":
            indicator(exhibit.indicator, exhibit);
            break;
          case "keyfigures":
            exhibit.indicators.forEach((i) => indicator(i, exhibit));
            if (exhibit.region) region(exhibit.region, exhibit);
            break;
          case "breakdown":
          case "profile":
          case "components":
            exhibit.indicators.forEach((i) => indicator(i, exhibit));
            if (exhibit.kind === "breakdown" && exhibit.region) region(exhibit.region, exhibit);
            break;
          case "matrix":
            exhibit.indicators.forEach((i) => indicator(i, exhibit));
            exhibit.regions.forEach((r) => region(r, exhibit));
            break;
          case "efficiency":
            indicator(exhibit.production, exhibit);
            indicator(exhibit.cost, exhibit);
            indicator(exhibit.efficiency, exhibit);
            break;
          case "weights":
            break;
        }
      }
    }
  }
}
