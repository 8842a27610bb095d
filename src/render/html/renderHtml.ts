import { readFileSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import Handlebars from "handlebars";
import { FONT_FACES, FONT_FAMILY } from "../../assets/fonts.js";
import { ReportError } from "../../errors.js";
import type { DocumentModel } from "../../model/types.js";
import { toView } from "./viewModel.js";

export interface HtmlTemplates {
  render(model: DocumentModel, pages?: ReadonlyMap<string, number>): string;
}

/**
 * Compiles `templates/report.hbs` and its partials once. Strict mode: a
 * template that asks for a field the model does not have fails the build
 * with the template's name, instead of printing nothing.
 */
export function loadHtmlTemplates(templateDir: string, root: string): HtmlTemplates {
  const hbs = Handlebars.create();
  hbs.registerHelper("cssString", (text: unknown) => JSON.stringify(String(text)));
  const partialDir = join(templateDir, "partials");
  // Hidden names are editors' (Emacs lock .#table.hbs, often a dangling symlink), not partials.
  for (const name of readdirSync(partialDir).filter((f) => f.endsWith(".hbs") && !f.startsWith("."))) {
    const file = join(partialDir, name);
    hbs.registerPartial(basename(name, ".hbs"), compile(hbs, file, root));
  }
  const main = compile(hbs, join(templateDir, "report.hbs"), root);
  const css = readFileSync(join(templateDir, "report.css"), "utf8");
  const fontCss = fontFaceCss();
  return {
    render(model, pages = new Map()) {
      try {
        return main(toView(model, pages, fontCss, css));
      } catch (error) {
        throw new ReportError(`template error: ${(error as Error).message.split("\n")[0]}`, {
          location: { file: relative(root, join(templateDir, "report.hbs")) },
          hint: "a template refers to a field or partial the document model does not have",
          cause: error,
        });
      }
    },
  };
}

function compile(hbs: typeof Handlebars, file: string, root: string): Handlebars.TemplateDelegate {
  const source = readFileSync(file, "utf8").trim();
  try {
    // Precompile now so syntax errors surface with the file name, not at render time.
    hbs.precompile(source, { strict: true });
    return hbs.compile(source, { strict: true, preventIndent: true });
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    throw new ReportError(`template syntax error: ${message.split("\n")[0]}`, {
      location: { file: relative(root, file), ...(line ? { line: Number(line) } : {}) },
      cause: error,
    });
  }
}

/** The pinned font, embedded so the HTML prints the same anywhere, offline. */
function fontFaceCss(): string {
  return FONT_FACES.map(
    (face) =>
      `@font-face { font-family: "${FONT_FAMILY}"; font-style: ${face.style}; font-weight: ${face.weight}; ` +
      `src: url(data:font/woff;base64,${readFileSync(face.file).toString("base64")}) format("woff"); }`,
  ).join("\n");
}
