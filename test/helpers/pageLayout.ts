import { spawnSync } from "node:child_process";

/** One printed page as poppler's pdftotext -bbox reads it: its words with their boxes (points, from the top). */
interface Word {
  readonly text: string;
  readonly yMin: number;
  readonly yMax: number;
}

export interface PageLayout {
  readonly page: number;
  /** Share of the text area (between the running header and the page number) below the last line of text, 0 to 1. */
  readonly emptyBelow: number;
  /** Figure and table numbers whose captions start on the page ("Figur 3", "Tabell 5"). */
  readonly captions: readonly string[];
  /** The first line of body text on the page. */
  readonly firstLine: string;
}

/**
 * Each page's layout, read with poppler's pdftotext (-bbox): how much of the
 * text area is left empty at the bottom, and which captions start there.
 * The running header (top 20 mm) and the page number (bottom 16 mm) are not
 * body text. A4: 842 pt tall; the text area is from 24 mm to 275 mm.
 */
export function pageLayouts(pdf: string): PageLayout[] {
  const result = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`pdftotext -bbox failed: ${result.stderr}`);
  const mm = 72 / 25.4;
  const [top, bottom] = [24 * mm, 275 * mm];
  return [...result.stdout.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((match, i) => {
    const words: Word[] = [...match[1]!.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w) => ({ yMin: Number(w[1]), yMax: Number(w[2]), text: w[3]!.replace(/&amp;/g, "&") }))
      .filter((w) => w.yMin >= 20 * mm && w.yMax <= 281 * mm);
    const lowest = Math.max(top, ...words.map((w) => w.yMax));
    const lines = new Map<number, string[]>();
    for (const w of words) lines.set(Math.round(w.yMin), [...(lines.get(Math.round(w.yMin)) ?? []), w.text]);
    const ordered = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t.join(" "));
    const captions = ordered.flatMap((line) => /^(Figur|Tabell) \d+\b/.exec(line)?.[0] ?? []);
    return { page: i + 1, emptyBelow: Math.max(0, (bottom - lowest) / (bottom - top)), captions, firstLine: ordered[0] ?? "" };
  });
}
