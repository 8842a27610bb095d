import { ReportError } from "../errors.js";
import { VIEW_FIELDS } from "./templateFields.js";

/**
 * Handlebars' errors as ReportErrors with file and line: a block left open is
 * reported where it opens, with the parser's whole message; a runtime error
 * never shows the view as "[object Object]".
 */
export function syntaxError(error: unknown, source: string, file: string): ReportError {
  const message = error instanceof Error ? error.message : String(error);
  const unclosed = /got 'EOF'/.test(message) ? unclosedBlock(source) : undefined;
  const line = unclosed?.line ?? lineNumberOf(error) ?? Number(/line (\d+)/.exec(message)?.[1] ?? NaN);
  return new ReportError(
    `${unclosed ? `{{#${unclosed.name}}} is never closed` : "mail template syntax error"}; the template parser says:\n${indent(message)}`,
    {
      location: { file, ...(Number.isInteger(line) ? { line } : {}) },
      hint: unclosed ? `close it with {{/${unclosed.name}}}` : "see the Handlebars syntax: {{field}}, {{#each list}}…{{/each}}, {{#if field}}…{{/if}}",
      cause: error,
    },
  );
}

/** Runtime errors of Handlebars name the view as "[object Object]"; say which field instead. */
export function renderError(error: unknown, file: string): ReportError {
  const message = error instanceof Error ? error.message : String(error);
  const line = lineNumberOf(error);
  const column = columnOf(error);
  const field = /^"([^"]+)" not defined in/.exec(message)?.[1];
  const location = { file, ...(line !== undefined ? { line, ...(column !== undefined ? { column: column + 1 } : {}) } : {}) };
  if (field) {
    return new ReportError(`unknown field "${field}" in the mail template`, { location, hint: `the fields are ${VIEW_FIELDS.join(", ")}`, cause: error });
  }
  return new ReportError(`mail template error: ${message.replaceAll("[object Object]", "the message")}`, { location, cause: error });
}

/** The innermost block still open at the end of the template, found by its tags. */
function unclosedBlock(source: string): { name: string; line: number } | undefined {
  const code = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, " "));
  const open: { name: string; line: number }[] = [];
  for (const tag of code.matchAll(/\{\{~?\s*([#^/])\s*[>*]?\s*([^\s}~]+)/g)) {
    const line = code.slice(0, tag.index).split("\n").length;
    if (tag[1] === "/") {
      if (open[open.length - 1]?.name === tag[2]) open.pop();
    } else {
      open.push({ name: tag[2]!, line });
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

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
