import type { Inline, ListBlock, ListItem, ListItemBlock } from "./model.js";

/**
 * How deep lists may nest: a list in a point of a list in a point … four
 * levels in all. The three outputs draw each level with its own indent
 * (Word has a numbering level for each); deeper commentary is refused where
 * it is written, never flattened or dropped.
 */
export const MAX_LIST_DEPTH = 4;

/** Every run of inlines in a list, in reading order: each point's paragraphs and its nested lists'. */
export function listInlines(list: ListBlock): (readonly Inline[])[] {
  return list.items.flatMap((item) => [item.children, ...(item.blocks ?? []).flatMap((block) => (block.type === "list" ? listInlines(block) : [block.children]))]);
}

/** The list with `change` applied to every inline of every point, at every depth. */
export function mapListInlines(list: ListBlock, change: (inline: Inline) => Inline): ListBlock {
  const block = (child: ListItemBlock): ListItemBlock =>
    child.type === "list" ? mapListInlines(child, change) : { ...child, children: child.children.map(change) };
  const item = (point: ListItem): ListItem => ({ ...point, children: point.children.map(change), ...(point.blocks ? { blocks: point.blocks.map(block) } : {}) });
  return { ...list, items: list.items.map(item) };
}
