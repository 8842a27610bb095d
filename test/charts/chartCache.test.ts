import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createChartCache } from "../../src/charts/chartCache.js";
import { chartSpec } from "../../src/charts/spec.js";
import type { ChartData } from "../../src/types/model.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const data: ChartData = {
  layout: "grouped",
  categories: ["2023", "2024"],
  series: [{ key: "baerum", name: "Bærum", color: "#0072B2", values: [13.9, 14.2] }],
  decimals: 1,
  axisTitle: "Elever per lærer",
  percent: false,
};

describe("the chart cache", () => {
  it("draws a chart anew when its cached SVG was edited while its key was kept (never another chart's drawing)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kostra-chart-cache-"));
    dirs.push(dir);
    const spec = chartSpec(data);
    const first = createChartCache(dir);
    const drawn = await first.draw(spec, "Bærum 2024: 14,2 elever per lærer");
    expect(first.takeCounts()).toEqual({ rendered: 1, fromDisk: 0, fromMemory: 0 });

    // Another build (its own cache object) reads it from disk.
    const second = createChartCache(dir);
    expect(await second.draw(spec, "Bærum 2024: 14,2 elever per lærer")).toEqual(drawn);
    expect(second.takeCounts()).toEqual({ rendered: 0, fromDisk: 1, fromMemory: 0 });

    // A number of its alt text edited by hand, its key field kept: a miss, drawn and written again.
    const [shard] = readdirSync(dir);
    const [name] = readdirSync(join(dir, shard!));
    const file = join(dir, shard!, name!);
    const entry = JSON.parse(readFileSync(file, "utf8"));
    expect(entry.svg).toContain("14,2");
    writeFileSync(file, JSON.stringify({ ...entry, svg: entry.svg.replace("14,2", "99,9") }));
    const third = createChartCache(dir);
    expect(await third.draw(spec, "Bærum 2024: 14,2 elever per lærer")).toEqual(drawn);
    expect(third.takeCounts()).toEqual({ rendered: 1, fromDisk: 0, fromMemory: 0 });
    expect(JSON.parse(readFileSync(file, "utf8")).svg).toBe(drawn.svg);
  });

  it("keeps nothing between two caches without a folder: nothing is module-global", async () => {
    const spec = chartSpec(data);
    const one = createChartCache(undefined);
    await one.draw(spec, "a");
    await one.draw(spec, "a");
    expect(one.takeCounts()).toEqual({ rendered: 1, fromDisk: 0, fromMemory: 1 });
    const two = createChartCache(undefined);
    await two.draw(spec, "a");
    expect(two.takeCounts()).toEqual({ rendered: 1, fromDisk: 0, fromMemory: 0 });
  });
});
