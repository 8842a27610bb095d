import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ReportError, didYouMean } from "../errors.js";
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

/**
 * Reads every `*.md` under `data/<year>/commentary/`, in file-name order.
 * The front matter says which chapter and section the text belongs to; the
 * definition decides where that section stands in the document.
 */
export function loadCommentary(dir: string, root: string, context: ExpressionContext): Commentary {
  const { definition } = context;
  const result = new Map<string, SectionCommentary>();
  if (!existsSync(dir)) return result;
  const sections = new Map<string, Set<string>>(
    definition.chapters.map((c) => [c.id, new Set(c.sections.map((s) => s.id))]),
  );
  for (const path of markdownFiles(dir)) {
    const file = relative(root, path);
    const source = readFileSync(path, "utf8");
    const { frontMatter, body, bodyLineOffset } = splitFrontMatter(source, file);
    const known = sections.get(frontMatter.chapter);
    if (!known) {
      throw new ReportError(`unknown chapter "${frontMatter.chapter}" in front matter`, {
        location: { file, line: 2 },
        hint: didYouMean(frontMatter.chapter, sections.keys()) ?? "chapters are listed in report.yaml",
      });
    }
    if (!known.has(frontMatter.section)) {
      throw new ReportError(`unknown section "${frontMatter.section}" in chapter "${frontMatter.chapter}"`, {
        location: { file, line: 3 },
        hint: didYouMean(frontMatter.section, known) ?? `sections: ${[...known].join(", ")}`,
      });
    }
    const key = `${frontMatter.chapter}/${frontMatter.section}`;
    const earlier = result.get(key);
    if (earlier) {
      throw new ReportError(`a second commentary file for section "${key}"`, {
        location: { file, line: 1 },
        hint: `${earlier.file} already holds it; keep one file per section`,
      });
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
  return result;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      // Hidden names are editors' (Emacs lock .#08-sfo.md, often a dangling symlink; temp files), not commentary.
      if (entry.name.startsWith(".")) return [];
      if (entry.isDirectory()) return markdownFiles(path);
      return entry.name.endsWith(".md") ? [path] : [];
    });
}
