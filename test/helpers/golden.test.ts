import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { changedFile, expectGolden, expectGoldenFiles } from "./golden.js";
import { htmlGoldenFiles, modelGoldenFiles, standIn } from "./goldenSplit.js";
import { tempFolder } from "./temp.js";
import type { DocumentModel } from "../../src/types/model.js";

/** A golden folder of the test's own, with the files given. */
function goldens(files: Record<string, string>): string {
  const dir = tempFolder("kostra-golden-");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const messageOf = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the golden check to fail");
};

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("golden files", () => {
  it("a match passes and removes an old -changed file", () => {
    vi.stubEnv("UPDATE_GOLDEN", "");
    const dir = goldens({ "a.json": "{}\n", "a-changed.json": "old" });
    expectGolden("a.json", "{}\n", { dir });
    expect(readdirSync(dir)).toEqual(["a.json"]);
  });

  it("a mismatch writes <name>-changed.<ext> beside the golden, leaves the golden and fails naming both", () => {
    vi.stubEnv("UPDATE_GOLDEN", "");
    const dir = goldens({ "exhibits/figur-x.json": '{\n  "value": 1\n}\n' });
    const message = messageOf(() => expectGolden("exhibits/figur-x.json", '{\n  "value": 2\n}\n', { dir }));
    expect(message).toContain(`${join(dir, "exhibits", "figur-x.json")} stemmer ikke; det testen fikk, står i ${join(dir, "exhibits", "figur-x-changed.json")}`);
    expect(message).toContain('første forskjell på linje 2, tegn 12: fasit "  \\"value\\": 1", fikk "  \\"value\\": 2"');
    expect(message).toContain("UPDATE_GOLDEN=1");
    expect(readFileSync(join(dir, "exhibits", "figur-x-changed.json"), "utf8")).toBe('{\n  "value": 2\n}\n');
    expect(readFileSync(join(dir, "exhibits", "figur-x.json"), "utf8")).toBe('{\n  "value": 1\n}\n');
  });

  it("a missing golden fails and writes what the test got as -changed, never passes silently", () => {
    vi.stubEnv("UPDATE_GOLDEN", "");
    const dir = goldens({});
    expect(messageOf(() => expectGolden("chart.svg", "<svg/>\n", { dir }))).toContain(`${join(dir, "chart.svg")} mangler`);
    expect(readFileSync(join(dir, "chart-changed.svg"), "utf8")).toBe("<svg/>\n");
    expect(existsSync(join(dir, "chart.svg"))).toBe(false);
  });

  it("compares every file before failing, and a golden no file produces any more fails too", () => {
    vi.stubEnv("UPDATE_GOLDEN", "");
    const dir = goldens({ "set/a.html": "a\n", "set/b.html": "b\n", "set/gone.html": "gone\n" });
    const message = messageOf(() => expectGoldenFiles(new Map([["set/a.html", "A\n"], ["set/b.html", "B\n"]]), { dir, owned: ["set"] }));
    expect(message).toMatch(/^3 fasitfiler avviker:/);
    expect(message).toContain("set/gone.html hører ikke til noe testen lager lenger");
    expect(readdirSync(join(dir, "set")).sort()).toEqual(["a-changed.html", "a.html", "b-changed.html", "b.html", "gone.html"]);
  });

  it("UPDATE_GOLDEN=1 writes the goldens and removes those nothing produces", () => {
    vi.stubEnv("UPDATE_GOLDEN", "1");
    vi.stubEnv("CI", "");
    const dir = goldens({ "set/a.html": "a\n", "set/a-changed.html": "A\n", "set/gone.html": "gone\n" });
    expectGoldenFiles(new Map([["set/a.html", "A\n"], ["set/new.html", "new\n"]]), { dir, owned: ["set"] });
    expect(readdirSync(join(dir, "set")).sort()).toEqual(["a.html", "new.html"]);
    expect(readFileSync(join(dir, "set", "a.html"), "utf8")).toBe("A\n");
  });

  it.each(["true", "1"])("UPDATE_GOLDEN=1 is refused when CI=%s, and no file is written", (ci) => {
    vi.stubEnv("UPDATE_GOLDEN", "1");
    vi.stubEnv("CI", ci);
    const dir = goldens({ "a.json": "old\n" });
    expect(messageOf(() => expectGolden("a.json", "new\n", { dir }))).toContain(`UPDATE_GOLDEN=1 er avvist fordi CI=${ci} er satt`);
    expect(readdirSync(dir)).toEqual(["a.json"]);
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("old\n");
  });

  it("names the -changed file beside the golden, extension kept", () => {
    expect(changedFile("/g/model/exhibits/tabell-a.b.json")).toBe("/g/model/exhibits/tabell-a.b-changed.json");
    expect(changedFile("/g.d/README")).toBe("/g.d/README-changed");
  });
});

describe("golden files split by chapter and exhibit", () => {
  const model = {
    lang: "nb",
    title: "T",
    organisation: "O",
    year: 2025,
    toc: [],
    chapters: [
      {
        id: "k",
        title: "K",
        blocks: [
          { type: "heading", level: 1, id: "kapittel-k", text: "K", toc: true },
          { type: "chart", id: "figur-a", svg: "<svg/>", caption: "A" },
          { type: "table", id: "tabell-a", caption: "A" },
        ],
      },
    ],
  } as unknown as DocumentModel;

  it("the model: a document file, a file per chapter, a file per exhibit, the SVG as its hash", () => {
    const files = modelGoldenFiles(model);
    expect([...files.keys()]).toEqual(["model/exhibits/figur-a.json", "model/exhibits/tabell-a.json", "model/chapters/k.json", "model/document.json"]);
    expect(JSON.parse(files.get("model/document.json")!).chapters).toEqual([{ id: "k", title: "K", blocks: "model/chapters/k.json" }]);
    expect(JSON.parse(files.get("model/chapters/k.json")!)[1]).toEqual({ type: "chart", id: "figur-a", golden: "model/exhibits/figur-a.json" });
    expect(JSON.parse(files.get("model/exhibits/figur-a.json")!).svg).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it("the HTML: each chapter and exhibit cut out at its own end tag (nested elements of the same name counted), put back exactly", () => {
    const exhibit = '<div class="exhibit table-exhibit" id="tabell-a">\n  <div class="table-scroll"><table></table></div>\n</div>';
    const chapter = `<section class="chapter" aria-labelledby="kapittel-k">\n<h1>K</h1>${exhibit}<p>etter</p>\n</section>`;
    const html = `<html><body><main>\n${chapter}\n</main></body></html>`;
    const files = htmlGoldenFiles(html);
    expect(files.get("html/exhibits/tabell-a.html")).toBe(`${exhibit}\n`);
    expect(files.get("html/chapters/k.html")).toBe(`<section class="chapter" aria-labelledby="kapittel-k">\n<h1>K</h1>${standIn("html/exhibits/tabell-a.html")}<p>etter</p>\n</section>\n`);
    const put = (text: string): string => text.replace(/<!-- golden: (\S+) -->/g, (_, name: string) => put(files.get(name)!.slice(0, -1)));
    expect(put(files.get("html/document.html")!.slice(0, -1))).toBe(html);
  });
});
