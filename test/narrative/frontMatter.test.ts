import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/narrative/frontMatter.js";
import { errorOf } from "../helpers/errors.js";

const FILE = "data/2025/commentary/01-tekst.md";
const split = (text: string) => splitFrontMatter(text, FILE);

describe("commentary front matter", () => {
  it("reads chapter and section, and where the body starts", () => {
    expect(split("---\nchapter: grunnskole\nsection: ressurser\n---\nTekst")).toEqual({ frontMatter: { chapter: "grunnskole", section: "ressurser" }, body: "Tekst", bodyLineOffset: 4 });
  });

  it("refuses an alias bomb, located, before expanding it", () => {
    const bomb = ["---", "a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "chapter: grunnskole", "section: ressurser", "---", "Tekst"].join("\n");
    const error = errorOf(() => split(bomb));
    expect(error.id).toBe("narrative.frontMatterAlias");
    expect(error.format()).toMatch(/^data\/2025\/commentary\/01-tekst\.md:3:8: toppdelen \(front matter\) bruker YAML-aliaser/);
    expect(error.format()).not.toMatch(/Excessive alias/);
  });

  it("says in Norwegian which key is wrong, on its line", () => {
    const at = (text: string) => {
      const error = errorOf(() => split(text));
      return `${error.id} ${error.location?.line}`;
    };
    expect(at("Tekst uten toppdel")).toBe("narrative.frontMatterMissing 1");
    expect(at("---\nchapter: a\nsection: b\nTekst")).toBe("narrative.frontMatterNotClosed 1");
    expect(at("---\nchapter: [a\nsection: b\n---\n")).toBe("narrative.frontMatterNotYaml 3");
    expect(at("---\nchapter: a\n---\n")).toBe("narrative.frontMatterKeyMissing 1");
    expect(at("---\nchapter: a\nsection: ''\n---\n")).toBe("narrative.frontMatterKeyEmpty 3");
    expect(at("---\nchapter: 2024\nsection: b\n---\n")).toBe("narrative.frontMatterKeyNotText 2");
    expect(at("---\nchapter: a\nsection: b\ntitle: c\n---\n")).toBe("narrative.frontMatterUnknownKey 4");
    expect(at("---\n- a\n---\n")).toBe("narrative.frontMatterNotMap 1");
  });
});

describe("YAML errors in front matter", () => {
  it("say in Norwegian what is wrong, with line and column, never the parser's English", () => {
    const format = (text: string) => errorOf(() => split(text)).format();
    expect(format("---\nchapter: a\nchapter: b\nsection: c\n---\n")).toMatch(/^data\/2025\/commentary\/01-tekst\.md:3:1: toppdelen \(front matter\) er ikke gyldig YAML: nøkkelen «chapter» står to ganger/);
    expect(format("---\nchapter: a\n\tsection: c\n---\n")).toMatch(/:3:1: .*innrykket er skrevet med tabulator/);
    expect(format('---\nchapter: "a" b\nsection: c\n---\n')).toMatch(/:2:\d+: .*det står noe mer etter verdien/);
    for (const text of ["---\nchapter: a\nchapter: b\n---\n", "---\nchapter: a\n\tsection: c\n---\n", '---\nchapter: "a" b\n---\n', "---\nchapter: [a\nsection: b\n---\n"]) {
      expect(format(text)).not.toMatch(/must|Map keys|Unexpected|Tabs|allowed|Missing|at line/);
    }
  });
});
