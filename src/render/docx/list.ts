import { AlignmentType, LevelFormat, Paragraph, type ILevelsOptions } from "docx";
import { MAX_LIST_DEPTH } from "../../types/lists.js";
import type { ListBlock } from "../../types/model.js";
import { inlineRuns } from "./inlines.js";

/** The numbering of numbered lists; bullets are docx's own ("default-bullet-numbering"). */
export const ORDERED = "nummerert-liste";

/** docx's bullets indent each level by half an inch more, their text hanging a quarter inch. */
const BULLET_STEP = 720;
const BULLET_HANGING = 360;
/** A numbered list of its own (level 0) keeps its tighter indent; nested levels line up with the bullets'. */
const ORDERED_TOP = { left: 420, hanging: 280 };

/** Where the text of a point at `level` starts, so its further paragraphs line up with it. */
function textIndent(ordered: boolean, level: number): number {
  return ordered && level === 0 ? ORDERED_TOP.left : BULLET_STEP * (level + 1);
}

/**
 * One level per depth a list may have, each numbered "1." like the PDF's
 * nested `<ol>`, which counts in decimals at every depth.
 */
export function orderedLevels(): ILevelsOptions[] {
  return Array.from({ length: MAX_LIST_DEPTH }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: level === 0 ? ORDERED_TOP : { left: textIndent(true, level), hanging: BULLET_HANGING } } },
  }));
}

/**
 * A list as Word paragraphs: each point a numbered or bulleted paragraph at
 * its nesting level, its further paragraphs indented under its text, its
 * nested lists one level further in. `lists` counts the numbered lists: each,
 * nested ones too, is an instance of its own, so it starts at 1 as in the
 * PDF (one instance for all would number on through the document), and a
 * chapter's lists never depend on the chapters before it (sectionPages.ts).
 */
export function listParagraphs(list: ListBlock, lists: { count: number }, level = 0): Paragraph[] {
  const instance = list.ordered ? ++lists.count : 0;
  const marker = list.ordered ? { numbering: { reference: ORDERED, level, instance } } : { bullet: { level } };
  return list.items.flatMap((item) => [
    new Paragraph({ ...marker, children: inlineRuns(item.children) }),
    ...(item.blocks ?? []).flatMap((block) =>
      block.type === "list"
        ? listParagraphs(block, lists, level + 1)
        : [new Paragraph({ indent: { left: textIndent(list.ordered, level) }, children: inlineRuns(block.children) })],
    ),
  ]);
}
