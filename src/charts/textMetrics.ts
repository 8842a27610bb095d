import { readFileSync } from "node:fs";
import opentype from "opentype.js";
import * as vega from "vega";
import { FONT_FACES } from "../assets/fonts.js";

/**
 * Vega lays out labels and legends by measuring text. In Node it has no
 * canvas and falls back to a rough estimate, so long Norwegian labels collide
 * or get cut. We give it the real advance widths of the pinned font instead.
 */
let installed = false;

export function installTextMetrics(): void {
  if (installed) return;
  const fonts = new Map<string, opentype.Font>();
  for (const face of FONT_FACES) {
    if (face.style !== "normal") continue;
    const buffer = readFileSync(face.file);
    fonts.set(String(face.weight), opentype.parse(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)));
  }
  const regular = fonts.get("400")!;
  const pick = (weight: unknown): opentype.Font => {
    const w = weight === "bold" ? 700 : Number(weight);
    if (w >= 650) return fonts.get("700") ?? regular;
    if (w >= 550) return fonts.get("600") ?? regular;
    return regular;
  };
  // vega re-exports vega-scenegraph's textMetrics at run time; its typings omit it.
  const metrics = (vega as unknown as { textMetrics: unknown }).textMetrics as { width: (item: TextItem, text?: unknown) => number };
  metrics.width = (item: TextItem, text?: unknown) => {
    const value = text ?? item.text;
    const string = Array.isArray(value) ? value.join(" ") : value == null ? "" : String(value);
    const size = typeof item.fontSize === "number" ? item.fontSize : 11;
    return string ? advanceWidth(pick(item.fontWeight), string, size) : 0;
  };
  installed = true;
}

/**
 * Sum of glyph advances plus pair kerning. opentype.js's own shaping is not
 * used: it rejects some lookup types in this font, and labels need no ligatures.
 */
function advanceWidth(font: opentype.Font, text: string, size: number): number {
  let units = 0;
  let previous: opentype.Glyph | undefined;
  for (const char of text) {
    const glyph = font.charToGlyph(char);
    units += glyph.advanceWidth ?? 0;
    if (previous) units += font.getKerningValue(previous, glyph);
    previous = glyph;
  }
  return (units * size) / font.unitsPerEm;
}

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly fontWeight?: unknown;
}
