import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { version as vegaVersion } from "vega";
import { version as vegaLiteVersion } from "vega-lite";
import { FONT_FACES } from "../assets/fonts.js";
import { vegaNumberLocale } from "../format/norwegian.js";
import { readCacheEntry, writeCacheEntry } from "../output/cacheEntries.js";

/** A chart as the cache keeps it: what renderChartSvg returns. */
export interface CachedChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Bump when the code that draws changes what it makes of a spec: render.ts
 * (roles, alt text, ids) or textMetrics.ts (how labels are measured), so
 * charts cached by the old code are not served. The spec itself, the number
 * locale, the fonts and the library versions are part of every key anyway.
 */
const FORMAT = "kostra-chart-2";

let inputsDigest: string | undefined;

/**
 * What every chart also depends on besides its spec and alt text: the font
 * files its labels are measured with, the Norwegian number locale its axes
 * are formatted with, the vega and vega-lite versions and the format above.
 * A new font, locale or library version gives every chart a new key.
 */
function sharedInputs(): string {
  if (!inputsDigest) {
    const hash = createHash("sha256").update(`${FORMAT}\u0000vega ${vegaVersion}\u0000vega-lite ${vegaLiteVersion}\u0000${JSON.stringify(vegaNumberLocale)}`);
    for (const face of FONT_FACES) hash.update(`\u0000${face.weight} ${face.style}\u0000`).update(readFileSync(face.file));
    inputsDigest = hash.digest("hex");
  }
  return inputsDigest;
}

/** SHA-256 of the spec, the alt text and the shared inputs: equal keys, equal SVGs. */
export function chartKey(specJson: string, altText: string): string {
  return createHash("sha256").update(sharedInputs()).update("\u0000").update(specJson).update("\u0000").update(altText).digest("hex");
}

/** The cached chart, or undefined when there is none or it is unreadable (then it is rendered and written anew). */
export function readCachedChart(dir: string, key: string): CachedChart | undefined {
  const entry = readCacheEntry(dir, key);
  return entry && isCachedChart(entry) ? { svg: entry.svg, width: entry.width, height: entry.height } : undefined;
}

function isCachedChart(e: Record<string, unknown>): e is Record<string, unknown> & CachedChart {
  return typeof e.svg === "string" && e.svg.startsWith("<svg") && e.svg.endsWith("</svg>") && typeof e.width === "number" && typeof e.height === "number";
}

/** Kept for the next build (written whole or not at all, cacheEntries.ts). */
export function writeCachedChart(dir: string, key: string, chart: CachedChart): void {
  writeCacheEntry(dir, key, { svg: chart.svg, width: chart.width, height: chart.height });
}

/**
 * Vega numbers the clip paths and gradients of all charts of a process with
 * one counter (clip1, clip2 …), so a chart's SVG depends on what was drawn
 * before it, and a chart from the cache could share `clip3` with a chart
 * drawn now: in one HTML document the second `url(#clip3)` would clip with
 * the first one's rectangle. Before it is cached, a chart's ids are
 * renamed from its own key and their order in it (`k1f2e3d4c5b-1`): the
 * SVG becomes a function of the key alone, unique among different charts.
 */
export function withOwnIds(chart: CachedChart, key: string): CachedChart {
  const names = new Map<string, string>();
  for (const [, id] of chart.svg.matchAll(/\sid="([^"]+)"/g)) if (!names.has(id!)) names.set(id!, `k${key.slice(0, 10)}-${names.size + 1}`);
  if (names.size === 0) return chart;
  const svg = chart.svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => (names.has(id) ? `${lead}${names.get(id)}` : whole));
  return { ...chart, svg };
}
