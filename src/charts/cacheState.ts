/**
 * Where the chart cache lives and what it served, apart from render.ts so the
 * pipeline can set and read them without loading Vega (the `check` command
 * never draws a chart).
 */

/** How the charts of the builds since the last call were made: counted, so tests see hits without timing. */
export interface ChartCacheCounts {
  rendered: number;
  fromDisk: number;
  fromMemory: number;
}

let folder: string | undefined;
let counts: ChartCacheCounts = { rendered: 0, fromDisk: 0, fromMemory: 0 };

/** The folder cached charts are read from and written to; undefined keeps them in memory only. */
export function useChartCacheFolder(dir: string | undefined): void {
  folder = dir;
}

export function chartCacheFolder(): string | undefined {
  return folder;
}

export function countChart(how: keyof ChartCacheCounts): void {
  counts[how]++;
}

/** The counts since the last call, and a fresh start. */
export function takeChartCacheCounts(): ChartCacheCounts {
  const taken = counts;
  counts = { rendered: 0, fromDisk: 0, fromMemory: 0 };
  return taken;
}
