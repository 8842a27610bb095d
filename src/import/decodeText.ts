/**
 * SSB's CSV downloads come as Latin-1/Windows-1252 (the API says
 * charset=iso-8859-1) or as UTF-8 with or without a byte-order mark, depending
 * on where and how they were saved. Rule: a BOM or bytes that are valid UTF-8
 * mean UTF-8; anything else is read as Windows-1252 (a superset of Latin-1 for
 * the printable characters, so "æøå" come out right either way).
 */

export type TextEncodingName = "utf-8" | "windows-1252";

export function decodeSsbText(bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncodingName } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}
