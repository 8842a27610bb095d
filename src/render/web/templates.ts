import { existsSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import Handlebars from "handlebars";
import { readTextFile } from "../../data/readText.js";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import { renderError, syntaxError } from "../templateErrors.js";
import { WEB_POLICY_META } from "./policy.js";

/** The pages of the site: the front page and a chapter page. */
export type PageKind = "front" | "chapter";

export interface WebTemplates {
  render(kind: PageKind, view: object): string;
  /** templates/web/web.css and web.js, written beside the pages as they are. */
  readonly assets: readonly { readonly name: string; readonly content: string }[];
}

/** Shared blocks the web pages draw as the printed report does (templates/partials/). */
const SHARED_PARTIALS = ["paragraph", "list", "text", "strong", "emphasis", "link", "heading"] as const;

/**
 * Compiles templates/web/ once: front.hbs and chapter.hbs, its partials
 * (the page frame, tables and figures with their downloads), and the text
 * blocks it shares with the printed report from templates/partials/, so a
 * paragraph or list looks the same in every edition. Strict mode, as the
 * print templates: a field the view does not have fails the build with the
 * template's name and line.
 */
export function loadWebTemplates(templateDir: string, root: string): WebTemplates {
  const webDir = join(templateDir, "web");
  if (!existsSync(join(webDir, "chapter.hbs"))) {
    throw new ReportError(msg.web.noPageTemplate(relative(root, webDir)), { location: { file: relative(root, webDir) } });
  }
  const hbs = Handlebars.create();
  for (const name of SHARED_PARTIALS) {
    const file = join(templateDir, "partials", `${name}.hbs`);
    if (existsSync(file)) hbs.registerPartial(name, compile(hbs, file, root));
  }
  const partialDir = join(webDir, "partials");
  // Hidden names are editors' lock files, not partials.
  for (const name of readdirSync(partialDir).filter((f) => f.endsWith(".hbs") && !f.startsWith("."))) {
    hbs.registerPartial(basename(name, ".hbs"), compile(hbs, join(partialDir, name), root));
  }
  const pages = { front: join(webDir, "front.hbs"), chapter: join(webDir, "chapter.hbs") };
  const compiled = { front: compile(hbs, pages.front, root), chapter: compile(hbs, pages.chapter, root) };
  const assets = ["web.css", "web.js"].map((name) => ({ name, content: readTextFile(join(webDir, name), relative(root, join(webDir, name))) }));
  return {
    assets,
    render(kind, view) {
      let html: string;
      try {
        html = compiled[kind](view);
      } catch (error) {
        throw renderError(error, templateOf(error) ?? relative(root, pages[kind]), []);
      }
      // Every page states what it may load and run; a page template that lost the tag is refused, not published.
      if (!html.includes(WEB_POLICY_META)) throw new ReportError(msg.web.policyMissing(relative(root, pages[kind])), { location: { file: relative(root, pages[kind]) } });
      return html;
    },
  };
}

/** The template file an error was thrown in: the innermost partial marks it on its way out. */
const thrownIn = new WeakMap<object, string>();

function templateOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? thrownIn.get(error) : undefined;
}

function compile(hbs: typeof Handlebars, file: string, root: string): Handlebars.TemplateDelegate {
  const display = relative(root, file);
  // Not trimmed: line numbers in messages must be the file's own.
  const source = readTextFile(file, display).replace(/\s+$/, "");
  let compiled: Handlebars.TemplateDelegate;
  try {
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
