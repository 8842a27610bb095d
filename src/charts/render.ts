import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { vegaNumberLocale } from "../format/norwegian.js";
import { installTextMetrics } from "./textMetrics.js";

export interface RenderedChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Vega-Lite → Vega → SVG headlessly (renderer "none": no canvas, no DOM).
 * The SVG is made accessible as one image with the generated alt text;
 * Vega's own per-mark ARIA is turned off in the spec so a PDF reader sees
 * one figure, not hundreds of fragments.
 */
export async function renderChartSvg(spec: TopLevelSpec, altText: string): Promise<RenderedChart> {
  installTextMetrics();
  const vegaSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: "none", locale: norwegianLocale() });
  try {
    const raw = await view.toSVG();
    const width = Number(/width="([\d.]+)"/.exec(raw)?.[1] ?? 0);
    const height = Number(/height="([\d.]+)"/.exec(raw)?.[1] ?? 0);
    // A function, so `$&` or `$'` in a title or region name is text, not a replacement pattern.
    const svg = withoutInnerRoles(raw).replace(/^<svg /, () => `<svg role="img" aria-label="${escapeAttribute(altText)}" focusable="false" `);
    return { svg, width, height };
  } finally {
    view.finalize();
  }
}

let cachedLocale: vega.LocaleFormatters | undefined;

/** Vega's d3-format locale built from the shared Norwegian number conventions. */
function norwegianLocale(): vega.LocaleFormatters {
  if (!cachedLocale) {
    const spec = { ...vegaNumberLocale, grouping: [...vegaNumberLocale.grouping], currency: [...vegaNumberLocale.currency] };
    const api = vega as unknown as { locale: (n: unknown) => vega.LocaleFormatters; formatLocale: (n: unknown) => unknown };
    // Axis labels are formatted by expressions that read Vega's default locale.
    api.formatLocale(spec);
    cachedLocale = api.locale(spec);
  }
  return cachedLocale;
}

/**
 * Vega labels its mark containers as graphics objects even with `aria: false`;
 * inside one `role="img"` they would be unnamed images of their own (axe:
 * svg-img-alt). The chart is one image with one label, so they lose their roles.
 */
function withoutInnerRoles(svg: string): string {
  return svg.replace(/ role="graphics-[a-z-]+"/g, "").replace(/ aria-roledescription="[^"]*"/g, "");
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
