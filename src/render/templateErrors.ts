import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";
import type { TemplateKind } from "../messages/templates.js";

/**
 * Handlebars' errors as help, for the report's templates and the mail
 * templates alike, each in one located line. A syntax error names the file
 * and the line where the unclosed or mismatched block *opens* (the parser
 * only knows where it gave up, often the end of the file); any other syntax
 * error names the line the parser stopped on and what it found there, never
 * the parser's own dump. A runtime error names the field instead of
 * "[object Object]".
 */
export function syntaxError(error: unknown, source: string, file: string, what: TemplateKind = "template"): ReportError {
  const message = error instanceof Error ? error.message : String(error);
  const block = openBlock(source);
  if (block) {
    const made = block.closedBy ? msg.templates.blockClosedByOther(block.name, block.closedBy) : msg.templates.blockNeverClosed(block.name);
    return new ReportError(made, { location: { file, line: block.line, column: block.column }, cause: error });
  }
  const line = lineNumberOf(error) ?? Number(/^Parse error on line (\d+)/.exec(message)?.[1] ?? NaN);
  const near = Number.isInteger(line) ? excerpt(source.split("\n")[line - 1] ?? "") : "";
  return new ReportError(msg.templates.syntax(what, parserProblem(message).text, near), {
    location: { file, ...(Number.isInteger(line) ? { line } : {}) },
    cause: error,
  });
}

/** Runtime errors of Handlebars name the view as "[object Object]"; say which field instead. */
export function renderError(error: unknown, file: string, fields: readonly string[], what: TemplateKind = "template"): ReportError {
  const message = error instanceof Error ? error.message : String(error);
  const line = lineNumberOf(error);
  const column = columnOf(error);
  const location = { file, ...(line !== undefined ? { line, ...(column !== undefined ? { column: column + 1 } : {}) } : {}) };
  const field = /^"([^"]+)" not defined in/.exec(message)?.[1];
  if (field) return new ReportError(msg.templates.unknownField(field, what, fields), { location, cause: error });
  const partial = /^The partial (\S+) could not be found/.exec(message)?.[1];
  if (partial) return new ReportError(msg.templates.unknownPartial(partial), { location, cause: error });
  const detail = message.replaceAll("[object Object]", "visningen").replace(/\s+/g, " ").trim();
  return new ReportError(msg.templates.renderFailed(what, detail), { location, cause: error });
}

/** What the parser found where it stopped, from the last line of its dump ("Expecting …, got 'EOF'"). */
function parserProblem(message: string): Message {
  const got = /got '([^']+)'\s*$/.exec(message)?.[1];
  if (got === "EOF") return msg.templates.syntaxEndOfFile();
  if (got === "INVALID") return msg.templates.syntaxBadCharacter();
  if (got === "CLOSE" || got === "CLOSE_UNESCAPED") return msg.templates.syntaxEmpty();
  return msg.templates.syntaxUnexpected(got ? TOKENS[got] ?? got : message.split("\n")[0]!);
}

/** The parser's names for what it found, as the template writer wrote it. */
const TOKENS: Readonly<Record<string, string>> = {
  INVERSE: "{{else}}",
  OPEN_INVERSE_CHAIN: "{{else …}}",
  OPEN_ENDBLOCK: "{{/…}}",
  OPEN_BLOCK: "{{#…}}",
  OPEN_PARTIAL: "{{> …}}",
  OPEN: "{{",
  CLOSE_RAW_BLOCK: "}}}}",
};

/** The longest stretch of a template line quoted in a message. */
const EXCERPT_LENGTH = 60;

function excerpt(line: string): string {
  const text = line.trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

interface OpenBlock {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  readonly closedBy?: string;
}

/** The first block closed by the wrong name, or else the innermost block never closed. */
function openBlock(source: string): OpenBlock | undefined {
  const code = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, " "));
  const open: OpenBlock[] = [];
  for (const tag of code.matchAll(/\{\{~?\s*([#^/])\s*[>*]?\s*([^\s}~]+)/g)) {
    const before = code.slice(0, tag.index);
    const line = before.split("\n").length;
    const column = tag.index - before.lastIndexOf("\n");
    if (tag[1] !== "/") open.push({ name: tag[2]!, line, column });
    else {
      const top = open.pop();
      if (top && top.name !== tag[2]) return { ...top, closedBy: tag[2]! };
    }
  }
  return open[open.length - 1];
}

function lineNumberOf(error: unknown): number | undefined {
  const line: unknown = error instanceof Error ? Reflect.get(error, "lineNumber") : undefined;
  return typeof line === "number" ? line : undefined;
}

function columnOf(error: unknown): number | undefined {
  const column: unknown = error instanceof Error ? Reflect.get(error, "column") : undefined;
  return typeof column === "number" ? column : undefined;
}
