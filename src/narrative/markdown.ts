import { fromMarkdown } from "mdast-util-from-markdown";
import type { Nodes, PhrasingContent, Root, RootContent, Text } from "mdast";
import { ReportError, type SourceLocation } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Block, Inline } from "../types/model.js";
import { MAX_LIST_DEPTH } from "../types/lists.js";
import { listBlock } from "./markdownLists.js";
import { refuseRunawayNesting } from "./nestingGuard.js";

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
 * How deep commentary may nest (emphasis in emphasis, links, lists in lists),
 * counted from the paragraph or list at the top: more than any text a person
 * writes (five list levels with bold, italic and a link inside are 14), and
 * far below what the recursive readers of the tree, here and in the
 * renderers, can take before the stack runs out.
 */
export const MAX_NESTING = 32;

/**
 * Commentary Markdown → model blocks (not HTML), so the Word renderer gets
 * real paragraphs and lists too. A paragraph that is only `[[id]]` places the
 * exhibit with that id. Headings in commentary are sub-headings (level 3).
 */
export function markdownToBlocks(body: string, file: string, lineOffset: number, idPrefix: string): NarrativeItem[] {
  refuseRunawayNesting(body, file, lineOffset, { nesting: MAX_NESTING, listDepth: MAX_LIST_DEPTH });
  const tree = fromMarkdown(body);
  rejectDeepNesting(tree, file, lineOffset);
  rejectUnrendered(tree, body, file, lineOffset);
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
        throw new ReportError(msg.narrative.unsupportedMarkdown(node.type), { location: locationOf(node, file, lineOffset) });
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
      default:
        // inlineCode too: the report has no code font, and dropping the backticks would change the text silently.
        throw new ReportError(msg.narrative.unsupportedMarkdown(node.type), { location: locationOf(node, file, lineOffset) });
    }
  }
  return out;
}

function locationOf(node: Nodes, file: string, lineOffset: number): SourceLocation {
  const start = node.position?.start;
  return { file, line: (start?.line ?? 1) + lineOffset, ...(start ? { column: start.column } : {}) };
}

/** A GFM table's delimiter row: `|---|:--:|`, `--- | ---`. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
/** A task list's box at the start of a point: `[ ]`, `[x]`. */
const TASK_BOX = /^\[[ xX]\](?=\s|$)/;

/**
 * GitHub's Markdown (tables, ~~strikethrough~~, task lists `- [ ]`) is not
 * read here; without a refusal it would be printed as the characters the
 * writer typed. Each is refused where it stands, saying what to write instead.
 */
function rejectUnrendered(tree: Root, body: string, file: string, lineOffset: number): void {
  const stack: Nodes[] = [...tree.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "inlineCode") throw new ReportError(msg.narrative.unsupportedMarkdown(node.type), { location: locationOf(node, file, lineOffset) });
    if (node.type === "paragraph" && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const lines = body.slice(node.position.start.offset, node.position.end.offset).split(/\r?\n/);
      const row = lines.findIndex((line, i) => i > 0 && lines[i - 1]!.includes("|") && line.includes("|") && line.includes("-") && TABLE_DELIMITER.test(line));
      if (row > 0) {
        // The table's header row, the line above its delimiter row.
        const header = lines[row - 1]!;
        const column = row === 1 ? node.position.start.column : 1 + header.length - header.trimStart().length;
        throw new ReportError(msg.narrative.gfmTable(), { location: { file, line: node.position.start.line + row - 1 + lineOffset, column } });
      }
    }
    if (node.type === "listItem") {
      const first = node.children[0];
      const text = first?.type === "paragraph" ? first.children[0] : undefined;
      const box = text?.type === "text" ? TASK_BOX.exec(text.value)?.[0] : undefined;
      if (box && text) throw new ReportError(msg.narrative.taskList(box), { location: locationOf(text, file, lineOffset) });
    }
    if (node.type === "text") {
      const at = node.value.indexOf("~~");
      if (at >= 0 && node.position) {
        const before = node.value.slice(0, at);
        const lineInNode = before.split("\n").length - 1;
        const column = lineInNode === 0 ? node.position.start.column + at : at - before.lastIndexOf("\n");
        throw new ReportError(msg.narrative.strikethrough(), { location: { file, line: node.position.start.line + lineInNode + lineOffset, column } });
      }
    }
    if ("children" in node) for (const child of [...node.children].reverse()) stack.push(child);
  }
}

/** `[[id]]` inside a sentence would be printed as it stands; it must be a paragraph of its own. */
function rejectInlineMarker(node: Text, file: string, lineOffset: number): void {
  const match = MARKER_IN_TEXT.exec(node.value);
  if (!match || !node.position) return;
  const before = node.value.slice(0, match.index);
  const lineInNode = before.split("\n").length - 1;
  const column = lineInNode === 0 ? node.position.start.column + match.index : match.index - before.lastIndexOf("\n");
  throw new ReportError(msg.narrative.markerInParagraph(match[0]), { location: { file, line: node.position.start.line + lineInNode + lineOffset, column } });
}

function checkedHref(url: string, file: string, line: number, column: number | undefined): string {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme && (LINK_SCHEMES as readonly string[]).includes(scheme)) return url;
  throw new ReportError(msg.narrative.linkNotAllowed(url.length > 60 ? `${url.slice(0, 60)}…` : url), { location: { file, line, ...(column !== undefined ? { column } : {}) } });
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

/**
 * Walks the tree without recursion and refuses it at the first node too deep:
 * more than MAX_NESTING levels, or a list more than MAX_LIST_DEPTH lists deep
 * (the message markdownLists.ts gives, found here before a deep list reaches
 * MAX_NESTING).
 */
function rejectDeepNesting(tree: Root, file: string, lineOffset: number): void {
  // Children pushed last-first, so they are visited in reading order and the error names the first place too deep.
  const stack: [Nodes, number, number][] = tree.children.map((node): [Nodes, number, number] => [node, 1, 0]).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth, enclosingLists] = next;
    const lists = enclosingLists + (node.type === "list" ? 1 : 0);
    const start = node.position?.start;
    const location = { file, line: (start?.line ?? 1) + lineOffset, ...(start ? { column: start.column } : {}) };
    if (depth > MAX_NESTING) throw new ReportError(msg.narrative.nestedTooDeep(MAX_NESTING), { location });
    if (lists > MAX_LIST_DEPTH) throw new ReportError(msg.lists.tooDeep(lists, MAX_LIST_DEPTH), { location });
    if ("children" in node) for (const child of [...node.children].reverse()) stack.push([child, depth + 1, lists]);
  }
}
