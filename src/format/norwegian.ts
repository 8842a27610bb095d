/**
 * The one place where numbers become Norwegian text. Tables, chart axes,
 * alt texts, commentary helpers and both renderers call these functions, so
 * `109 384`, `13,9` and `4,9 %` look the same everywhere.
 *
 * Conventions (Språkrådet): space as thousands separator (a non-breaking one,
 * so a number never breaks across lines), decimal comma, the true minus sign
 * U+2212, and a space between a number and `%` or `kr`.
 */

export const NBSP = "\u00a0";
export const MINUS = "\u2212";
/** SSB's symbol for "tall kan ikke forekomme / mangler". */
export const MISSING = "..";

const formatters = new Map<number, Intl.NumberFormat>();

function formatterFor(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatters.set(decimals, f);
  }
  return f;
}

/**
 * `formatNumber(109384)` → `109 384`, `formatNumber(13.9, 1)` → `13,9`,
 * `formatNumber(-1959)` → `−1 959`. Built on a fixed en-US pattern and then
 * mapped, so the output does not depend on which ICU data Node ships with.
 * Four-digit numbers are grouped too (`5 809`), as in the source documents.
 */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return MISSING;
  const rounded = formatterFor(decimals).format(Math.abs(value));
  const isZero = Number(rounded.replace(/,/g, "")) === 0;
  const body = rounded.replace(/,/g, NBSP).replace(".", ",");
  return value < 0 && !isZero ? MINUS + body : body;
}

/** `formatPercent(4.9, 1)` → `4,9 %` (the value is already in percent). */
export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}${NBSP}%`;
}

/** Running text spells the unit out, as the source documents do: `6,9 prosent`. */
export function formatPercentWords(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}${NBSP}prosent`;
}

export function formatPercentagePoints(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}${NBSP}prosentpoeng`;
}

/** `formatKroner(136522)` → `136 522 kr`. */
export function formatKroner(value: number, decimals = 0): string {
  return `${formatNumber(value, decimals)}${NBSP}kr`;
}

/** Signed change, always with a sign: `+0,7`, `−5,1`. */
export function formatSigned(value: number, decimals = 1): string {
  const text = formatNumber(value, decimals);
  return value > 0 && text !== formatNumber(0, decimals) ? `+${text}` : text;
}

/** How a value of a given unit is shown in a table cell. */
export function formatValue(value: number | undefined, unit: string, decimals: number): string {
  if (value === undefined || !Number.isFinite(value)) return MISSING;
  return unit === "prosent" ? formatPercent(value, decimals) : formatNumber(value, decimals);
}

/**
 * The d3-format locale for Vega, so chart axes and labels follow the same
 * rules as the tables: decimal comma, non-breaking space for thousands, U+2212.
 */
export const vegaNumberLocale = {
  decimal: ",",
  thousands: NBSP,
  grouping: [3],
  currency: ["", `${NBSP}kr`],
  minus: MINUS,
  percent: `${NBSP}%`,
} as const;

/** Years are labels, never grouped: 2024, not 2 024. */
export function formatYear(year: number): string {
  return String(year);
}

/** A list in running Norwegian: "a, b og c". */
export function joinNorwegian(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** A date as Norwegian text: "2025-03-15" → "15. mars 2025". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  return `${day}. ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/**
 * A number as a data file holds it for Norwegian Excel (CSV with semicolons):
 * decimal comma, no thousands separator, and the ASCII minus, which Excel
 * reads as a sign (U+2212 would make the cell text). `formatPlainNumber(-1959.5, 1)` → `-1959,5`.
 */
export function formatPlainNumber(value: number, decimals = 0): string {
  return formatNumber(value, decimals).replace(/\u00a0/g, "").replace(MINUS, "-");
}

/** How many decimals a printed number shows: `13,9 %` → 1, `109 384` → 0. */
export function decimalsShown(text: string): number {
  return /,(\d+)/.exec(text)?.[1]?.length ?? 0;
}

/** A file's size as a download link says it: `812 byte`, `14 kB`, `1,2 MB` (1 kB = 1 000 byte). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)}${NBSP}byte`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000)}${NBSP}kB`;
  return `${formatNumber(bytes / 1_000_000, 1)}${NBSP}MB`;
}
