import { existsSync, readFileSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import Handlebars from "handlebars";
import { FONT_FACES, FONT_FAMILY } from "../../assets/fonts.js";
import { readTextFile } from "../../data/readText.js";
import { ReportError } from "../../errors.js";
import { msg } from "../../messages/catalogue.js";
import type { DocumentModel } from "../../types/model.js";
import { renderError } from "../templateErrors.js";
import { REPORT_POLICY_META } from "./contentSecurityPolicy.js";
import { cssIdent, cssString } from "./cssText.js";
import { toView } from "./viewModel.js";
import { compileTemplate, templateOf } from "../compileTemplate.js";

export interface HtmlTemplates {
  render(model: DocumentModel, pages?: ReadonlyMap<string, number>): string;
}

/**
 * Compiles `templates/report.hbs` and its partials once. A document with a
 * `style` uses the same templates, with what `templates/<style>/` holds laid
 * over them: partials of the same name (a cover of its own), a report.hbs, and
 * a style.css added after report.css — shared blocks are never copied.
 * Strict mode: a template that asks for a field the model does not have fails
 * the build with the template's name, instead of printing nothing.
 */
export function loadHtmlTemplates(templateDir: string, root: string, style?: string): HtmlTemplates {
  const hbs = Handlebars.create();
  // Escaped for where they are written, in <style> (cssText.ts); SafeString, so HTML escaping does not undo that.
  hbs.registerHelper("cssString", (text: unknown) => new hbs.SafeString(cssString(String(text))));
  hbs.registerHelper("cssIdent", (text: unknown) => new hbs.SafeString(cssIdent(String(text))));
  const styleDir = style ? join(templateDir, style) : undefined;
  if (styleDir && !existsSync(styleDir)) {
    throw new ReportError(msg.templates.styleMissing(style!, relative(root, styleDir)), { location: { file: relative(root, styleDir) } });
  }
  for (const partialDir of [join(templateDir, "partials"), ...(styleDir ? [join(styleDir, "partials")] : [])]) {
    if (!existsSync(partialDir)) continue;
    // Hidden names are editors' (Emacs lock .#table.hbs, often a dangling symlink), not partials.
    for (const name of readdirSync(partialDir).filter((f) => f.endsWith(".hbs") && !f.startsWith("."))) {
      const file = join(partialDir, name);
      hbs.registerPartial(basename(name, ".hbs"), compileTemplate(hbs, file, root));
    }
  }
  const own = (name: string) => (styleDir && existsSync(join(styleDir, name)) ? join(styleDir, name) : undefined);
  const mainFile = own("report.hbs") ?? join(templateDir, "report.hbs");
  const main = compileTemplate(hbs, mainFile, root);
  const cssFiles = [join(templateDir, "report.css"), ...(own("style.css") ? [own("style.css")!] : [])];
  const css = cssFiles.map((file) => styleSheet(file, root)).join("\n");
  const fontCss = fontFaceCss();
  return {
    render(model, pages = new Map()) {
      let html: string;
      try {
        html = main(toView(model, pages, fontCss, css));
      } catch (error) {
        throw renderError(error, templateOf(error) ?? relative(root, join(templateDir, "report.hbs")), []);
      }
      if (!html.includes(REPORT_POLICY_META)) throw new ReportError(msg.templates.policyMissing(), { location: { file: relative(root, mainFile) } });
      return html;
    },
  };
}

/**
 * A stylesheet is written into the page's `<style>` as it is: text that
 * would end that element there would turn the rest of the sheet into page
 * content (and the HTML parser ignores CSS comments), so it is refused.
 */
function styleSheet(file: string, root: string): string {
  const display = relative(root, file);
  const text = readTextFile(file, display);
  const at = text.search(/<\/style/i);
  if (at >= 0) {
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    throw new ReportError(msg.templates.cssEndsStyle(), { location: { file: display, line, column: at - before.lastIndexOf("\n") } });
  }
  return text;
}

/** The pinned font, embedded so the HTML prints the same anywhere, offline. */
function fontFaceCss(): string {
  return FONT_FACES.map(
    (face) =>
      `@font-face { font-family: "${FONT_FAMILY}"; font-style: ${face.style}; font-weight: ${face.weight}; ` +
      `src: url(data:font/woff;base64,${readFileSync(face.file).toString("base64")}) format("woff"); }`,
  ).join("\n");
}
