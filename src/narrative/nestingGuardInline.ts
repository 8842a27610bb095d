import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";

/** A place the text goes past a limit, with the message the exact check gives there. */
export interface Finding {
  readonly message: Message;
  readonly line: number;
  readonly column: number;
}

/** The inline half of nestingGuard.ts: emphasis in emphasis and brackets in brackets, one paragraph at a time. */
export interface InlineScan {
  /** Reads `text` from `at`: one line of a paragraph (or heading). */
  scan(text: string, at: number, line: number): void;
  endParagraph(): void;
  result(): { readonly first: Finding | undefined; readonly crossed: boolean };
}

/** An emphasis opener not yet closed: the run of `*` or `_` it still has, and the deepest emphasis closed inside it. */
interface Opener {
  readonly mark: string;
  left: number;
  inner: number;
  readonly line: number;
  readonly column: number;
}

/** A paragraph and the text in it are a level each around the emphasis (as MAX_NESTING counts them). */
const AROUND_EMPHASIS = 2;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Emphasis is estimated as the parser pairs it: a closing run of `*` (or `_`)
 * closes the nearest opening run of the same mark, openers of the other mark
 * in between become plain text, and each pair of marks (or a lone one) is a
 * level. Only openers that get closed count, so `*a *b *c` is no nesting.
 * `[` counts in brackets whether or not it becomes a link (a link cannot hold
 * a link), so brackets only count towards the guard, never towards the limit.
 * Code spans and escaped marks are skipped.
 */
export function emphasisScan(limit: number, guard: number): InlineScan {
  let openers: Opener[] = [];
  const open = { "*": 0, _: 0 } as Record<string, number>;
  let brackets = 0;
  let bracketStart: Finding | undefined;
  let first: Finding | undefined;
  let crossed = false;
  const note = (found: Finding, depth: number) => {
    if (!first || found.line < first.line || (found.line === first.line && found.column < first.column)) first = found;
    if (depth > guard) crossed = true;
  };

  const close = (mark: string, run: number): number => {
    let inner = 0;
    while (run > 0 && open[mark]! > 0) {
      let top = openers.at(-1)!;
      while (top.mark !== mark) {
        openers.pop();
        open[top.mark]! -= 1;
        inner = Math.max(inner, top.inner);
        top = openers.at(-1)!;
      }
      const used = Math.min(top.left, run);
      const height = Math.max(inner, top.inner) + Math.ceil(used / 2);
      if (height + AROUND_EMPHASIS > limit) note({ message: msg.narrative.nestedTooDeep(limit), line: top.line, column: top.column }, height + AROUND_EMPHASIS);
      top.left -= used;
      run -= used;
      top.inner = height;
      inner = height;
      if (top.left === 0) {
        openers.pop();
        open[mark]! -= 1;
      }
    }
    const outer = openers.at(-1);
    if (outer) outer.inner = Math.max(outer.inner, inner);
    return run;
  };

  return {
    scan(text, from, line) {
      const spans = codeSpans(text, from);
      let before = "\n";
      for (let at = from; at < text.length; ) {
        const char = text[at]!;
        const span = spans.get(at);
        if (span !== undefined) {
          before = "`";
          at = span;
        } else if (char === "\\") {
          before = text[at + 1] ?? "\\";
          at += 2;
        } else if (char === "*" || char === "_") {
          let end = at;
          while (text[end] === char) end += 1;
          const after = text[end] ?? "\n";
          const { canOpen, canClose } = flanking(char, before, after);
          let run = end - at;
          if (canClose && open[char]! > 0) run = close(char, run);
          if (run > 0 && canOpen) {
            openers.push({ mark: char, left: run, inner: 0, line, column: at + 1 });
            open[char]! += 1;
          }
          before = char;
          at = end;
        } else {
          if (char === "[") {
            brackets += 1;
            if (brackets === limit + 1) bracketStart = { message: msg.narrative.nestedTooDeep(limit), line, column: at + 1 };
            if (brackets > guard && bracketStart) note(bracketStart, brackets);
          } else if (char === "]") brackets = Math.max(0, brackets - 1);
          before = char;
          at += 1;
        }
      }
    },
    endParagraph() {
      openers = [];
      open["*"] = 0;
      open["_"] = 0;
      brackets = 0;
      bracketStart = undefined;
    },
    result: () => ({ first, crossed }),
  };
}

/** CommonMark's left- and right-flanking runs: who may open and who may close emphasis. */
function flanking(mark: string, before: string, after: string): { canOpen: boolean; canClose: boolean } {
  const spaceAfter = WHITESPACE.test(after);
  const spaceBefore = WHITESPACE.test(before);
  const left = !spaceAfter && (!PUNCTUATION.test(after) || spaceBefore || PUNCTUATION.test(before));
  const right = !spaceBefore && (!PUNCTUATION.test(before) || spaceAfter || PUNCTUATION.test(after));
  if (mark === "*") return { canOpen: left, canClose: right };
  return { canOpen: left && (!right || PUNCTUATION.test(before)), canClose: right && (!left || PUNCTUATION.test(after)) };
}

/** Code spans on the line: where each opening run of backticks starts → where its closing run (the next run as long) ends. */
function codeSpans(text: string, from: number): Map<number, number> {
  const runs: { start: number; end: number }[] = [];
  for (let at = text.indexOf("`", from); at >= 0; ) {
    let end = at;
    while (text[end] === "`") end += 1;
    runs.push({ start: at, end });
    at = text.indexOf("`", end);
  }
  const next: (number | undefined)[] = new Array<number | undefined>(runs.length);
  const seen = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index -= 1) {
    const length = runs[index]!.end - runs[index]!.start;
    next[index] = seen.get(length);
    seen.set(length, index);
  }
  const spans = new Map<number, number>();
  for (let index = 0; index < runs.length; ) {
    const closing = next[index];
    if (closing === undefined) index += 1;
    else {
      spans.set(runs[index]!.start, runs[closing]!.end);
      index = closing + 1;
    }
  }
  return spans;
}
