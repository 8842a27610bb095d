import { existsSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import Handlebars from "handlebars";
import { readTextFile } from "../../data/readText.js";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import { renderError } from "../templateErrors.js";
import { WEB_POLICY_META } from "./policy.js";
import { compileTemplate, templateOf } from "../compileTemplate.js";

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
    if (existsSync(file)) hbs.registerPartial(name, compileTemplate(hbs, file, root));
  }
  const partialDir = join(webDir, "partials");
  // Hidden names are editors' lock files, not partials.
  for (const name of readdirSync(partialDir).filter((f) => f.endsWith(".hbs") && !f.startsWith("."))) {
    hbs.registerPartial(basename(name, ".hbs"), compileTemplate(hbs, join(partialDir, name), root));
  }
  const pages = { front: join(webDir, "front.hbs"), chapter: join(webDir, "chapter.hbs") };
  const compiled = { front: compileTemplate(hbs, pages.front, root), chapter: compileTemplate(hbs, pages.chapter, root) };
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
