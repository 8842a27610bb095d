import type { Region } from "../data/dataset.js";

/**
 * Colours from the Okabe–Ito set, which stays distinguishable for the common
 * forms of colour blindness, each at least 3:1 against the white page (WCAG
 * 1.4.11, graphical objects): Okabe–Ito's orange (2,25:1) is left out and its
 * darker relative used last. Each region keeps one colour through the whole
 * document: the municipality is always blue, the next one vermillion,
 * averages always grey.
 */
const MUNICIPALITY = "#0072B2";
const OTHER_MUNICIPALITIES = ["#D55E00", "#009E73", "#CC79A7", "#B07000"] as const;
const AVERAGES = ["#767676", "#4D4D4D"] as const;

/**
 * Ordered categories of one region (stacked shares): light to dark blue, the
 * lightest still 3,4:1 on white. The segments are parted by white lines.
 */
export const SEQUENTIAL_BLUES = ["#4292C6", "#2171B5", "#08519C", "#08306B", "#041A3A"] as const;

/** WCAG contrast ratio of two #RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

export function regionColors(municipality: string, regions: ReadonlyMap<string, Region>): ReadonlyMap<string, string> {
  const colors = new Map<string, string>([[municipality, MUNICIPALITY]]);
  let other = 0;
  let average = 0;
  for (const region of regions.values()) {
    if (colors.has(region.id)) continue;
    if (region.kind === "snitt") colors.set(region.id, AVERAGES[average++ % AVERAGES.length]!);
    else colors.set(region.id, OTHER_MUNICIPALITIES[other++ % OTHER_MUNICIPALITIES.length]!);
  }
  return colors;
}

/** Text colour that keeps a 4.5:1 contrast on the given bar colour. */
export function labelColorOn(background: string): string {
  return relativeLuminance(background) > 0.25 ? "#000000" : "#FFFFFF";
}

function relativeLuminance(color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16) / 255).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  ) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
