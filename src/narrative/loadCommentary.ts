import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readTextFile } from "../data/readText.js";
import { ReportError, suggest } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { DRAFT_SUFFIX } from "./draft.js";
import { splitFrontMatter } from "./frontMatter.js";
import { markdownToBlocks, type NarrativeItem } from "./markdown.js";
import { renderExpressions, type ExpressionContext, type ExpressionUse } from "./expressions.js";

export interface SectionCommentary {
  readonly file: string;
  readonly items: readonly NarrativeItem[];
  /** The Markdown as the editor wrote it, and where its body starts. */
  readonly source: string;
  readonly bodyLineOffset: number;
  readonly expressions: readonly ExpressionUse[];
}

/** Key: `chapter/section`. */
export type Commentary = ReadonlyMap<string, SectionCommentary>;

/** What the commentary folder held besides commentary, so a check can say where a section's text went. */
export interface CommentaryFolder {
  /** The folder, relative to the project. */
  readonly dir: string;
  readonly exists: boolean;
  /** Files that are not read because their name does not end in .md (e.g. "01-intro.md.bak", "02-tekst.txt"). */
  readonly skipped: readonly string[];
  /** Drafts from `npm run draft` beside an editor's text ("03-dekningsgrader.draft.md"): never built, waiting to be merged. */
  readonly drafts: readonly string[];
}

/**
 * Reads every `*.md` under `data/<year>/commentary/`, in file-name order.
 * The front matter says which chapter and section the text belongs to; the
 * definition decides where that section stands in the document. Hidden files
 * (editors' lock and swap files such as `.#01-intro.md`) are not commentary.
 */
export function loadCommentary(dir: string, root: string, context: ExpressionContext): { commentary: Commentary; folder: CommentaryFolder } {
  const { definition } = context;
  const result = new Map<string, SectionCommentary>();
  const folder = { dir: relative(root, dir), exists: existsSync(dir), skipped: [] as string[], drafts: [] as string[] };
  if (!folder.exists) return { commentary: result, folder };
  const sections = new Map<string, Set<string>>(definition.chapters.map((c) => [c.id, new Set(c.sections.map((s) => s.id))]));
  const { markdown, skipped, drafts } = commentaryFiles(dir);
  folder.skipped.push(...skipped.map((path) => relative(root, path)));
  folder.drafts.push(...drafts.map((path) => relative(root, path)));
  for (const path of markdown) {
    const file = relative(root, path);
    const source = readTextFile(path, file);
    const { frontMatter, body, bodyLineOffset } = splitFrontMatter(source, file);
    const known = sections.get(frontMatter.chapter);
    if (!known) {
      throw new ReportError(msg.narrative.unknownChapter(frontMatter.chapter, suggest(frontMatter.chapter, sections.keys())), { location: { file, line: 2 } });
    }
    if (!known.has(frontMatter.section)) {
      throw new ReportError(msg.narrative.unknownSection(frontMatter.section, frontMatter.chapter, suggest(frontMatter.section, known), [...known]), { location: { file, line: 3 } });
    }
    const key = `${frontMatter.chapter}/${frontMatter.section}`;
    const earlier = result.get(key);
    if (earlier) {
      throw new ReportError(msg.narrative.secondFile(key, earlier.file), { location: { file, line: 1 } });
    }
    const rendered = renderExpressions(body, file, bodyLineOffset, context);
    result.set(key, {
      file,
      items: markdownToBlocks(rendered.body, file, bodyLineOffset, `${frontMatter.section}-tekst`),
      source: body,
      bodyLineOffset,
      expressions: rendered.uses,
    });
  }
  return { commentary: result, folder };
}

/**
 * Which file holds each section's text (key `chapter/section`), read from the
 * front matter only: no expression is evaluated, so `npm run draft` can draft
 * a new year whose copied text still names last year's years. A file whose
 * front matter names no section of the report is left out (check reports it).
 */
export function sectionFiles(dir: string, root: string, definition: ExpressionContext["definition"]): ReadonlyMap<string, { readonly file: string }> {
  const result = new Map<string, { file: string }>();
  if (!existsSync(dir)) return result;
  const known = new Set(definition.chapters.flatMap((c) => c.sections.map((s) => `${c.id}/${s.id}`)));
  for (const path of commentaryFiles(dir).markdown) {
    const file = relative(root, path);
    const { frontMatter } = splitFrontMatter(readTextFile(path, file), file);
    const key = `${frontMatter.chapter}/${frontMatter.section}`;
    if (known.has(key) && !result.has(key)) result.set(key, { file });
  }
  return result;
}

/** Markdown files in name order, and the other visible files found beside them. */
function commentaryFiles(dir: string): { markdown: string[]; skipped: string[]; drafts: string[] } {
  const markdown: string[] = [];
  const skipped: string[] = [];
  const drafts: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name.endsWith("~")) continue;
      const path = join(folder, entry.name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue; // a dangling symlink, such as an editor's lock file
      if (stat.isDirectory()) visit(path);
      else if (stat.isFile()) (entry.name.endsWith(DRAFT_SUFFIX) ? drafts : entry.name.endsWith(".md") ? markdown : skipped).push(path);
    }
  };
  visit(dir);
  return { markdown, skipped, drafts };
}
