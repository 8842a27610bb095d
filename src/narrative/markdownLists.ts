import type { List, ListItem as MdListItem, PhrasingContent } from "mdast";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { MAX_LIST_DEPTH } from "../types/lists.js";
import type { Inline, ListBlock, ListItem, ListItemBlock } from "../types/model.js";

/** Where a list is written, and how its text becomes model inlines (markdown.ts). */
export interface ListSource {
  readonly file: string;
  /** Lines before the Markdown body (front matter). */
  readonly lineOffset: number;
  readonly inlines: (nodes: readonly PhrasingContent[]) => Inline[];
}

/**
 * A Markdown list → a model list, nested lists and every paragraph of a
 * point kept. Nothing is dropped: a list deeper than MAX_LIST_DEPTH, or a
 * quote, code block or heading inside a point, is refused where it stands.
 * `depth` is 1 for a list that stands on its own.
 */
export function listBlock(node: List, source: ListSource, depth = 1): ListBlock {
  if (depth > MAX_LIST_DEPTH) throw new ReportError(msg.lists.tooDeep(depth, MAX_LIST_DEPTH), { location: locationOf(node, source) });
  return { type: "list", ordered: node.ordered === true, items: node.children.map((item) => listItem(item, source, depth)) };
}

function listItem(item: MdListItem, source: ListSource, depth: number): ListItem {
  const [first, ...rest] = item.children;
  const lead = first?.type === "paragraph" ? first : undefined;
  const blocks = (lead ? rest : item.children).flatMap((child): ListItemBlock[] => {
    switch (child.type) {
      case "paragraph":
        return [{ type: "paragraph", children: source.inlines(child.children) }];
      case "list":
        return [listBlock(child, source, depth + 1)];
      // No text: as outside lists, a rule or a link definition prints nothing.
      case "thematicBreak":
      case "definition":
        return [];
      default:
        throw new ReportError(msg.lists.blockInItem(child.type), { location: locationOf(child, source) });
    }
  });
  return { children: lead ? source.inlines(lead.children) : [], ...(blocks.length > 0 ? { blocks } : {}) };
}

function locationOf(node: { readonly position?: { readonly start: { readonly line: number; readonly column: number } } | undefined }, source: ListSource) {
  const start = node.position?.start;
  return start ? { file: source.file, line: start.line + source.lineOffset, column: start.column } : { file: source.file };
}
