/**
 * A PDF content stream split into operations (operands + operator), each with
 * its byte range, so a pass can insert operators between them without
 * re-serialising anything. Strings, names, arrays, dictionaries and inline
 * images are skipped as units; comments are dropped from the operand list.
 * Bytes are handled as latin1 text: one character per byte, nothing decoded.
 */
export interface Operation {
  readonly operator: string;
  /** Offset of the first operand (or of the operator when it has none). */
  readonly start: number;
  /** Offset just past the operator. */
  readonly end: number;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r", "\f", "\0"]);
const DELIMITERS = new Set(["(", ")", "<", ">", "[", "]", "{", "}", "/", "%"]);

export function contentOperations(text: string): Operation[] {
  const operations: Operation[] = [];
  let i = 0;
  let operandStart = -1;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (WHITESPACE.has(ch)) {
      i++;
      continue;
    }
    if (ch === "%") {
      while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    const tokenStart = i;
    if (ch === "(") i = skipString(text, i);
    else if (ch === "<" && text[i + 1] === "<") i = skipDictionary(text, i);
    else if (ch === "<") i = text.indexOf(">", i) + 1;
    else if (ch === "[") i = skipArray(text, i);
    else if (ch === "/") i = skipRegular(text, i + 1);
    else {
      const end = skipRegular(text, i);
      const word = text.slice(i, Math.max(end, i + 1));
      i = Math.max(end, i + 1);
      if (!/^[+\-.\d]/.test(word) && word !== "true" && word !== "false" && word !== "null") {
        if (word === "BI") i = skipInlineImage(text, i);
        operations.push({ operator: word, start: operandStart >= 0 ? operandStart : tokenStart, end: i });
        operandStart = -1;
        continue;
      }
    }
    if (i <= tokenStart) throw new Error(`unreadable content stream at byte ${tokenStart}`);
    if (operandStart < 0) operandStart = tokenStart;
  }
  return operations;
}

function skipRegular(text: string, i: number): number {
  while (i < text.length && !WHITESPACE.has(text[i]!) && !DELIMITERS.has(text[i]!)) i++;
  return i;
}

function skipString(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i + 1;
  }
  return i;
}

function skipArray(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "(") {
      i = skipString(text, i);
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

function skipDictionary(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    if (text[i] === "(") {
      i = skipString(text, i);
      continue;
    }
    if (text.startsWith("<<", i)) {
      depth++;
      i += 2;
    } else if (text.startsWith(">>", i)) {
      i += 2;
      if (--depth === 0) return i;
    } else i++;
  }
  return i;
}

/** From after `BI` to after the `EI` that follows the image data. */
function skipInlineImage(text: string, i: number): number {
  const data = text.indexOf("ID", i);
  const end = /\sEI(?=[\s]|$)/g;
  end.lastIndex = data + 3;
  const found = end.exec(text);
  return found ? found.index + found[0].length : text.length;
}
