import { describe, expect, it } from "vitest";
import { markdownToBlocks } from "../../src/narrative/markdown.js";
import { listInlines, mapListInlines, MAX_LIST_DEPTH } from "../../src/types/lists.js";
import type { Inline, ListBlock, ListItem, ListItemBlock } from "../../src/types/model.js";
import { loadHtmlTemplates } from "../../src/render/html/renderHtml.js";
import { errorOf } from "../helpers/errors.js";
import { REPO } from "../helpers/project.js";

/** Commentary bodies start after their front matter: line 1 of the body is line 5 of the file. */
const OFFSET = 4;
const blocks = (markdown: string) => markdownToBlocks(markdown, "tekst.md", OFFSET, "s");
const onlyList = (markdown: string): ListBlock => {
  const [block, ...rest] = blocks(markdown);
  expect(rest).toEqual([]);
  if (block?.type !== "list") throw new Error(`expected a list, got ${block?.type}`);
  return block;
};
const text = (value: string): Inline[] => [{ type: "text", text: value }];
const point = (value: string, ...nested: ListItemBlock[]): ListItem => ({ children: text(value), ...(nested.length > 0 ? { blocks: nested } : {}) });

/** A list nested `depth` deep, one point per level: "- nivå 1\n  - nivå 2 …". */
const nestedList = (depth: number) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- nivå ${i + 1}`).join("\n");

describe("lists in commentary Markdown (issue 21, item 4)", () => {
  it("keeps nested lists, ordered and unordered mixed, three levels deep", () => {
    const list = onlyList(["- Eple", "  - Rød", "    1. Liten", "    2. Stor", "  - Grønn", "- Pære"].join("\n"));
    expect(list).toEqual({
      type: "list",
      ordered: false,
      items: [
        point("Eple", { type: "list", ordered: false, items: [point("Rød", { type: "list", ordered: true, items: [point("Liten"), point("Stor")] }), point("Grønn")] }),
        point("Pære"),
      ],
    });
    expect(listInlines(list).map((inlines) => inlines.map((i) => (i.type === "text" ? i.text : "")).join(""))).toEqual(["Eple", "Rød", "Liten", "Stor", "Grønn", "Pære"]);
  });

  it("keeps two paragraphs of one point apart, never glued", () => {
    const list = onlyList("1. Første avsnitt.\n\n   Andre avsnitt.\n2. Neste punkt.");
    expect(list.items).toEqual([point("Første avsnitt.", { type: "paragraph", children: text("Andre avsnitt.") }), point("Neste punkt.")]);
  });

  it("keeps a point that starts with a nested list, and a paragraph after a nested list, in the order written", () => {
    const list = onlyList("- - inne\n- ytre\n\n  - under\n\n  etter");
    expect(list.items).toEqual([
      { children: [], blocks: [{ type: "list", ordered: false, items: [point("inne")] }] },
      point("ytre", { type: "list", ordered: false, items: [point("under")] }, { type: "paragraph", children: text("etter") }),
    ]);
  });

  it("keeps all 300 points of a long list", () => {
    const list = onlyList(Array.from({ length: 300 }, (_, i) => `- punkt ${i + 1}`).join("\n"));
    expect(list.items).toHaveLength(300);
    expect(list.items.at(-1)).toEqual(point("punkt 300"));
  });

  it(`keeps lists ${MAX_LIST_DEPTH} levels deep`, () => {
    expect(listInlines(onlyList(nestedList(MAX_LIST_DEPTH)))).toHaveLength(MAX_LIST_DEPTH);
  });

  it(`refuses a list ${MAX_LIST_DEPTH + 1} levels deep (and one 300 deep) at its file:line:column, instead of dropping it`, () => {
    const error = errorOf(() => blocks(`Tekst.\n\n${nestedList(MAX_LIST_DEPTH + 1)}`));
    expect(error.id).toBe("lists.tooDeep");
    // Body line 3 + 4 is the first point; the fifth level starts 4 lines below, after 8 spaces.
    expect(error.location).toEqual({ file: "tekst.md", line: 3 + MAX_LIST_DEPTH + OFFSET, column: 2 * MAX_LIST_DEPTH + 1 });
    expect(error.format()).toMatch(/^tekst\.md:11:9: listen ligger 5 nivåer inne i andre lister; rapporten viser lister i høyst 4 nivåer \(flytt punktene/);
    const deep = errorOf(() => blocks(nestedList(300)));
    expect(deep.id).toBe("lists.tooDeep");
    expect(deep.location?.line).toBe(MAX_LIST_DEPTH + 1 + OFFSET);
  });

  it.each([
    ["a quote", "- punkt\n\n  > sitat", 7, 3, /et sitat \(>\) inne i et listepunkt/],
    ["a code block", "- punkt\n\n      kode", 7, 3, /en kodeblokk inne i et listepunkt .*fire eller flere mellomrom/],
    ["a heading", "1. punkt\n   ### Overskrift", 6, 4, /en overskrift inne i et listepunkt/],
    ["HTML", "- punkt\n\n  <div>x</div>", 7, 3, /HTML-kode inne i et listepunkt/],
  ])("refuses %s inside a point at its file:line:column, saying what to do", (_, markdown, line, column, message) => {
    const error = errorOf(() => blocks(markdown));
    expect(error.id).toBe("lists.blockInItem");
    expect(error.location).toEqual({ file: "tekst.md", line, column });
    expect(error.format()).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it("says «det» of a quote and «den» of a heading in the hint", () => {
    expect(errorOf(() => blocks("- punkt\n\n  > sitat")).hint).toMatch(/^flytt det ut av listen, .* skriv det som vanlig tekst/);
    expect(errorOf(() => blocks("1. punkt\n   ### Overskrift")).hint).toMatch(/^flytt den ut av listen, .* skriv den som vanlig tekst/);
  });

  it("changes the text of every point at every depth (so {{tabell}} references resolve in nested points)", () => {
    const list = onlyList("- a\n  - b\n\n    c");
    const upper = mapListInlines(list, (inline) => (inline.type === "text" ? { ...inline, text: inline.text.toUpperCase() } : inline));
    expect(listInlines(upper)).toEqual([text("A"), text("B"), text("C")]);
  });
});

describe("lists in the HTML", () => {
  const templates = loadHtmlTemplates(`${REPO}/templates`, REPO);
  const html = (markdown: string) => {
    const rendered = templates.render({ lang: "nb", title: "T", organisation: "O", year: 2025, toc: [], chapters: [{ id: "a", title: "A", blocks: [onlyList(markdown)] }] });
    return rendered.slice(rendered.search(/<main[\s>]/), rendered.indexOf("</main>"));
  };

  it("nests ul and ol as written", () => {
    expect(html("- Eple\n  - Rød\n    1. Liten\n    2. Stor\n  - Grønn\n- Pære")).toContain(
      "<ul><li>Eple<ul><li>Rød<ol><li>Liten</li><li>Stor</li></ol></li><li>Grønn</li></ul></li><li>Pære</li></ul>",
    );
  });

  it("gives each paragraph of a point a <p> of its own", () => {
    expect(html("1. Første avsnitt.\n\n   Andre avsnitt.\n2. Neste.")).toContain("<ol><li><p>Første avsnitt.</p><p>Andre avsnitt.</p></li><li>Neste.</li></ol>");
  });

  it("keeps a flat list as before: its text straight in the <li>", () => {
    expect(html("- en\n- to")).toContain("<ul><li>en</li><li>to</li></ul>");
  });
});
