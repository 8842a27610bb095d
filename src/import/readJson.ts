/**
 * JSON.parse with messages a user can act on: a file that is not JSON at all
 * (an HTML error page, a CSV saved as .json) and one that stops half-way (an
 * interrupted download) are told apart, with the position of the problem.
 */
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

export function readJson(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  const start = body.search(/\S/);
  if (start === -1) {
    throw new ReportError(msg.importing.jsonEmpty(), { location: { file } });
  }
  if (body[start] !== "{" && body[start] !== "[") {
    throw new ReportError(msg.importing.notJson(JSON.stringify(body.slice(start, start + 20))), { location: { file, ...lineColumn(body, start) } });
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const match = /at position (\d+)/.exec(reason);
    const position = match ? Number(match[1]) : body.length;
    throw new ReportError(msg.importing.truncatedJson(reason.replace(/ in JSON at position \d+.*$/, ""), position), { location: { file, ...lineColumn(body, position) }, cause: error });
  }
}

export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
