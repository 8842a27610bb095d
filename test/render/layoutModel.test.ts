import { describe, expect, it } from "vitest";
import { emptySvg, layoutModel, paintOnlyHeadings } from "../../src/render/pdf/layoutModel.js";
import type { DocumentModel } from "../../src/types/model.js";

/** The layout print's model (printPdf.ts): charts keep their box, lose their drawing; nothing else changes. */
describe("layoutModel", () => {
  const svg = '<svg role="img" aria-label="Figur" width="600" height="300" viewBox="0 0 600 300"><g><path d="M0,0h10"/></g></svg>';

  it("keeps a chart's own <svg> element, with its width, height and viewBox, and drops what is drawn inside", () => {
    expect(emptySvg(svg)).toBe('<svg role="img" aria-label="Figur" width="600" height="300" viewBox="0 0 600 300"></svg>');
    expect(emptySvg("<img src=x>")).toBe("<img src=x>");
  });

  it("changes only the charts' SVG", () => {
    const chart = {
      type: "chart", id: "f", label: "Figur 1", number: 1, caption: "C", source: "S", notes: [], altText: "A",
      data: { layout: "grouped", categories: [], series: [], axisTitle: "", percent: false, decimals: 0 }, svg, width: 600, height: 300,
    } as const;
    const heading = { type: "heading", level: 1, id: "h", text: "H", toc: true } as const;
    const model: DocumentModel = { lang: "nb", title: "T", organisation: "O", year: 2025, toc: [], chapters: [{ id: "c", title: "C", blocks: [heading, chart] }] };
    const layout = layoutModel(model);
    expect(layout.chapters[0]!.blocks[0]).toBe(heading);
    expect(layout.chapters[0]!.blocks[1]).toEqual({ ...chart, svg: emptySvg(svg) });
    expect(model.chapters[0]!.blocks[1]).toBe(chart);
  });

  it("paints only the headings in the layout print: a style before </head>, and a template without </head> kept as it is", () => {
    const html = '<html><head><title>T</title></head><body><h1 id="a">A</h1><p>x</p></body></html>';
    const painted = paintOnlyHeadings(html);
    expect(painted).toMatch(/<style>body \* \{ visibility: hidden !important; \} h1\[id\], h2\[id\], h3\[id\], [^<]*<\/style><\/head>/);
    expect(painted.replace(/<style>[^<]*<\/style>/, "")).toBe(html);
    expect(paintOnlyHeadings("<p>no head</p>")).toBe("<p>no head</p>");
  });
});
