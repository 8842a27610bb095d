import { createHash } from "node:crypto";
import type { Block, DocumentModel } from "../../src/types/model.js";

/**
 * The document model and its HTML as many small golden files instead of two
 * big ones, so a change shows as the exhibit or chapter it touches:
 *
 *   model/document.json            the model, each chapter's blocks standing in as its file's name
 *   model/chapters/<chapter>.json  a chapter's blocks, each exhibit standing in as {type, id, golden}
 *   model/exhibits/<id>.json       one exhibit (chart or table) block
 *   html/document.html             the page, each chapter standing in as a comment naming its file
 *   html/chapters/<chapter>.html   a chapter's section, each exhibit standing in likewise
 *   html/exhibits/<id>.html        one exhibit's <figure> or <div>
 *
 * Put back together (each stand-in replaced by its file) they are exactly the
 * old whole-document goldens.
 */

/** Text blocks stay in their chapter's file; every other block with an id is an exhibit with a file of its own. */
const TEXT_BLOCKS: ReadonlySet<string> = new Set(["heading", "paragraph", "list"]);

/** Chart drawings stand in as their hash here: the chart goldens (charts/*.svg) and the HTML hold the drawings. */
function modelJson(value: unknown): string {
  const json = JSON.stringify(
    value,
    (key, v: unknown) => (key === "svg" && typeof v === "string" ? `sha256:${createHash("sha256").update(v).digest("hex").slice(0, 16)}` : v),
    2,
  );
  return `${json}\n`;
}

export function modelGoldenFiles(model: DocumentModel): Map<string, string> {
  const files = new Map<string, string>();
  const add = (name: string, text: string) => {
    if (files.has(name)) throw new Error(`to deler av modellen vil ha samme fasitfil ${name}: id-ene må være unike`);
    files.set(name, text);
  };
  const chapters = model.chapters.map((chapter) => {
    const chapterFile = `model/chapters/${chapter.id}.json`;
    const blocks = chapter.blocks.map((block) => {
      const id = exhibitId(block);
      if (id === undefined) return block;
      const golden = `model/exhibits/${id}.json`;
      add(golden, modelJson(block));
      return { type: block.type, id, golden };
    });
    add(chapterFile, modelJson(blocks));
    return { ...chapter, blocks: chapterFile };
  });
  add("model/document.json", modelJson({ ...model, chapters }));
  return files;
}

function exhibitId(block: Block): string | undefined {
  return TEXT_BLOCKS.has(block.type) || !("id" in block) ? undefined : block.id;
}

/** Each chapter's <section>, and in it each exhibit's element, moved to a file of its own. */
export function htmlGoldenFiles(html: string): Map<string, string> {
  const files = new Map<string, string>();
  const add = (name: string, text: string) => {
    if (files.has(name)) throw new Error(`to deler av HTML-en vil ha samme fasitfil ${name}: id-ene må være unike`);
    files.set(name, `${text}\n`);
  };
  let chapterNumber = 0;
  const page = cutOut(html, /<section class="chapter"[^>]*>/g, "section", (section, startTag) => {
    chapterNumber++;
    const id = /aria-labelledby="kapittel-([^"]+)"/.exec(startTag)?.[1] ?? String(chapterNumber);
    const chapterFile = `html/chapters/${id}.html`;
    const body = cutOut(section, /<(figure|div) class="exhibit[^"]*" id="([^"]+)">/g, undefined, (exhibit, _tag, match) => {
      const exhibitFile = `html/exhibits/${match[2]!}.html`;
      add(exhibitFile, exhibit);
      return exhibitFile;
    });
    add(chapterFile, body);
    return chapterFile;
  });
  add("html/document.html", page);
  return files;
}

/** The comment an element is replaced by, naming the file it went to. */
export const standIn = (file: string) => `<!-- golden: ${file} -->`;

/**
 * Replaces each element that starts where `start` matches (through its
 * matching end tag, nested elements of the same name counted) by a stand-in
 * naming the file `save` put it in. `tag` is the element's name, or the
 * match's first group when undefined.
 */
function cutOut(
  html: string,
  start: RegExp,
  tag: string | undefined,
  save: (element: string, startTag: string, match: RegExpExecArray) => string,
): string {
  let out = "";
  let from = 0;
  for (let match = start.exec(html); match; match = start.exec(html)) {
    if (match.index < from) continue;
    const name = tag ?? match[1]!;
    const end = elementEnd(html, match.index, name);
    out += html.slice(from, match.index) + standIn(save(html.slice(match.index, end), match[0], match));
    from = end;
    start.lastIndex = end;
  }
  return out + html.slice(from);
}

/** The index just past the end tag that closes the element starting at `at`. */
function elementEnd(html: string, at: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}[\\s>]`, "g");
  tags.lastIndex = at;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] === "/" ? -1 : 1;
    if (depth === 0) return html.indexOf(">", tag.index) + 1;
  }
  throw new Error(`<${name}> ved tegn ${at} i HTML-en lukkes aldri`);
}
