/**
 * PxWebApi v2 data URLs for SSB, and splitting a large selection into
 * requests SSB accepts. A request reads
 *
 *   {base}/tables/{id}/data?lang=no&outputFormat=json-stat2&valueCodes[Dim]=a,b,c&…
 *
 * (GET; codes separated by commas, one valueCodes[…] per dimension; SSB
 * requires a selection for every dimension without elimination, which in
 * KOSTRA tables is nearly all). SSB answers at most 800 000 cells per request
 * and returns 404 for URLs longer than about 2 100 characters, so a query is
 * split, by halving the dimension with the most codes (for an over-long URL:
 * the longest code list), until every request is within both limits.
 * Only explicit codes are accepted: cells cannot be counted for `*` or `top(5)`.
 */
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

export const DEFAULT_BASE = "https://data.ssb.no/api/pxwebapi/v2";

export interface Selection {
  readonly dimension: string;
  readonly codes: readonly string[];
}

export interface TableQuery {
  readonly table: string;
  readonly selections: readonly Selection[];
}

/** A table's dimension names and roles, from its metadata (`/tables/{id}/metadata`). */
export interface TableShape {
  readonly dimensions: readonly string[];
  readonly geo: readonly string[];
}

export interface RequestLimits {
  readonly maxCells: number;
  readonly maxUrlLength: number;
}

export const SSB_LIMITS: RequestLimits = { maxCells: 800_000, maxUrlLength: 2_000 };

export interface PlannedRequest {
  readonly url: string;
  readonly selections: readonly Selection[];
  readonly cells: number;
}

export function dataUrl(base: string, table: string, selections: readonly Selection[], lang = "no"): string {
  const params = selections.map((s) => `valueCodes[${encodeURIComponent(s.dimension)}]=${s.codes.map(encodeURIComponent).join(",")}`);
  return `${base.replace(/\/+$/, "")}/tables/${encodeURIComponent(table)}/data?lang=${encodeURIComponent(lang)}&outputFormat=json-stat2&${params.join("&")}`;
}

/** The table's dimensions and codes, without data: `{base}/tables/{id}/metadata?lang=no&outputFormat=json-stat2`. */
export function metadataUrl(base: string, table: string, lang = "no"): string {
  return `${base.replace(/\/+$/, "")}/tables/${encodeURIComponent(table)}/metadata?lang=${encodeURIComponent(lang)}&outputFormat=json-stat2`;
}

export function planRequests(base: string, query: TableQuery, limits: RequestLimits = SSB_LIMITS, lang = "no"): PlannedRequest[] {
  const selections = checkQuery(query);
  const plan = (part: readonly Selection[]): PlannedRequest[] => {
    const url = dataUrl(base, query.table, part, lang);
    const cells = part.reduce((product, s) => product * s.codes.length, 1);
    const tooManyCells = cells > limits.maxCells;
    if (!tooManyCells && url.length <= limits.maxUrlLength) return [{ url, selections: part, cells }];
    const size = (s: Selection) => (tooManyCells ? s.codes.length : s.codes.join(",").length);
    const widest = part.reduce((best, s, i) => (size(s) > size(part[best]!) ? i : best), 0);
    const codes = part[widest]!.codes;
    if (codes.length < 2) {
      throw new ReportError(tooManyCells ? msg.importing.tooManyCellsLeft(query.table, cells, limits.maxCells) : msg.importing.urlTooLongLeft(query.table, url.length, limits.maxUrlLength));
    }
    const half = Math.ceil(codes.length / 2);
    const withCodes = (subset: readonly string[]) => part.map((s, i) => (i === widest ? { dimension: s.dimension, codes: subset } : s));
    return [...plan(withCodes(codes.slice(0, half))), ...plan(withCodes(codes.slice(half)))];
  };
  return plan(selections);
}

function checkQuery(query: TableQuery): Selection[] {
  if (!/^[A-Za-z0-9]+$/.test(query.table)) throw new ReportError(msg.importing.notTableNumber(query.table));
  const seen = new Set<string>();
  return query.selections.map((s) => {
    if (seen.has(s.dimension)) throw new ReportError(msg.importing.dimensionTwice(query.table, s.dimension));
    seen.add(s.dimension);
    if (s.codes.length === 0) throw new ReportError(msg.importing.noCodes(query.table, s.dimension));
    const odd = s.codes.find((code) => code === "" || /[*?(),]/.test(code));
    if (odd !== undefined) throw new ReportError(msg.importing.notPlainCode(query.table, odd, s.dimension));
    // SSB answers HTTP 500 with an empty body to a repeated code.
    return { dimension: s.dimension, codes: [...new Set(s.codes)] };
  });
}
