import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Handlebars from "handlebars";
import { afterEach, describe, expect, it } from "vitest";
import { renderError, syntaxError } from "../../src/render/templateErrors.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import { errorOf } from "../helpers/errors.js";
import { REPO } from "../helpers/project.js";

/**
 * A template mistake is one located line in Norwegian, saying what is wrong
 * and what to do; never the parser's five-line dump (issue 21).
 */
function parsed(source: string): ReturnType<typeof syntaxError> {
  try {
    Handlebars.parse(source);
  } catch (error) {
    return syntaxError(error, source, "templates/partials/x.hbs");
  }
  throw new Error("expected a parse error");
}

describe("template syntax errors", () => {
  it("an unclosed block names the line and column where it opens, in one line", () => {
    const error = parsed('<figure>\n  {{#each notes}}\n<p>{{this}}</p>\n</figure>\n');
    expect(error.id).toBe("templates.blockNeverClosed");
    expect(error.format()).toBe("templates/partials/x.hbs:2:3: {{#each}} blir aldri lukket (lukk den med {{/each}})");
  });

  it.each([
    ["a mustache without its second brace", "<p>\n<b>{{caption}</b>\n</p>", 2, "en {{…}} som mangler }} eller har et tegn som ikke hører hjemme der i «<b>{{caption}</b>»"],
    ["an empty partial", "<p>\n{{> }}\n</p>", 2, "en {{…}} mangler navnet på et felt eller en verdi i «{{> }}»"],
    ["an {{else}} outside a block", "<p>\n\n{{else}}</p>", 3, "uventet {{else}} i «{{else}}</p>»"],
    ["a mustache never closed", "<p>\n{{caption", 2, "en {{…}} som mangler }} eller har et tegn som ikke hører hjemme der i «{{caption»"],
    ["a block's {{else}} left without its block", "<ul>\n{{#each a}}<li>{{this}}</li>{{/each}}\n{{else}}\n</ul>", 3, "uventet {{else}} i «{{else}}»"],
  ])("%s: the line it is on, what is wrong there, in one line", (_what, source, line, problem) => {
    const error = parsed(source);
    expect(error.id).toBe("templates.syntax");
    expect(error.format()).toBe(`templates/partials/x.hbs:${line}: skrivefeil i malen: ${problem} (skriv {{felt}}, {{#each liste}}…{{/each}} eller {{#if felt}}…{{/if}}, med to krøllparenteser på hver side)`);
  });

  it("a missing partial is named as such", () => {
    let caught: unknown;
    try {
      Handlebars.compile("{{> forside}}", { strict: true })({});
    } catch (error) {
      caught = error;
    }
    const error = renderError(caught, "templates/report.hbs", []);
    expect(error.id).toBe("templates.unknownPartial");
    expect(error.format()).toBe("templates/report.hbs: delmalen «forside» finnes ikke (lag templates/partials/forside.hbs, eller rett navnet i {{> forside}})");
  });
});

describe("the report's templates", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const copy = (): string => {
    dir = mkdtempSync(join(tmpdir(), "kostra-templates-"));
    cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
    return dir;
  };

  it("a syntax error in a partial is found when the templates load, as one line with the partial's name and line", () => {
    const root = copy();
    writeFileSync(join(root, "templates", "partials", "chart.hbs"), '<figure id="{{id}}">\n  <figcaption>{{caption}</figcaption>\n</figure>\n');
    const error = errorOf(() => loadHtmlTemplates(join(root, "templates"), root));
    expect(error.id).toBe("templates.syntax");
    expect(error.format()).toMatch(/^templates\/partials\/chart\.hbs:2: skrivefeil i malen: en \{\{…\}\} som mangler \}\} eller har et tegn som ikke hører hjemme der i «<figcaption>\{\{caption\}<\/figcaption>» \([^\n]*\)$/);
  });

  it("a stylesheet that would end the page's <style> is refused with its line", () => {
    const root = copy();
    writeFileSync(join(root, "templates", "report.css"), "body { color: black; }\n/* </style><script>alert(1)</script> */\n");
    const error = errorOf(() => loadHtmlTemplates(join(root, "templates"), root));
    expect(error.id).toBe("templates.cssEndsStyle");
    expect(error.format()).toMatch(/^templates\/report\.css:2:4: stilarket inneholder «<\/style»/);
  });

  it("a report.hbs of a template set without the Content-Security-Policy tag is refused", async () => {
    const root = copy();
    const own = join(root, "templates", "arsrapport", "report.hbs");
    writeFileSync(own, "<!doctype html>\n<html lang=\"{{lang}}\"><head><meta charset=\"utf-8\"><title>{{title}}</title></head><body>{{> cover}}</body></html>\n");
    const { buildModel, projectPaths } = await import("../../src/pipeline.js");
    const { model } = await buildModel(projectPaths(REPO), 2025, { log: () => {}, now: () => 0 });
    const error = errorOf(() => loadHtmlTemplates(join(root, "templates"), root, "arsrapport").render(model));
    expect(error.id).toBe("templates.policyMissing");
    expect(error.format()).toMatch(/^templates\/arsrapport\/report\.hbs: malen skriver ikke sidens innholdssikkerhetsregler/);
  });
});
