/**
 * How wide a chart is drawn on the web. The charts are drawn once, for the
 * A4 page (about 575 px wide, labels of 9.5–10.5 px); scaled down to a
 * phone's 288 px their labels would be 5 px. So a chart is never narrower
 * than the width at which its smallest label is as large as the page's small
 * print (the source lines, SMALL_PRINT_PX in templates/web/web.css): in a
 * narrower window it keeps that width and its box scrolls sideways, while its
 * table, always right below it, reflows with the text.
 */
export const SMALL_PRINT_PX = 13;

const FONT_SIZE = /font-size="([\d.]+)px"/g;
const OPENING_TAG = /^<svg\b[^>]*>/;

export interface WebChart {
  /** The SVG with its width and height attributes set to the least width it is shown at. */
  readonly svg: string;
  readonly minWidth: number;
}

export function webChart(svg: string, width: number, height: number): WebChart {
  const sizes = [...svg.matchAll(FONT_SIZE)].map((match) => Number(match[1]));
  const smallest = sizes.length > 0 ? Math.min(...sizes) : SMALL_PRINT_PX;
  const scale = Math.max(1, SMALL_PRINT_PX / smallest);
  const minWidth = Math.ceil(width * scale);
  const minHeight = Math.ceil(height * scale);
  // Only the root element's own attributes: the CSS (min-width: 100%, height: auto) lets it grow from there.
  const resized = svg.replace(OPENING_TAG, (tag) => tag.replace(/\swidth="[^"]*"/, ` width="${minWidth}"`).replace(/\sheight="[^"]*"/, ` height="${minHeight}"`));
  return { svg: resized, minWidth };
}
