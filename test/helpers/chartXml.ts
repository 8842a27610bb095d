/**
 * A DrawingML chart part (word/charts/chartN.xml) read the way Word draws it,
 * for the tests: its bar direction and grouping, its series with their values,
 * fill colours and data labels, and its axes. Independent of src/render/docx.
 */
export interface ChartLabel {
  readonly series: string;
  readonly point: number;
  readonly text: string;
  readonly background: string;
}

export interface ChartSeriesXml {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly fill: string;
}

export interface ChartAxisXml {
  readonly kind: "cat" | "val";
  readonly id: string;
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** `c:crosses` (autoZero, min, max) or `c:crossesAt` as a number: where this axis crosses the other. */
  readonly crosses: string | number | undefined;
  readonly crossAx: string;
}

export interface ChartXml {
  readonly barDir: string;
  readonly grouping: string;
  readonly series: readonly ChartSeriesXml[];
  readonly labels: readonly ChartLabel[];
  readonly axes: readonly ChartAxisXml[];
}

/** Office's default text colour in a chart: tx1 (black) at 75 % luminance and 25 % offset. */
const OFFICE_DEFAULT_TEXT = "404040";
const PAGE = "FFFFFF";

export function readChart(xml: string): ChartXml {
  const plot = /<c:barChart>([\s\S]*?)<\/c:barChart>/.exec(xml);
  if (!plot) throw new Error("not a bar chart");
  const barDir = attr(/<c:barDir val="([^"]+)"/, plot[1]!) ?? "col";
  const grouping = attr(/<c:grouping val="([^"]+)"/, plot[1]!) ?? "clustered";
  const chartLabels = /<c:dLbls>([\s\S]*?)<\/c:dLbls>\s*(?:<c:gapWidth|<c:overlap|<c:axId)/.exec(plot[1]!.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, ""))?.[1];
  const series: ChartSeriesXml[] = [];
  const labels: ChartLabel[] = [];
  for (const match of plot[1]!.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
    const ser = match[1]!;
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? "?";
    const own = ser.replace(/<c:dPt>[\s\S]*?<\/c:dPt>/g, "").replace(/<c:dLbls>[\s\S]*?<\/c:dLbls>/g, "");
    const fill = attr(/<c:spPr>[\s\S]*?<a:srgbClr val="([0-9A-Fa-f]{6})"/, own)?.toUpperCase() ?? "?";
    const values = pointValues(/<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? "");
    series.push({ name, values, fill });
    const pointFill = new Map<number, string>();
    for (const dPt of ser.matchAll(/<c:dPt>([\s\S]*?)<\/c:dPt>/g)) {
      const color = attr(/<a:srgbClr val="([0-9A-Fa-f]{6})"/, dPt[1]!);
      if (color) pointFill.set(Number(attr(/<c:idx val="(\d+)"/, dPt[1]!)), color.toUpperCase());
    }
    const ownLabels = /<c:dLbls>([\s\S]*?)<\/c:dLbls>/.exec(ser)?.[1];
    const settings = ownLabels ?? chartLabels;
    if (!settings) continue;
    const pointLabels = new Map<number, string>();
    for (const dLbl of settings.matchAll(/<c:dLbl>([\s\S]*?)<\/c:dLbl>/g)) pointLabels.set(Number(attr(/<c:idx val="(\d+)"/, dLbl[1]!)), dLbl[1]!);
    const common = settings.replace(/<c:dLbl>[\s\S]*?<\/c:dLbl>/g, "");
    values.forEach((value, point) => {
      if (value === null) return;
      const label = pointLabels.get(point) ?? common;
      if (/<c:delete val="(1|true)"\/>/.test(label) || !/<c:showVal val="(1|true)"\/>/.test(label)) return;
      const position = attr(/<c:dLblPos val="([^"]+)"/, label) ?? attr(/<c:dLblPos val="([^"]+)"/, common) ?? (grouping === "clustered" ? "outEnd" : "ctr");
      const inside = ["ctr", "inEnd", "inBase"].includes(position);
      labels.push({ series: name, point, text: textColor(label) ?? textColor(common) ?? OFFICE_DEFAULT_TEXT, background: inside ? (pointFill.get(point) ?? fill) : PAGE });
    });
  }
  const axes: ChartAxisXml[] = [];
  for (const match of xml.matchAll(/<c:(catAx|valAx)>([\s\S]*?)<\/c:\1>/g)) {
    const body = match[2]!;
    const crossesAt = attr(/<c:crossesAt val="([^"]+)"/, body);
    axes.push({
      kind: match[1] === "catAx" ? "cat" : "val",
      id: attr(/<c:axId val="(\d+)"/, body) ?? "?",
      min: number(attr(/<c:min val="([^"]+)"/, body)),
      max: number(attr(/<c:max val="([^"]+)"/, body)),
      crosses: crossesAt !== undefined ? Number(crossesAt) : attr(/<c:crosses val="([^"]+)"/, body),
      crossAx: attr(/<c:crossAx val="(\d+)"/, body) ?? "?",
    });
  }
  return { barDir, grouping, series, labels, axes };
}

function pointValues(val: string): (number | null)[] {
  const count = Number(attr(/<c:ptCount val="(\d+)"/, val) ?? 0);
  const values: (number | null)[] = Array.from({ length: count }, () => null);
  for (const pt of val.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)) values[Number(pt[1])] = Number(pt[2]);
  return values;
}

/** The label text's colour: an RGB colour, or tx1/bg1 with luminance modulation and offset, as Office computes it. */
function textColor(xml: string): string | undefined {
  const fill = /<a:defRPr[^>]*>[\s\S]*?<a:solidFill>([\s\S]*?)<\/a:solidFill>/.exec(xml)?.[1];
  if (!fill) return undefined;
  const rgb = attr(/<a:srgbClr val="([0-9A-Fa-f]{6})"/, fill);
  if (rgb) return rgb.toUpperCase();
  const scheme = attr(/<a:schemeClr val="([^"]+)"/, fill);
  const base = scheme === "bg1" || scheme === "lt1" ? 255 : 0;
  const mod = Number(attr(/<a:lumMod val="(\d+)"/, fill) ?? 100000) / 100000;
  const off = Number(attr(/<a:lumOff val="(\d+)"/, fill) ?? 0) / 100000;
  // Office applies lumMod/lumOff to HSL lightness; for black and white that is the grey level itself.
  const level = Math.round(Math.min(1, (base / 255) * mod + off) * 255);
  return level.toString(16).padStart(2, "0").repeat(3).toUpperCase();
}

/** WCAG 2 contrast ratio of two RRGGBB colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const attr = (re: RegExp, text: string) => re.exec(text)?.[1];
const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
