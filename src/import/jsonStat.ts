/**
 * Reads a JSON-stat 2.0 dataset from SSB into typed cells.
 *
 * Accepts what PxWebApi v2 and the older v0/v1 API return with
 * outputFormat/format json-stat2: `version: "2.0"`, `class: "dataset"`, `label`,
 * `updated`, `source`, `note`, `id`, `size`, `dimension.<id>.category.{index,
 * label,unit{base,decimals}}`, `value` in row-major order (last dimension
 * fastest) with null for missing, `status` (see jsonStatShape.ts for the
 * variants), `role.time/geo/metric` and `extension.px.tableid`.
 * Dimension order is not assumed. The region dimension is `role.geo`, else
 * `Region` or KOSTRA's `KOK…region0000` (e.g. KOKkommuneregion0000, whose labels
 * read "3024 Bærum (2020-2023)"); the statistics variable is `role.metric`, else
 * `ContentsCode`; time is `role.time`, else `Tid`, and must be whole years (gaps
 * are fine). Every other dimension (KOKfunksjon0000, KOKart0000,
 * KOKregnskapsomfa0000 …) is kept per cell in `dimensions`.
 */
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";
import { tableFromLabel, type SsbCell, type SsbDataset } from "./dataset.js";
import { readJsonStat, type JsonStatDimension, type JsonStatDocument } from "./jsonStatShape.js";
import { readJson } from "./readJson.js";
import { cellValue } from "./symbols.js";

export interface ParseOptions {
  /** Table number to use when the file does not name one. */
  readonly table?: string;
}

export function parseJsonStat(text: string, file: string, options: ParseOptions = {}): SsbDataset {
  const doc = readJsonStat(readJson(text, file), file);
  const fail: (message: Message) => never = (message) => {
    throw new ReportError(message, { location: { file } });
  };
  const table = doc.tableId ?? tableFromLabel(doc.label) ?? options.table;
  if (table === undefined) {
    fail(msg.importing.jsonNoTable("extension.px.tableid"));
  }
  const region = pick(doc, doc.roles.geo, (id) => id === "Region" || /^KOK\w*region0000$/.test(id));
  const contents = pick(doc, doc.roles.metric, (id) => id === "ContentsCode");
  const time = pick(doc, doc.roles.time, (id) => id === "Tid");
  const names = doc.dimensions.map((d) => d.id).join(", ");
  if (!region) fail(msg.importing.jsonNoDimension("region", names));
  if (!contents) fail(msg.importing.jsonNoDimension("contents", names));
  if (!time) fail(msg.importing.jsonNoDimension("time", names));
  for (const code of time.codes) {
    if (!/^\d{4}$/.test(code)) fail(msg.importing.jsonNotYear(code, time.id));
  }

  return {
    file,
    format: "json-stat2",
    table,
    label: doc.label,
    updated: doc.updated,
    source: doc.source,
    notes: doc.notes,
    cells: cells(doc, region, contents, time),
  };
}

function pick(doc: JsonStatDocument, role: readonly string[], byName: (id: string) => boolean): JsonStatDimension | undefined {
  return doc.dimensions.find((d) => role.includes(d.id)) ?? doc.dimensions.find((d) => byName(d.id));
}

function cells(doc: JsonStatDocument, region: JsonStatDimension, contents: JsonStatDimension, time: JsonStatDimension): SsbCell[] {
  const dims = doc.dimensions;
  const strides = dims.map((_, i) => dims.slice(i + 1).reduce((product, d) => product * d.codes.length, 1));
  const result: SsbCell[] = [];
  for (let flat = 0; flat < doc.values.length; flat++) {
    const code: Record<string, string> = {};
    const others: Record<string, string> = {};
    dims.forEach((d, i) => {
      const c = d.codes[Math.floor(flat / strides[i]!) % d.codes.length]!;
      code[d.id] = c;
      if (d !== region && d !== contents && d !== time) others[d.id] = c;
    });
    const contentsCode = code[contents.id]!;
    const regionCode = code[region.id]!;
    const unit = contents.units[contentsCode];
    result.push({
      contents: contentsCode,
      contentsLabel: contents.labels[contentsCode]!,
      region: regionCode,
      regionLabel: withoutCode(region.labels[regionCode]!, regionCode),
      year: Number(code[time.id]),
      dimensions: others,
      ...cellValue(doc.values[flat] ?? null, doc.statuses[flat]),
      ...(unit?.base !== undefined ? { unit: unit.base } : {}),
      ...(unit?.decimals !== undefined ? { decimals: unit.decimals } : {}),
    });
  }
  return result;
}

/** "3024 Bærum (2020-2023)" → "Bærum (2020-2023)"; "Oslo - Oslove" stays. */
export function withoutCode(label: string, code: string): string {
  if (label === code) return label;
  return label.startsWith(`${code} `) ? label.slice(code.length + 1).replace(/^-\s+/, "") : label;
}
