import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";
import { emphasisScan, type Finding, type InlineScan } from "./nestingGuardInline.js";

/** The limits the exact checks after parsing hold the text to (markdown.ts, markdownLists.ts). */
export interface NestingLimits {
  /** Levels of the syntax tree under the root: MAX_NESTING. */
  readonly nesting: number;
  /** Lists in lists: MAX_LIST_DEPTH. */
  readonly listDepth: number;
}

/** Columns a tab moves to, as in CommonMark. */
const TAB_STOP = 4;
/** Four columns past the container's content make an indented code block (or a continuation), never a new list or quote. */
const CODE_INDENT = 4;

/**
 * A one-pass look at commentary before the Markdown parser reads it. The
 * parser's time grows with the square of the nesting (20 000 nested `*` took
 * three minutes, a list 300 levels deep five seconds), and the exact checks
 * run only on its tree. This scan estimates the nesting from the text alone:
 * list markers and `>` at the start of lines (a list's items followed from
 * line to line by their indentation), emphasis `*`/`_` opened and closed
 * inside emphasis, and `[` inside `[`. Its estimates err low, and it refuses
 * only text that goes past twice the nesting limit, so what the parser would
 * accept is never refused here; text between the limit and twice it is
 * parsed in milliseconds and refused by the exact checks. The refusal is the
 * one the exact checks give, at the first place (file:line:column) the text
 * goes past a limit.
 */
export function refuseRunawayNesting(body: string, file: string, lineOffset: number, limits: NestingLimits): void {
  const guard = 2 * limits.nesting;
  const state: ScanState = { items: [], inline: emphasisScan(limits.nesting, guard), crossed: false, first: undefined, paragraph: false, fence: undefined };
  const lines = body.split("\n");
  for (const [index, raw] of lines.entries()) {
    scanLine(raw.endsWith("\r") ? raw.slice(0, -1) : raw, index + 1 + lineOffset, limits, guard, state);
  }
  const inline = state.inline.result();
  const findings = [state.first, inline.first].filter((found): found is Finding => found !== undefined);
  const first = findings.sort((a, b) => a.line - b.line || a.column - b.column)[0];
  if ((state.crossed || inline.crossed) && first) throw new ReportError(first.message, { location: { file, line: first.line, column: first.column } });
}

interface ScanState {
  /** Content columns of the list items still open, outermost first. */
  readonly items: number[];
  inline: InlineScan;
  crossed: boolean;
  first: Finding | undefined;
  /** Whether the line before was paragraph text, which an indented line continues (instead of starting code). */
  paragraph: boolean;
  /** The fenced code block the lines are in: its fence, and how many items were open around it. */
  fence: { readonly fence: string; readonly items: number } | undefined;
}

/** ``` or ~~~ (three or more) opens a fenced code block, which nothing nests in. */
const FENCE = /^(`{3,}|~{3,})/;

function scanLine(text: string, line: number, limits: NestingLimits, guard: number, state: ScanState): void {
  if (text.trim() === "") {
    state.inline.endParagraph();
    state.paragraph = false;
    return;
  }
  const { items } = state;
  let { column, at } = skipSpaces(text, 0, 0);
  if (state.fence) {
    // The fence ends at its closing fence, or with the list item it was opened in.
    const inItem = state.fence.items === 0 || items[state.fence.items - 1]! <= column;
    if (inItem && !text.slice(at).trimEnd().startsWith(state.fence.fence)) return;
    const closing = inItem;
    state.fence = undefined;
    if (closing) return;
  }
  // A line indented less than an item's content closes it (lazy continuations close it too here: an estimate that errs low).
  while (items.length > 0 && items.at(-1)! > column) items.pop();
  const note = (message: Message, depth: number, position: number) => {
    if (!state.first) state.first = { message, line, column: position + 1 };
    if (depth > guard) state.crossed = true;
  };
  const rule = thematicBreakFrom(text);
  const openBefore = items.length;
  let itemsBeforeQuote: number | undefined;
  let quotes = 0;
  let base = items.at(-1) ?? 0;
  while (column - base < CODE_INDENT && !rule[at]) {
    if (text[at] === ">") {
      quotes += 1;
      itemsBeforeQuote ??= items.length;
      const depth = 2 * items.length + quotes;
      if (depth > limits.nesting) note(msg.narrative.nestedTooDeep(limits.nesting), depth, at);
      ({ column, at } = skipSpaces(text, at + 1, column + 1));
      base = column;
      continue;
    }
    const end = listMarkerEnd(text, at);
    if (end < 0) break;
    const markerEnd = column + (end - at);
    const after = skipSpaces(text, end, markerEnd);
    const empty = after.at >= text.length;
    const gap = after.column - markerEnd;
    items.push(empty || gap > CODE_INDENT ? markerEnd + 1 : after.column);
    const depth = 2 * items.length + quotes;
    if (depth - 1 > limits.nesting) note(msg.narrative.nestedTooDeep(limits.nesting), depth, at);
    else if (items.length > limits.listDepth) note(msg.lists.tooDeep(items.length, limits.listDepth), depth, at);
    base = items.at(-1)!;
    if (empty || gap > CODE_INDENT) break;
    ({ column, at } = after);
  }
  const fence = FENCE.exec(text.slice(at, at + 3));
  const code = fence !== null || rule[at] === true || (column - base >= CODE_INDENT && !state.paragraph);
  // A new item or quote starts a new paragraph; a rule or code ends one.
  if (items.length > openBefore || quotes > 0 || code) state.inline.endParagraph();
  if (fence) state.fence = { fence: /^(`+|~+)/.exec(text.slice(at))![1]!, items: items.length };
  if (!code) state.inline.scan(text, at, line);
  state.paragraph = !code;
  // What a quote holds needs its `>` on every line; not followed here (an estimate that errs low).
  if (itemsBeforeQuote !== undefined) items.length = itemsBeforeQuote;
}

function skipSpaces(text: string, at: number, column: number): { column: number; at: number } {
  for (; at < text.length; at += 1) {
    if (text[at] === " ") column += 1;
    else if (text[at] === "\t") column += TAB_STOP - (column % TAB_STOP);
    else break;
  }
  return { column, at };
}

/** Where a list marker (`-`, `+`, `*`, `1.`, `1)`) starting at `at` ends, or -1: it must be followed by a space, a tab or the line's end. */
function listMarkerEnd(text: string, at: number): number {
  let end = at;
  if ("-+*".includes(text[at] ?? "x")) end = at + 1;
  else {
    while (end - at < 9 && /[0-9]/.test(text[end] ?? "")) end += 1;
    if (end === at || (text[end] !== "." && text[end] !== ")")) return -1;
    end += 1;
  }
  const next = text[end];
  return next === undefined || next === " " || next === "\t" ? end : -1;
}

/** For each position: whether the rest of the line is a thematic break (three or more `*`, `-` or `_`, spaces between), in one pass from the end. */
function thematicBreakFrom(text: string): boolean[] {
  const from = new Array<boolean>(text.length + 1).fill(false);
  let mark: string | undefined;
  let count = 0;
  let uniform = true;
  for (let at = text.length - 1; at >= 0; at -= 1) {
    const char = text[at]!;
    if (char !== " " && char !== "\t") {
      if (!"*-_".includes(char) || (mark !== undefined && char !== mark)) uniform = false;
      mark = char;
      count += 1;
    }
    from[at] = uniform && count >= 3;
  }
  return from;
}
