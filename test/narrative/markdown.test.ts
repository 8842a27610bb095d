import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { markdownToBlocks, MAX_NESTING } from "../../src/narrative/markdown.js";
import { refuseRunawayNesting } from "../../src/narrative/nestingGuard.js";
import { MAX_LIST_DEPTH } from "../../src/types/lists.js";
import { errorOf } from "../helpers/errors.js";
import { REPO } from "../helpers/project.js";

const blocks = (body: string) => markdownToBlocks(body, "data/2025/commentary/01-tekst.md", 4, "tekst");

/** `*a _a *a x a* a_ a*`: k emphases, each inside the one before; the text sits k + 2 levels down (paragraph, emphases, text). */
function nestedEmphasis(k: number): string {
  let open = "";
  let close = "";
  for (let i = 0; i < k; i++) {
    const mark = i % 2 ? "_" : "*";
    open += `${mark}a `;
    close = ` a${mark}${close}`;
  }
  return `${open}x${close}`;
}

describe("commentary nested too deep", () => {
  it("is read up to MAX_NESTING levels and refused, located, one level beyond", () => {
    expect(blocks(nestedEmphasis(MAX_NESTING - 2))).toHaveLength(1);
    const error = errorOf(() => blocks(`Første avsnitt.\n\n${nestedEmphasis(MAX_NESTING - 1)}`));
    expect(error.id).toBe("narrative.nestedTooDeep");
    expect(error.format()).toMatch(new RegExp(`^data/2025/commentary/01-tekst\\.md:7:\\d+: teksten er nøstet i mer enn ${MAX_NESTING} nivåer`));
  });

  // 6 000 asterisks on each side (3 000 levels) overflowed the stack: "intern feil: Maximum call stack size exceeded", no file named.
  it("thousands of levels give the same located error, not an internal one", { timeout: 120_000 }, () => {
    const error = errorOf(() => blocks(`Tekst\n\n${"*".repeat(6000)}x${"*".repeat(6000)}`));
    expect(error.id).toBe("narrative.nestedTooDeep");
    expect(error.location).toMatchObject({ file: "data/2025/commentary/01-tekst.md", line: 7 });
  });
});

// Issue 20: these took the parser from five seconds (the list) to three minutes (the emphasis) before the check on its
// tree could refuse them; the look at the text before parsing refuses them with the same located messages. Without
// it, each of these runs past the test's time limit.
describe("commentary nested far too deep is refused before parsing", () => {
  const DEEP = 20_000;
  it.each([
    ["emphasis", `${"*".repeat(DEEP)}x${"*".repeat(DEEP)}`, 1],
    ["emphasis of both marks, a word at each level", `${"*a _a ".repeat(DEEP / 2)}x${" a_ a*".repeat(DEEP / 2)}`, 1],
    ["quotes", `${"> ".repeat(DEEP)}x`, 2 * MAX_NESTING + 1],
    ["brackets", `${"[".repeat(DEEP)}x${"](https://ssb.no)".repeat(DEEP)}`, MAX_NESTING + 1],
  ])("%s, 20 000 deep: the nesting error at its line and column", (_, deep, column) => {
    const error = errorOf(() => blocks(`Tekst\n\n${deep}`));
    expect(error.id).toBe("narrative.nestedTooDeep");
    expect(error.location).toEqual({ file: "data/2025/commentary/01-tekst.md", line: 7, column });
    expect(error.format()).toMatch(/^data\/2025\/commentary\/01-tekst\.md:7:\d+: teksten er nøstet i mer enn 32 nivåer/);
  });

  it("a list 20 000 levels deep, on lines of their own or all on one: the list error at the first level too deep", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}- nivå ${i + 1}`).join("\n");
    const onLines = errorOf(() => blocks(lines));
    expect(onLines.id).toBe("lists.tooDeep");
    expect(onLines.location).toEqual({ file: "data/2025/commentary/01-tekst.md", line: MAX_LIST_DEPTH + 5, column: 2 * MAX_LIST_DEPTH + 1 });
    const onOneLine = errorOf(() => blocks(`${"- ".repeat(DEEP)}x`));
    expect(onOneLine.id).toBe("lists.tooDeep");
    expect(onOneLine.format()).toMatch(/^data\/2025\/commentary\/01-tekst\.md:5:9: listen ligger 5 nivåer inne i andre lister/);
  });

  it("leaves ordinary Markdown alone: bold, rules of *, - and _, tables, code, unclosed marks", () => {
    const ordinary = [
      "**fet**, *kursiv*, ***begge*** og __fet__ i_midten_av ord.",
      "***",
      "---",
      "*".repeat(80),
      "- * * *",
      "| kommune | andel |\n|---|---|\n| Bærum | 12,3 |",
      "Regnestykket 2 * 3 * 4 og *en stjerne uten slutt, [en klamme uten slutt.",
      `\`${"*".repeat(200)}\` i kode`,
    ].join("\n\n");
    expect(() => refuseRunawayNesting(ordinary, "tekst.md", 0, { nesting: MAX_NESTING, listDepth: MAX_LIST_DEPTH })).not.toThrow();
    // The table and the inline code pass the guard; the reader then refuses them (below), where they stand.
    const [table, code] = [ordinary.indexOf("| kommune"), ordinary.indexOf("`")];
    expect(errorOf(() => blocks(ordinary)).id).toBe("narrative.gfmTable");
    expect(errorOf(() => blocks(ordinary.slice(table + 50))).id).toBe("narrative.unsupportedMarkdown");
    expect(blocks(ordinary.slice(0, table) + ordinary.slice(table + 50, code))).toHaveLength(3);
  });

  it("leaves the real commentary alone", () => {
    const folders = ["data/2025/commentary", "data/2020/commentary"].map((folder) => join(REPO, folder));
    const files = folders.flatMap((folder) => readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).map((name) => join(folder, name)));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      // Twice as strict as the real limits, so a guard that read the commentary as nested would show here first.
      expect(() => refuseRunawayNesting(readFileSync(file, "utf8"), file, 0, { nesting: MAX_NESTING / 2, listDepth: MAX_LIST_DEPTH / 2 })).not.toThrow();
    }
  });
});

describe("commentary Markdown errors", () => {
  it("are Norwegian, with file and line", () => {
    expect(errorOf(() => blocks("> sitat")).format()).toMatch(/^data\/2025\/commentary\/01-tekst\.md:5:1: et sitat \(>\) støttes ikke i kommentarer \(fjern > foran linjene/);
    expect(errorOf(() => blocks("Se [her](javascript:alert(1)).")).id).toBe("narrative.linkNotAllowed");
    expect(errorOf(() => blocks("Tekst [[nokkeltall]] i et avsnitt.")).id).toBe("narrative.markerInParagraph");
  });
});

describe("Markdown the report cannot show is refused where it stands, never printed as typed", () => {
  it.each([
    ["a GFM table", "Tekst.\n\n| Kommune | Elever |\n|---|---|\n| Bærum | 10 |", "narrative.gfmTable", 7, 1, /en tabell skrevet med \| og --- .*\(tabeller kommer fra report\.yaml/],
    ["a table without outer pipes", "Kommune | Elever\n--- | ---\nBærum | 10", "narrative.gfmTable", 5, 1, /en tabell/],
    ["strikethrough", "Dette er ~~feil~~ riktig.", "narrative.strikethrough", 5, 10, /gjennomstreking \(~~…~~\)/],
    ["an open task", "- [ ] gjøre noe\n- vanlig", "narrative.taskList", 5, 3, /avkrysningspunktet «\[ \]»/],
    ["a done task", "1. punkt\n2. [x] gjort", "narrative.taskList", 6, 4, /avkrysningspunktet «\[x\]»/],
    ["inline code", "Kjør `npm run report` nå.", "narrative.unsupportedMarkdown", 5, 6, /kode mellom grave aksenter .*støttes ikke/],
    ["inline code in a heading", "### Om `x`", "narrative.unsupportedMarkdown", 5, 8, /kode mellom grave aksenter/],
  ])("%s", (_, markdown, id, line, column, message) => {
    const error = errorOf(() => blocks(markdown));
    expect(error.id).toBe(id);
    expect(error.location).toEqual({ file: "data/2025/commentary/01-tekst.md", line, column });
    expect(error.format()).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it("names Markdown's elements in Norwegian, never by their English node type", () => {
    for (const [markdown, name] of [
      ["```\nkode\n```", "en kodeblokk"],
      ["<div>x</div>", "HTML-kode"],
      ["![bilde](https://example.com/a.png)", "et bilde"],
      ["Se [her][ref].\n\n[ref]: https://example.com", "en referanselenke"],
    ] as const) {
      const text = errorOf(() => blocks(markdown)).format();
      expect(text).toContain(name);
      expect(text).not.toMatch(/«(code|html|image|linkReference|blockquote)»/);
    }
  });

  it("a pipe or a tilde in ordinary text is still text", () => {
    expect(blocks("Andel 5 | 10 og ~5 prosent.")).toEqual([{ type: "paragraph", children: [{ type: "text", text: "Andel 5 | 10 og ~5 prosent." }] }]);
  });
});
