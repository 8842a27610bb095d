import { fromMarkdown } from "mdast-util-from-markdown";
import type { PhrasingContent, RootContent, Text } from "mdast";
import { ReportError } from "../errors.js";
import type { Block, Inline } from "../model/types.js";
import { listBlock } from "./markdownLists.js";

/** Where the definition's exhibit (chart and/or table) goes in the text. */
export interface ExhibitMarker {
  readonly type: "exhibit";
  readonly id: string;
  readonly line: number;
}

export type NarrativeItem = Block | ExhibitMarker;

const MARKER = /^\[\[\s*([a-z0-9][a-z0-9-]*)\s*\]\]$/;
/** A marker anywhere in a text, to refuse one that is not a paragraph of its own. */
const MARKER_IN_TEXT = /\[\[[^\]\n]*\]\]/;
/** Links a reader's PDF viewer, browser or Word may open; `javascript:`, `data:`, `file:` and relative links are refused. */
const LINK_SCHEMES = ["https:", "http:", "mailto:"] as const;

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
        items.push(listBlock(node, { file, lineOffset, inlines: (nodes) => inlines(nodes, file, lineOffset) }));
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
        rejectInlineMarker(node, file, lineOffset);
        out.push({ type: "text", text: node.value.replace(/\s*\n\s*/g, " ") });
        break;
      case "strong":
        out.push({ type: "strong", children: inlines(node.children, file, lineOffset) });
        break;
      case "emphasis":
        out.push({ type: "emphasis", children: inlines(node.children, file, lineOffset) });
        break;
      case "link":
        out.push({ type: "link", href: checkedHref(node.url, file, (node.position?.start.line ?? 1) + lineOffset, node.position?.start.column), children: inlines(node.children, file, lineOffset) });
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

/** `[[id]]` inside a sentence would be printed as it stands; it must be a paragraph of its own. */
function rejectInlineMarker(node: Text, file: string, lineOffset: number): void {
  const match = MARKER_IN_TEXT.exec(node.value);
  if (!match || !node.position) return;
  const before = node.value.slice(0, match.index);
  const lineInNode = before.split("\n").length - 1;
  const column = lineInNode === 0 ? node.position.start.column + match.index : match.index - before.lastIndexOf("\n");
  throw new ReportError(`the exhibit marker ${match[0]} stands inside a paragraph and would be printed as text`, {
    location: { file, line: node.position.start.line + lineInNode + lineOffset, column },
    hint: `put ${match[0]} on a line of its own, with an empty line before and after it`,
  });
}

function checkedHref(url: string, file: string, line: number, column: number | undefined): string {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme && (LINK_SCHEMES as readonly string[]).includes(scheme)) return url;
  throw new ReportError(`link to "${url.length > 60 ? `${url.slice(0, 60)}…` : url}" is not allowed`, {
    location: { file, line, ...(column !== undefined ? { column } : {}) },
    hint: "links in the report must be full web or e-mail addresses: https://…, http://… or mailto:…",
  });
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
