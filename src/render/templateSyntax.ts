import { ReportError } from "../errors.js";

/**
 * A Handlebars syntax error as help: the template file, the line where the
 * unclosed or mismatched block *opens* (the parser only knows where it gave
 * up, often the end of the file), and the parser's whole message.
 */
export function templateSyntaxError(source: string, error: unknown, file: string): ReportError {
  const message = error instanceof Error ? error.message : String(error);
  const parserLine = Number(/line (\d+)/.exec(message)?.[1] ?? NaN);
  const open = unclosedBlock(source);
  const line = open?.line ?? (Number.isFinite(parserLine) ? parserLine : undefined);
  const what = open ? `the block {{#${open.name}}} opened here is ${open.closedBy ? `closed by {{/${open.closedBy}}}` : "never closed"}` : "template syntax error";
  return new ReportError(`${what}\n    ${message.trim().split("\n").join("\n    ")}`, {
    location: { file, ...(line !== undefined ? { line } : {}), ...(open ? { column: open.column } : {}) },
    hint: open ? `close it with {{/${open.name}}}` : "see the Handlebars message above",
    cause: error,
  });
}

interface OpenBlock {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  readonly closedBy?: string;
}

/** The innermost block that is never closed, or closed by the wrong name. */
function unclosedBlock(source: string): OpenBlock | undefined {
  const stack: OpenBlock[] = [];
  const text = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, " "));
  for (const match of text.matchAll(/\{\{~?\s*([#/])\s*>?\s*([^\s}~]+)/g)) {
    const before = text.slice(0, match.index);
    const line = before.split("\n").length;
    const column = match.index! - before.lastIndexOf("\n");
    if (match[1] === "#") stack.push({ name: match[2]!, line, column });
    else {
      const top = stack.pop();
      if (!top) return undefined;
      if (top.name !== match[2]) return { ...top, closedBy: match[2]! };
    }
  }
  return stack[stack.length - 1];
}
