import { contentOperations, type Operation } from "./contentOperations.js";

const PATH_CONSTRUCTION = new Set(["m", "l", "c", "v", "y", "h", "re"]);
const PATH_PAINTING = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"]);
const MARKED_START = new Set(["BMC", "BDC"]);
const SINGLE_PAINTING = new Set(["Do", "sh", "BI"]);

/**
 * PDF/UA-1 (Matterhorn 01-005): every piece of content is either tagged or an
 * artifact. Chromium tags what the HTML holds, but paints the page margin
 * boxes (running header, "Side X av Y"), backgrounds, rules, TOC dot leaders
 * and off-page fragments outside any marked-content sequence. Each such
 * graphics object that stands outside every BDC/BMC (a text object, a painted
 * path, an XObject, a shading) is wrapped in `/Artifact BMC … EMC`. Tagged
 * content, clipping paths and the graphics state are left untouched.
 */
export function markUntaggedAsArtifacts(content: string): { content: string; wrapped: number } {
  const operations = contentOperations(content);
  const ranges: [number, number][] = [];
  let depth = 0;
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i]!.operator;
    if (MARKED_START.has(op)) depth++;
    else if (op === "EMC") depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (op === "BT") {
      const end = findEnd(operations, i, (o) => o === "ET");
      if (end !== undefined && !holdsMarkedContent(operations, i, end)) ranges.push([i, end]);
      i = end ?? i;
    } else if (PATH_CONSTRUCTION.has(op)) {
      const end = findEnd(operations, i, (o) => PATH_PAINTING.has(o));
      if (end === undefined) continue;
      if (operations[end]!.operator !== "n") ranges.push([i, end]);
      i = end;
    } else if (SINGLE_PAINTING.has(op)) {
      ranges.push([i, i]);
    }
  }
  let out = "";
  let at = 0;
  for (const [first, last] of ranges) {
    const start = operations[first]!.start;
    const end = operations[last]!.end;
    out += `${content.slice(at, start)}/Artifact BMC\n${content.slice(start, end)}\nEMC`;
    at = end;
  }
  return { content: out + content.slice(at), wrapped: ranges.length };
}

function findEnd(operations: readonly Operation[], from: number, isEnd: (operator: string) => boolean): number | undefined {
  for (let j = from + 1; j < operations.length; j++) if (isEnd(operations[j]!.operator)) return j;
  return undefined;
}

function holdsMarkedContent(operations: readonly Operation[], from: number, to: number): boolean {
  for (let j = from; j <= to; j++) if (MARKED_START.has(operations[j]!.operator) || operations[j]!.operator === "EMC") return true;
  return false;
}
