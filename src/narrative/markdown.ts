import { fromMarkdown } from "mdast-util-from-markdown";
import type { PhrasingContent, RootContent } from "mdast";
import { ReportError } from "../errors.js";
import type { Block, Inline } from "../model/types.js";

/** Where the definition's exhibit (chart and/or table) goes in the text. */
export interface ExhibitMarker {
  readonly type: "exhibit";
  readonly id: string;
  readonly line: number;
}

export type NarrativeItem = Block | ExhibitMarker;

const MARKER = /^\[\[\s*([a-z0-9][a-z0-9-]*)\s*\]\]$/;

/**
 * Commentary Markdown → model blocks (not HTML), so the Word renderer gets
 * real paragraphs and lists too. A paragraph that is only `[[id]]` places the
 * exhibit with that id. Headings in commentary are sub-headings (level 3).
 */
export function markdownToBlocks(body: string, file: string, lineOffset: number, idPrefix: string): NarrativeItem[] {
  const tree = fromMarkdown(body);
  const items: NarrativeItem[] = [];
  let headingCount = 0;
  const lineOf = (node: RootContent) => (node.position?.start.line ?? 1) + lineOffset;

  for (const node of tree.children) {
    switch (node.type) {
      case "heading":
        headingCount += 1;
        items.push({ type: "heading", level: 3, id: `${idPrefix}-${headingCount}`, text: plainText(node.children), toc: false });
        break;
      case "paragraph": {
        const text = plainText(node.children).trim();
        const marker = MARKER.exec(text);
        if (marker) items.push({ type: "exhibit", id: marker[1]!, line: lineOf(node) });
        else items.push({ type: "paragraph", children: inlines(node.children, file, lineOffset) });
        break;
      }
      case "list":
        items.push({
          type: "list",
          ordered: node.ordered === true,
          items: node.children.map((item) =>
            item.children.flatMap((child) => (child.type === "paragraph" ? inlines(child.children, file, lineOffset) : [])),
          ),
        });
        break;
      case "thematicBreak":
      case "definition":
        break;
      default:
        throw new ReportError(`Markdown "${node.type}" is not supported in commentary`, {
          location: { file, line: lineOf(node) },
          hint: "use paragraphs, ### sub-headings, lists, **bold**, *italic* and links; tables and figures come from report.yaml",
        });
    }
  }
  return items;
}

function inlines(nodes: readonly PhrasingContent[], file: string, lineOffset: number): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push({ type: "text", text: node.value.replace(/\s*\n\s*/g, " ") });
        break;
      case "strong":
        out.push({ type: "strong", children: inlines(node.children, file, lineOffset) });
        break;
      case "emphasis":
        out.push({ type: "emphasis", children: inlines(node.children, file, lineOffset) });
        break;
      case "link":
        out.push({ type: "link", href: node.url, children: inlines(node.children, file, lineOffset) });
        break;
      case "break":
        out.push({ type: "text", text: " " });
        break;
      case "inlineCode":
        out.push({ type: "text", text: node.value });
        break;
      default:
        throw new ReportError(`Markdown "${node.type}" is not supported in commentary`, {
          location: { file, line: (node.position?.start.line ?? 1) + lineOffset },
        });
    }
  }
  return out;
}

function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text" || node.type === "inlineCode") return node.value;
      if ("children" in node) return plainText(node.children as PhrasingContent[]);
      return "";
    })
    .join("")
    .replace(/\s*\n\s*/g, " ");
}
