import type { Block, DocumentModel } from "../../model/types.js";

/**
 * The model as the layout print sees it: every chart's SVG reduced to its own
 * `<svg …>` element with nothing drawn inside. The element keeps its width,
 * height and viewBox, so the box it takes on the page, and with it every page
 * break, is the real chart's; Chromium only skips drawing hundreds of marks.
 */
export function layoutModel(model: DocumentModel): DocumentModel {
  return { ...model, chapters: model.chapters.map((chapter) => ({ ...chapter, blocks: chapter.blocks.map(emptyChart) })) };
}

function emptyChart(block: Block): Block {
  return block.type === "chart" ? { ...block, svg: emptySvg(block.svg) } : block;
}

/** `<svg a="b"><g>…</g></svg>` → `<svg a="b"></svg>`; anything else is kept as it is. */
export function emptySvg(svg: string): string {
  const open = /^\s*<svg\b[^>]*>/.exec(svg);
  return open && svg.trimEnd().endsWith("</svg>") ? `${open[0]}</svg>` : svg;
}
