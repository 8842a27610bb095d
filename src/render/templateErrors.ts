import { ReportError } from "../errors.js";

/**
 * Handlebars' errors as help, for the report's templates and the mail
 * templates alike. A syntax error names the file and the line where the
 * unclosed or mismatched block *opens* (the parser only knows where it gave
 * up, often the end of the file), followed by the parser's whole message; a
 * runtime error names the field instead of "[object Object]".
 */
export function syntaxError(error: unknown, source: string, file: string, what = "template"): ReportError {
  const message = error instanceof Error ? error.message : String(error);
  const block = openBlock(source);
  const line = block?.line ?? lineNumberOf(error) ?? Number(/line (\d+)/.exec(message)?.[1] ?? NaN);
  const problem = block ? (block.closedBy ? `{{#${block.name}}} is closed by {{/${block.closedBy}}}` : `{{#${block.name}}} is never closed`) : `${what} syntax error`;
  return new ReportError(`${problem}; the template parser says:\n${indent(message)}`, {
    location: { file, ...(Number.isInteger(line) ? { line } : {}), ...(block ? { column: block.column } : {}) },
    hint: block ? `close it with {{/${block.name}}}` : "see the Handlebars syntax: {{field}}, {{#each list}}…{{/each}}, {{#if field}}…{{/if}}",
    cause: error,
  });
}

/** Runtime errors of Handlebars name the view as "[object Object]"; say which field instead. */
export function renderError(error: unknown, file: string, fields: readonly string[], what = "template"): ReportError {
  const message = error instanceof Error ? error.message : String(error);
  const line = lineNumberOf(error);
  const column = columnOf(error);
  const field = /^"([^"]+)" not defined in/.exec(message)?.[1];
  const location = { file, ...(line !== undefined ? { line, ...(column !== undefined ? { column: column + 1 } : {}) } : {}) };
  if (field) {
    const hint = fields.length ? `the fields are ${fields.join(", ")}` : "the document model has no such field here; src/render/html/viewModel.ts lists what templates can use";
    return new ReportError(`unknown field "${field}" in the ${what}`, { location, hint, cause: error });
  }
  return new ReportError(`${what} error: ${message.replaceAll("[object Object]", "the view")}`, { location, cause: error });
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
    const column = tag.index! - before.lastIndexOf("\n");
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

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
