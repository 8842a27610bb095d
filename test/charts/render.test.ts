import { describe, expect, it } from "vitest";
import { renderChartSvg } from "../../src/charts/render.js";
import { chartSpec } from "../../src/charts/spec.js";
import type { ChartData } from "../../src/types/model.js";

const data: ChartData = {
  layout: "grouped",
  axisTitle: "Elever",
  percent: false,
  decimals: 1,
  categories: ["2023", "2024"],
  series: [{ key: "baerum", name: "Bærum", color: "#0072B2", values: [13.9, 14] }],
};

describe("renderChartSvg: the alt text in the SVG (issue 21)", () => {
  // `$'`, `$&`, `$\`` and `$1` are replacement patterns to String.replace: taken as such, they pasted parts of the SVG
  // into the label (or the label's own match), and the SVG was no longer well formed.
  it("is put in as written, even with $-patterns in an indicator title or region name", async () => {
    const alt = "Andel $' og $& og $` og $1 i «Bærum & Asker» <2024>";
    const { svg } = await renderChartSvg(chartSpec(data), alt);
    expect(svg.startsWith(`<svg role="img" aria-label="Andel $' og $&amp; og $\` og $1 i «Bærum &amp; Asker» &lt;2024>" focusable="false" `)).toBe(true);
    expect(svg.match(/<svg /g)).toHaveLength(1);
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
  });
});
