import type Handlebars from "handlebars";
import { relative } from "node:path";
import { readTextFile } from "../data/readText.js";
import { syntaxError } from "./templateErrors.js";

/*
 * One Handlebars template file compiled strictly (a missing field fails the
 * build) with its syntax errors located in the file; at render time the
 * innermost partial an error came from is remembered, so the message names
 * that file. Shared by the print HTML and the web edition.
 */

/** The template file an error was thrown in: the innermost partial marks it on its way out. */
const thrownIn = new WeakMap<object, string>();

export function templateOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? thrownIn.get(error) : undefined;
}

export function compileTemplate(hbs: typeof Handlebars, file: string, root: string): Handlebars.TemplateDelegate {
  const display = relative(root, file);
  // Not trimmed: line numbers in messages must be the file's own.
  const source = readTextFile(file, display).replace(/\s+$/, "");
  let compiled: Handlebars.TemplateDelegate;
  try {
    // Parse now so syntax errors surface with the file name, not at render time.
    hbs.precompile(source, { strict: true });
    compiled = hbs.compile(source, { strict: true, preventIndent: true });
  } catch (error) {
    throw syntaxError(error, source, display);
  }
  return (context, options) => {
    try {
      return compiled(context, options);
    } catch (error) {
      if (typeof error === "object" && error !== null && !thrownIn.has(error)) thrownIn.set(error, display);
      throw error;
    }
  };
}
