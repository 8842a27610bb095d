import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { ReportError } from "../errors.js";

/** What the mail templates can use; every message is rendered from one of these. */
export interface MessageView {
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  readonly chapters: readonly string[];
  readonly headlines: readonly string[];
  readonly files: readonly { readonly name: string; readonly size: string }[];
}

export const VIEW_FIELDS = ["name", "title", "subtitle", "organisation", "chapters", "headlines", "files"] as const;
/** The fields of one item inside {{#each list}}: the lists of text have none ({{this}} only). */
const ITEM_FIELDS: Readonly<Record<string, readonly string[]>> = { chapters: [], headlines: [], files: ["name", "size"] };

export interface MessageTemplates {
  subject(view: MessageView): string;
  text(view: MessageView): string;
  html(view: MessageView): string;
}

type Render = (view: MessageView) => string;

/**
 * Reads and parses templates/mail/{subject,body.txt,body.html}.hbs at once
 * (not on first use), so `--dry-run` finds a broken template. A syntax error
 * names the file and line (for a block that is never closed, the line where
 * it opens) and gives the parser's whole message; an error while rendering
 * (an unknown field in strict mode) names file, line and column.
 */
export function loadMessageTemplates(templateDir: string, root: string): MessageTemplates {
  const hbs = Handlebars.create();
  const load = (name: string, escape: boolean): Render => {
    const file = join(templateDir, "mail", name);
    const display = relative(root, file);
    if (!existsSync(file)) throw new ReportError("mail template is missing", { location: { file: display }, hint: "restore it from the repository" });
    const source = readFileSync(file, "utf8");
    let ast: hbs.AST.Program;
    try {
      ast = hbs.parse(source);
    } catch (error) {
      throw syntaxError(error, source, display);
    }
    checkFields(ast, VIEW_FIELDS, display);
    const template = hbs.compile(ast, { strict: true, noEscape: !escape });
    return (view) => {
      try {
        return template(view);
      } catch (error) {
        throw renderError(error, display);
      }
    };
  };
  const subject = load("subject.hbs", false);
  const text = load("body.txt.hbs", false);
  const html = load("body.html.hbs", true);
  return { subject: (v) => subject(v).trim(), text, html };
}

function syntaxError(error: unknown, source: string, file: string): ReportError {
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

/**
 * Every field a template reads must exist where it is read: strict mode
 * catches {{field}} only when it renders, and not the list of an {{#each}}.
 * `scope` is the fields at this point; undefined where they are not known
 * (inside {{#with}} or a helper of the template's own), which is not checked.
 */
function checkFields(program: hbs.AST.Program, scope: readonly string[] | undefined, file: string): void {
  const check = (node: hbs.AST.Node): void => {
    if (node.type !== "PathExpression" || scope === undefined) return;
    const path = node as hbs.AST.PathExpression;
    if (path.data || path.depth > 0 || path.original === "this" || path.original === ".") return;
    if (path.parts[0] !== undefined && !scope.includes(path.parts[0])) {
      throw new ReportError(`unknown field "${path.original}" in the mail template`, {
        location: { file, line: path.loc.start.line, column: path.loc.start.column + 1 },
        hint: scope.length ? `the fields are ${scope.join(", ")}` : "inside this list write {{this}}",
      });
    }
  };
  for (const node of program.body) {
    if (node.type === "MustacheStatement") {
      const mustache = node as hbs.AST.MustacheStatement;
      (mustache.params.length ? mustache.params : [mustache.path]).forEach(check);
    } else if (node.type === "BlockStatement") {
      const block = node as hbs.AST.BlockStatement;
      const helper = block.path.original;
      block.params.forEach(check);
      const list = block.params[0]?.type === "PathExpression" ? (block.params[0] as hbs.AST.PathExpression).original : "";
      const inner = helper === "each" && scope !== undefined ? ITEM_FIELDS[list] : helper === "if" || helper === "unless" ? scope : undefined;
      checkFields(block.program, inner, file);
      if (block.inverse) checkFields(block.inverse, scope, file);
    }
  }
}

/** Runtime errors of Handlebars name the view as "[object Object]"; say which field instead. */
function renderError(error: unknown, file: string): ReportError {
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
