import { readFileSync } from "node:fs";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
/**
 * Reads a text file that must be UTF-8, as every input of the report is.
 * A file saved as Windows-1252 (Excel's plain "CSV") or UTF-16 ("Unicode
 * text") would otherwise print "B�rum" or fail somewhere far from the cause,
 * so it stops here with the line of the first byte that is not UTF-8.
 * A byte-order mark is accepted and removed; line endings are left as they are.
 */
export function readTextFile(path: string, displayPath: string): string {
  return decodeUtf8(readFileSync(path), displayPath);
}

export function decodeUtf8(bytes: Uint8Array, displayPath: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ReportError(msg.data.utf16(), { location: { file: displayPath, line: 1 } });
  }
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    const at = firstInvalidByte(bytes);
    const line = 1 + bytes.subarray(0, at).filter((b) => b === 0x0a).length;
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    const column = 1 + new TextDecoder("utf-8").decode(bytes.subarray(lineStart, at)).length;
    throw new ReportError(msg.data.notUtf8(bytes[at]!.toString(16).toUpperCase(), latin1(bytes[at]!)), { location: { file: displayPath, line, column } });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    try {
      UTF8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length - 1;
}

function latin1(byte: number): string {
  return new TextDecoder("windows-1252").decode(new Uint8Array([byte]));
}
