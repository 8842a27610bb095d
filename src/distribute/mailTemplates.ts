import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { renderError, syntaxError } from "../render/templateErrors.js";
import { checkFields, VIEW_FIELDS, type MessageView } from "./templateFields.js";

export type { MessageView } from "./templateFields.js";

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
    if (!existsSync(file)) throw new ReportError(msg.distribute.templateMissing(), { location: { file: display } });
    const source = readFileSync(file, "utf8");
    let ast: hbs.AST.Program;
    try {
      ast = hbs.parse(source);
    } catch (error) {
      throw syntaxError(error, source, display, "mail template");
    }
    checkFields(ast, VIEW_FIELDS, display);
    const template = hbs.compile(ast, { strict: true, noEscape: !escape });
    return (view) => {
      try {
        return template(view);
      } catch (error) {
        throw renderError(error, display, VIEW_FIELDS, "mail template");
      }
    };
  };
  const subject = load("subject.hbs", false);
  const text = load("body.txt.hbs", false);
  const html = load("body.html.hbs", true);
  return { subject: (v) => subject(v).trim(), text, html };
}
