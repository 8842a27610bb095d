import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import Handlebars from "handlebars";
import { ReportError } from "../errors.js";
import type { CheckInputs } from "../check/context.js";
import { renderExpressions } from "../narrative/expressions.js";

export interface MessageView {
  readonly name: string;
  readonly title: string;
  readonly subtitle: string;
  readonly organisation: string;
  readonly chapters: readonly string[];
  readonly headlines: readonly string[];
  readonly files: readonly { readonly name: string; readonly size: string }[];
}

export interface MessageTemplates {
  subject(view: MessageView): string;
  text(view: MessageView): string;
  html(view: MessageView): string;
}

/** Compiles templates/mail/{subject,body.txt,body.html}.hbs in strict mode. */
export function loadMessageTemplates(templateDir: string, root: string): MessageTemplates {
  const hbs = Handlebars.create();
  const compile = (name: string, escape: boolean) => {
    const file = join(templateDir, "mail", name);
    try {
      return hbs.compile(readFileSync(file, "utf8"), { strict: true, noEscape: !escape });
    } catch (error) {
      throw new ReportError(`mail template error: ${(error as Error).message.split("\n")[0]}`, { location: { file: relative(root, file) }, cause: error });
    }
  };
  const subject = compile("subject.hbs", false);
  const text = compile("body.txt.hbs", false);
  const html = compile("body.html.hbs", true);
  return { subject: (v) => subject(v).trim(), text: (v) => text(v), html: (v) => html(v) };
}

/** The headline figures of report.yaml, written with the commentary's expressions. */
export function headlines(inputs: CheckInputs, definitionSource: string): string[] {
  return inputs.definition.distribution.headlines.map((text) => {
    const at = definitionSource.split("\n").findIndex((line) => line.includes(text.slice(0, 30)));
    return renderExpressions(text, inputs.definitionFile, Math.max(at, 0), inputs).body;
  });
}
