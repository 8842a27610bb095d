import { existsSync } from "node:fs";
import { readTextFile } from "../data/readText.js";
import { LineCounter, parseDocument, isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document } from "yaml";
import { ReportError, suggest, type SourceLocation } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { zodIssueMap } from "../messages/zodIssues.js";
import { exhibitNames, exhibitProblems } from "../model/exhibits/registry.js";
import { definitionSchema, type ReportDefinition } from "./definitionSchema.js";
import { mergeKey, unknownAlias, yamlErrorMessage } from "./yamlErrors.js";
import { locationOf, rememberLocation } from "./locations.js";
import type { Dataset } from "../data/dataset.js";

export { locationOf } from "./locations.js";

/** A report definition is chapters › sections › exhibits › lists: far fewer levels than this. */
export const MAX_DEPTH = 64;
/** How many times an alias (`*name`) may be resolved; the yaml package's own guard against alias bombs. */
const MAX_ALIAS_COUNT = 100;

/** Reads and validates `data/<year>/report.yaml`; every problem names its line. */
export function loadDefinition(file: string, displayPath: string): ReportDefinition {
  if (!existsSync(file)) throw new ReportError(msg.config.definitionMissing(), { location: { file: displayPath } });
  const lineCounter = new LineCounter();
  const at = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(offset);
    return { file: displayPath, line: pos.line, column: pos.col };
  };
  // Not `prettyErrors: false`: the pretty errors are the ones that carry line and column.
  const text = readTextFile(file, displayPath);
  const doc = parseYaml(text, lineCounter, displayPath);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = yamlError.linePos?.[0] ?? lineCounter.linePos(yamlError.pos[0]);
    const location = { file: displayPath, line: pos.line, column: pos.col };
    // The parser's own recursion gives out on deep nesting; it reports that as a syntax error.
    if (/call stack/i.test(yamlError.message)) throw new ReportError(msg.config.yamlTooDeep(MAX_DEPTH), { location });
    throw new ReportError(msg.config.yamlSyntax(yamlErrorMessage(yamlError, text)), { location, cause: yamlError });
  }
  rejectDeepNesting(doc, at, displayPath);
  const alias = unknownAlias(doc);
  if (alias) throw new ReportError(msg.config.yamlUnknownAlias(alias.name, alias.closest), { location: alias.node.range ? at(alias.node.range[0]) : { file: displayPath } });
  const merge = mergeKey(doc);
  if (merge) throw new ReportError(msg.config.yamlMergeKey(), { location: merge.range ? at(merge.range[0]) : { file: displayPath } });
  const result = definitionSchema.safeParse(toPlainData(doc, at, displayPath), { errorMap: zodIssueMap });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = doc.getIn(issue.path, true);
    const location = nearestLocation(doc, issue.path, at) ?? { file: displayPath };
    const given = isScalar(node) ? String(node.value) : undefined;
    const close = issue.code === "invalid_union_discriminator" && given !== undefined ? suggest(given, issue.options.map(String)) : undefined;
    throw new ReportError(msg.config.schemaIssue(issue.message, pathWords(issue.path) || msg.config.topLevel().text, close), { location });
  }
  const definition = attachLines(result.data, doc, at);
  rejectDuplicateIds(definition, displayPath);
  rejectExhibitProblems(definition, doc, at, displayPath);
  return definition;
}

/** What each exhibit's kind finds wrong beyond the schema (a year outside the report's), at the field's line. */
function rejectExhibitProblems(definition: ReportDefinition, doc: Document.Parsed, at: (offset: number) => SourceLocation, displayPath: string): void {
  definition.chapters.forEach((chapter, c) =>
    chapter.sections.forEach((section, s) =>
      section.exhibits.forEach((exhibit, e) => {
        const problem = exhibitProblems(exhibit, definition)[0];
        if (!problem) return;
        const path = ["chapters", c, "sections", s, "exhibits", e, problem.field];
        throw new ReportError(problem.message, { location: nearestLocation(doc, path, at) ?? { file: displayPath } });
      }),
    ),
  );
}

/**
 * Where a schema problem is: the node at its path, or (a field left out has
 * no node) the nearest collection that holds it.
 */
function nearestLocation(doc: Document.Parsed, path: readonly (string | number)[], at: (offset: number) => SourceLocation): SourceLocation | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return undefined;
}

const NUMBERED: Readonly<Record<string, (n: number) => { readonly text: string }>> = {
  chapters: msg.config.pathChapter,
  sections: msg.config.pathSection,
  exhibits: msg.config.pathExhibit,
  derived: msg.config.pathDerived,
};

/** `chapters.0.sections.6.exhibits.0.indicator` → "kapittel 1, avsnitt 7, figur 1, feltet «indicator»". */
export function pathWords(path: readonly (string | number)[]): string {
  const words: string[] = [];
  path.forEach((part, i) => {
    const next = path[i + 1];
    if (typeof part === "string" && typeof next === "number" && NUMBERED[part]) return;
    const previous = path[i - 1];
    if (typeof part === "number") {
      const numbered = typeof previous === "string" ? NUMBERED[previous] : undefined;
      words.push((numbered ?? msg.config.pathItem)(part + 1).text);
      return;
    }
    words.push(msg.config.pathField(part).text);
  });
  return words.join(", ");
}

function parseYaml(text: string, lineCounter: LineCounter, displayPath: string): Document.Parsed {
  try {
    return parseDocument(text, { lineCounter });
  } catch (error) {
    if (error instanceof RangeError) throw new ReportError(msg.config.yamlTooDeep(MAX_DEPTH), { location: { file: displayPath }, cause: error });
    throw error;
  }
}

/** Collections nested deeper than MAX_DEPTH: an error at the first one too deep, before anything recurses into them. */
function rejectDeepNesting(doc: Document.Parsed, at: (offset: number) => SourceLocation, displayPath: string): void {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) throw new ReportError(msg.config.yamlTooDeep(MAX_DEPTH), { location: node.range ? at(node.range[0]) : { file: displayPath } });
    for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
  }
}

/** The document as plain data; an alias bomb (aliases of aliases, resolved past MAX_ALIAS_COUNT) is a located error. */
function toPlainData(doc: Document.Parsed, at: (offset: number) => SourceLocation, displayPath: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    let first: SourceLocation | undefined;
    visit(doc, {
      Alias: (_, alias) => {
        if (isAlias(alias) && alias.range) first = at(alias.range[0]);
        return visit.BREAK;
      },
    });
    throw new ReportError(msg.config.yamlTooManyAliases(), { location: first ?? { file: displayPath }, cause: error });
  }
}

/** Two chapters, or two sections of a chapter, with one id would share one commentary file and one anchor. */
function rejectDuplicateIds(definition: ReportDefinition, file: string): void {
  const chapters = new Set<string>();
  for (const chapter of definition.chapters) {
    if (chapters.has(chapter.id)) throw new ReportError(msg.config.duplicateChapter(chapter.id), { location: locationOf(chapter) ?? { file } });
    chapters.add(chapter.id);
    const sections = new Set<string>();
    for (const section of chapter.sections) {
      if (sections.has(section.id)) throw new ReportError(msg.config.duplicateSection(section.id, chapter.id), { location: locationOf(section) ?? { file } });
      sections.add(section.id);
    }
  }
}

export function sectionLocation(section: object): SourceLocation | undefined {
  return locationOf(section);
}

/** Where the definition's `title:` stands. */
export function titleLocation(definition: ReportDefinition): SourceLocation | undefined {
  return locationOf(definition);
}

/** Line of every chapter, section and exhibit, so later cross-checks can point at it. */
function attachLines(definition: ReportDefinition, doc: Document.Parsed, at: (offset: number) => SourceLocation): ReportDefinition {
  const remember = (target: object, path: readonly (string | number)[]) => {
    const node = doc.getIn(path, true);
    if (isNode(node) && node.range) rememberLocation(target, at(node.range[0]));
  };
  remember(definition, ["title"]);
  definition.derived.forEach((derived, d) => remember(derived, ["derived", d]));
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
 * Every id the definition names must exist in the data; which ids an
 * exhibit names, its kind says (src/model/exhibits/). Missing values are
 * not decided here: the completeness check lists all of them at once.
 */
export function checkDefinitionAgainstData(definition: ReportDefinition, data: Dataset, file: string): void {
  const where = (at: object | undefined): SourceLocation => (at && locationOf(at)) ?? { file };
  const region = (id: string, at?: object) => {
    if (!data.regions.has(id)) throw new ReportError(msg.config.unknownRegion(id, suggest(id, data.regions.keys())), { location: where(at) });
  };
  const indicator = (id: string, at: object) => {
    if (!data.indicators.has(id)) throw new ReportError(msg.config.unknownIndicator(id, suggest(id, data.indicators.keys())), { location: where(at) });
  };
  region(definition.municipality);
  region(definition.average);
  definition.regions.forEach((r) => region(r));

  const ids = new Set<string>();
  for (const chapter of definition.chapters) {
    for (const section of chapter.sections) {
      for (const exhibit of section.exhibits) {
        if (ids.has(exhibit.id)) throw new ReportError(msg.config.duplicateExhibit(exhibit.id), { location: where(exhibit) });
        ids.add(exhibit.id);
        if (!exhibit.table && !exhibit.chart) throw new ReportError(msg.config.showsNothing(exhibit.id), { location: where(exhibit) });
        const names = exhibitNames(exhibit);
        names.indicators?.forEach((id) => indicator(id, exhibit));
        names.regions?.forEach((id) => region(id, exhibit));
      }
    }
  }
}
