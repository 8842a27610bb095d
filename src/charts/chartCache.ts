import type { TopLevelSpec } from "vega-lite";
import { chartKey, readCachedChart, withOwnIds, writeCachedChart } from "./diskCache.js";
import { renderChartSvg, type RenderedChart } from "./render.js";

/** How the charts a cache served were made: counted, so tests see hits without timing. */
export interface ChartCacheCounts {
  readonly rendered: number;
  readonly fromDisk: number;
  readonly fromMemory: number;
}

/**
 * Charts by the hash of their spec, alt text, fonts and library versions
 * (diskCache.ts): in memory for as long as its owner keeps it (one build, or
 * the preview's rebuilds), and on disk in `folder` (output/.cache/charts/)
 * across runs of the command line. A chart whose data changed has another
 * spec, so it is never served stale; an entry edited on disk is drawn anew
 * (cacheEntries.ts). Nothing is shared between two caches.
 */
export interface ChartCache {
  draw(spec: TopLevelSpec, altText: string): Promise<RenderedChart>;
  /** The counts since the last call, and a fresh start. */
  takeCounts(): ChartCacheCounts;
}

/** Charts kept in memory at most; the oldest goes first. */
const MEMORY_LIMIT = 500;

/** `folder` undefined: in memory only, and drawn as Vega draws them (ids not renamed). */
export function createChartCache(folder: string | undefined): ChartCache {
  const memory = new Map<string, Promise<RenderedChart>>();
  let counts = { rendered: 0, fromDisk: 0, fromMemory: 0 };

  async function fromDiskOrRendered(key: string, spec: TopLevelSpec, altText: string): Promise<RenderedChart> {
    const stored = folder === undefined ? undefined : readCachedChart(folder, key);
    if (stored) {
      counts.fromDisk++;
      return stored;
    }
    const drawn = await renderChartSvg(spec, altText);
    counts.rendered++;
    if (folder === undefined) return drawn;
    const chart = withOwnIds(drawn, key);
    writeCachedChart(folder, key, chart);
    return chart;
  }

  return {
    draw(spec, altText) {
      const key = chartKey(JSON.stringify(spec), altText);
      let rendered = memory.get(key);
      if (rendered) {
        counts.fromMemory++;
        return rendered;
      }
      if (memory.size >= MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
      rendered = fromDiskOrRendered(key, spec, altText);
      rendered.catch(() => memory.delete(key));
      memory.set(key, rendered);
      return rendered;
    },
    takeCounts() {
      const taken = counts;
      counts = { rendered: 0, fromDisk: 0, fromMemory: 0 };
      return taken;
    },
  };
}
