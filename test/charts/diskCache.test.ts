import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartKey, readCachedChart, withOwnIds, writeCachedChart } from "../../src/charts/diskCache.js";
import { renderChartSvg } from "../../src/charts/render.js";
import { chartSpec } from "../../src/charts/spec.js";
import type { ChartData } from "../../src/types/model.js";
import { tempFolder } from "../helpers/temp.js";

const data = (value: number): ChartData => ({
  layout: "grouped",
  axisTitle: "Elever",
  percent: false,
  decimals: 1,
  categories: ["2023", "2024"],
  series: [{ key: "baerum", name: "Bærum", color: "#0072B2", values: [13.9, value] }],
});
const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe("chart cache keys and ids", () => {
  it("gives another key for another value or alt text, the same key for the same chart", () => {
    const spec = JSON.stringify(chartSpec(data(14)));
    expect(chartKey(spec, "Figur")).toBe(chartKey(JSON.stringify(chartSpec(data(14))), "Figur"));
    expect(chartKey(JSON.stringify(chartSpec(data(14.1))), "Figur")).not.toBe(chartKey(spec, "Figur"));
    expect(chartKey(spec, "Figur 2")).not.toBe(chartKey(spec, "Figur"));
  });

  it("makes a chart's ids its own: the same SVG whatever Vega drew before, no id shared with another chart", async () => {
    const spec = chartSpec(data(14));
    const key = chartKey(JSON.stringify(spec), "a");
    const first = await renderChartSvg(spec, "a");
    const second = await renderChartSvg(spec, "a");
    // Vega's process-wide counter: the same chart drawn twice gets other clip ids.
    expect(ids(first.svg).length).toBeGreaterThan(0);
    expect(second.svg).not.toBe(first.svg);
    expect(withOwnIds(second, key)).toEqual(withOwnIds(first, key));

    const otherSpec = chartSpec(data(15));
    const other = withOwnIds(await renderChartSvg(otherSpec, "a"), chartKey(JSON.stringify(otherSpec), "a"));
    const own = withOwnIds(first, key);
    expect(ids(own.svg).filter((id) => ids(other.svg).includes(id))).toEqual([]);
    // Every reference points at an id of the same chart.
    for (const [, ref] of own.svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids(own.svg)).toContain(ref);
  });

  it("reads back what it wrote, and nothing for a missing or damaged entry", async () => {
    const dir = tempFolder("kostra-chart-cache-");
    const spec = chartSpec(data(14));
    const key = chartKey(JSON.stringify(spec), "a");
    expect(readCachedChart(dir, key)).toBeUndefined();
    const chart = withOwnIds(await renderChartSvg(spec, "a"), key);
    writeCachedChart(dir, key, chart);
    expect(readCachedChart(dir, key)).toEqual(chart);
    // Another key never reads this entry, and no temporary file is left behind.
    expect(readCachedChart(dir, chartKey(JSON.stringify(spec), "b"))).toBeUndefined();
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]);
  });
});
