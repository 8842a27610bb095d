import { LineCounter, parseDocument, visit, type Alias } from "yaml";
import { z } from "zod";
import { ReportError, type SourceLocation } from "../errors.js";
import { yamlErrorMessage } from "../config/yamlErrors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";

export const frontMatterSchema = z
  .object({
    chapter: z.string().min(1),
    section: z.string().min(1),
  })
  .strict();

export type FrontMatter = z.output<typeof frontMatterSchema>;

export interface SplitMarkdown {
  readonly frontMatter: FrontMatter;
  readonly body: string;
  /** Lines before the body starts, to map body positions back to the file. */
  readonly bodyLineOffset: number;
}

/** Splits `---` front matter from the Markdown body and validates it. */
export function splitFrontMatter(text: string, file: string): SplitMarkdown {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") throw new ReportError(msg.narrative.frontMatterMissing(), { location: { file, line: 1 } });
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === "---");
  if (end === -1) throw new ReportError(msg.narrative.frontMatterNotClosed(), { location: { file, line: 1 } });
  const data = readYaml(lines.slice(1, end).join("\n"), file);
  const result = frontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.code === "unrecognized_keys" ? (issue.keys[0] ?? "") : String(issue.path[0] ?? "");
    const keyLine = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`));
    throw new ReportError(issueMessage(issue, key), { location: { file, line: key && keyLine >= 0 ? keyLine + 2 : 1 } });
  }
  return { frontMatter: result.data, body: lines.slice(end + 1).join("\n"), bodyLineOffset: end + 1 };
}

/**
 * The YAML between the `---` lines. Aliases (`*a`) are refused before the
 * value is built: front matter needs none, and a few nested ones expand to
 * millions of values (an "alias bomb").
 */
function readYaml(yaml: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  // Lines of the YAML start after the opening "---" (line 1 of the file).
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: line + 1, column: col };
  };
  const syntax = doc.errors[0];
  if (syntax) throw new ReportError(msg.narrative.frontMatterNotYaml(yamlErrorMessage(syntax, yaml)), { location: at(syntax.pos[0]), cause: syntax });
  let alias: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      alias = node;
      return visit.BREAK;
    },
  });
  if (alias) throw new ReportError(msg.narrative.frontMatterAlias(), { location: at(alias.range?.[0] ?? 0) });
  return doc.toJS({ maxAliasCount: 0 });
}

function issueMessage(issue: z.ZodIssue, key: string): Message {
  if (issue.code === "unrecognized_keys") return msg.narrative.frontMatterUnknownKey(key);
  if (!key) return msg.narrative.frontMatterNotMap();
  if (issue.code === "invalid_type") return issue.received === "undefined" ? msg.narrative.frontMatterKeyMissing(key) : msg.narrative.frontMatterKeyNotText(key);
  return msg.narrative.frontMatterKeyEmpty(key);
}
