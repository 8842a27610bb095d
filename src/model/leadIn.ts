import type { Inline, ParagraphBlock } from "../types/model.js";

/**
 * A paragraph that introduces what follows ("… måles ved hjelp av
 * indikatorene:"). Both renderers keep it on the page of the next block.
 */
export function isLeadIn(paragraph: ParagraphBlock): boolean {
  return plainText(paragraph.children).trimEnd().endsWith(":");
}

function plainText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.type === "text" ? inline.text : plainText(inline.children))).join("");
}
