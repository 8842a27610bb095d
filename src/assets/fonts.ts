import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The one pinned font of the document, from the npm package
 * @fontsource/source-sans-3 (its version is locked in package-lock.json).
 * Charts measure text with these files and the PDF embeds the same files,
 * so labels laid out in Node fit when Chromium prints them.
 */
export const FONT_FAMILY = "Source Sans 3";

export interface FontFace {
  readonly weight: 400 | 600 | 700;
  readonly style: "normal" | "italic";
  readonly file: string;
}

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("@fontsource/source-sans-3/package.json")), "files");

/** Latin subset: covers æ ø å, the minus sign U+2212 and the non-breaking spaces. */
export const FONT_FACES: readonly FontFace[] = [
  { weight: 400, style: "normal", file: join(fontDir, "source-sans-3-latin-400-normal.woff") },
  { weight: 400, style: "italic", file: join(fontDir, "source-sans-3-latin-400-italic.woff") },
  { weight: 600, style: "normal", file: join(fontDir, "source-sans-3-latin-600-normal.woff") },
  { weight: 700, style: "normal", file: join(fontDir, "source-sans-3-latin-700-normal.woff") },
];
