/**
 * Checks the structure of a JSON-stat 2.0 dataset as SSB sends it and puts it
 * in a normal form: every dimension with its categories in order, one value and
 * one status per cell. Accepted variants (all seen from SSB's v0/v1/v2 APIs):
 * `category.index` as an object (code → position), as an array of codes, or
 * absent for a one-category dimension (then the `label` keys give the order);
 * `value` as an array or a sparse object; `status` as a sparse object keyed by
 * the flat index, an array (one per value, or a single entry for all), or a
 * single string. Anything inconsistent is a ReportError naming the file.
 */
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import type { Message } from "../messages/message.js";
import { isRecord } from "./readJson.js";

export interface JsonStatDimension {
  readonly id: string;
  readonly label: string;
  readonly codes: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly units: Readonly<Record<string, { readonly base?: string; readonly decimals?: number }>>;
}

export interface JsonStatDocument {
  readonly label: string;
  readonly updated: string | undefined;
  readonly source: string | undefined;
  readonly notes: readonly string[];
  readonly tableId: string | undefined;
  readonly dimensions: readonly JsonStatDimension[];
  readonly roles: { readonly time: readonly string[]; readonly geo: readonly string[]; readonly metric: readonly string[] };
  readonly values: readonly (number | null)[];
  readonly statuses: readonly (string | undefined)[];
}

export function readJsonStat(raw: unknown, file: string): JsonStatDocument {
  const fail = (message: Message): never => {
    throw new ReportError(message, { location: { file } });
  };
  if (!isRecord(raw)) return fail(msg.importing.jsonStatNotObject());
  checkVersion(raw, fail);

  const ids = raw.id;
  const sizes = raw.size;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === "string")) {
    return fail(msg.importing.jsonStatField("id", "en liste med navn på dimensjoner"));
  }
  if (!Array.isArray(sizes) || !sizes.every((n): n is number => Number.isInteger(n) && n >= 0)) {
    return fail(msg.importing.jsonStatField("size", "en liste med hele tall"));
  }
  if (ids.length !== sizes.length) {
    fail(msg.importing.jsonStatSizeMismatch(ids.length, sizes.length));
  }
  const dimensionObject = raw.dimension;
  if (!isRecord(dimensionObject)) return fail(msg.importing.jsonStatMissing("dimension"));
  const dimensions = ids.map((id, i) => readDimension(id, dimensionObject[id], sizes[i]!, fail));

  const cellCount = sizes.reduce((product, n) => product * n, 1);
  const values = readValues(raw.value, cellCount, sizes, fail);
  const statuses = readStatuses(raw.status, cellCount, fail);
  const role = isRecord(raw.role) ? raw.role : {};
  const px = isRecord(raw.extension) && isRecord(raw.extension.px) ? raw.extension.px : {};

  return {
    label: typeof raw.label === "string" ? raw.label : "",
    updated: typeof raw.updated === "string" ? raw.updated : undefined,
    source: typeof raw.source === "string" ? raw.source : undefined,
    notes: typeof raw.note === "string" ? [raw.note] : stringList(raw.note),
    tableId: typeof px.tableid === "string" ? px.tableid : undefined,
    dimensions,
    roles: { time: stringList(role.time), geo: stringList(role.geo), metric: stringList(role.metric) },
    values,
    statuses,
  };
}

function checkVersion(raw: Record<string, unknown>, fail: (message: Message) => never): void {
  if (raw.version === undefined && typeof raw.title === "string" && typeof raw.status === "number") {
    fail(msg.importing.ssbErrorBody(raw.title, raw.status));
  }
  if (raw.version === undefined && raw.class === undefined) {
    const looksLikeVersion1 = Object.values(raw).some((member) => isRecord(member) && "dimension" in member);
    fail(looksLikeVersion1 ? msg.importing.jsonStatVersion1() : msg.importing.notJsonStat());
  }
  if (typeof raw.version !== "string" || !raw.version.startsWith("2.")) {
    fail(msg.importing.jsonStatUnsupportedVersion(JSON.stringify(raw.version)));
  }
  if (raw.class !== "dataset") {
    fail(msg.importing.jsonStatNotDataset(JSON.stringify(raw.class)));
  }
}

function readDimension(id: string, raw: unknown, size: number, fail: (message: Message) => never): JsonStatDimension {
  if (!isRecord(raw)) return fail(msg.importing.jsonStatDimensionMissing(id));
  const category = isRecord(raw.category) ? raw.category : fail(msg.importing.jsonStatNoCategory(id));
  const labels = isRecord(category.label) ? category.label : {};
  const codes = categoryOrder(id, category.index, labels, fail);
  if (codes.length !== size) {
    fail(msg.importing.jsonStatCategoryCount(id, codes.length, size));
  }
  const labelOf: Record<string, string> = {};
  for (const code of codes) labelOf[code] = typeof labels[code] === "string" ? labels[code] : code;
  const units: Record<string, { base?: string; decimals?: number }> = {};
  if (isRecord(category.unit)) {
    for (const [code, unit] of Object.entries(category.unit)) {
      if (!isRecord(unit)) continue;
      units[code] = {
        ...(typeof unit.base === "string" ? { base: unit.base } : {}),
        ...(typeof unit.decimals === "number" ? { decimals: unit.decimals } : {}),
      };
    }
  }
  return { id, label: typeof raw.label === "string" ? raw.label : id, codes, labels: labelOf, units };
}

function categoryOrder(id: string, index: unknown, labels: Record<string, unknown>, fail: (message: Message) => never): string[] {
  if (index === undefined) {
    // Without an index only a single category has a reliable order (JavaScript reorders number-like keys).
    const codes = Object.keys(labels);
    return codes.length <= 1 ? codes : fail(msg.importing.jsonStatNoIndex(id, codes.length));
  }
  if (Array.isArray(index)) {
    if (!index.every((code): code is string => typeof code === "string")) fail(msg.importing.jsonStatIndexNotCodes(id));
    return index;
  }
  if (!isRecord(index)) return fail(msg.importing.jsonStatIndexShape(id));
  const codes: string[] = [];
  const count = Object.keys(index).length;
  for (const [code, position] of Object.entries(index)) {
    if (typeof position === "number" && Number.isInteger(position) && position >= 0 && position < count && codes[position] === undefined) {
      codes[position] = code;
      continue;
    }
    fail(msg.importing.jsonStatIndexPosition(id, code, JSON.stringify(position), count - 1));
  }
  return codes;
}

function readValues(raw: unknown, cellCount: number, sizes: readonly number[], fail: (message: Message) => never): (number | null)[] {
  const cells = `${sizes.join(" × ")} = ${cellCount}`;
  if (Array.isArray(raw)) {
    if (raw.length !== cellCount) fail(msg.importing.jsonStatValueCount("value", raw.length, cells));
    return raw.map((v, i) => (v === null || typeof v === "number" ? v : fail(msg.importing.jsonStatBadValue(`value[${i}]`, JSON.stringify(v)))));
  }
  if (!isRecord(raw)) return fail(msg.importing.jsonStatMissing("value"));
  const values = new Array<number | null>(cellCount).fill(null);
  for (const [key, v] of Object.entries(raw)) {
    const i = flatIndex(key, cellCount, msg.importing.jsonStatIndexOutOfRange("value", key, cellCount), fail);
    values[i] = v === null || typeof v === "number" ? v : fail(msg.importing.jsonStatBadValue(`value["${key}"]`, JSON.stringify(v)));
  }
  return values;
}

function readStatuses(raw: unknown, cellCount: number, fail: (message: Message) => never): (string | undefined)[] {
  const statuses = new Array<string | undefined>(cellCount).fill(undefined);
  if (raw === undefined || raw === null) return statuses;
  if (typeof raw === "string") return statuses.fill(raw);
  if (Array.isArray(raw)) {
    if (raw.length === 1 && cellCount !== 1) return statuses.fill(symbol(raw[0], "0", fail));
    if (raw.length !== cellCount) fail(msg.importing.jsonStatValueCount("status", raw.length, String(cellCount)));
    return raw.map((s, i) => symbol(s, String(i), fail));
  }
  if (!isRecord(raw)) return fail(msg.importing.jsonStatField("status", "et objekt, en liste eller en tekst"));
  for (const [key, s] of Object.entries(raw)) {
    const i = flatIndex(key, cellCount, msg.importing.jsonStatIndexOutOfRange("status", key, cellCount), fail);
    statuses[i] = symbol(s, key, fail);
  }
  return statuses;
}

function symbol(raw: unknown, key: string, fail: (message: Message) => never): string | undefined {
  if (raw === null || raw === undefined || raw === "") return undefined;
  return typeof raw === "string" ? raw : fail(msg.importing.jsonStatBadSymbol(`status["${key}"]`, JSON.stringify(raw)));
}

function flatIndex(key: string, cellCount: number, message: Message, fail: (message: Message) => never): number {
  const i = /^\d+$/.test(key) ? Number(key) : NaN;
  return Number.isInteger(i) && i < cellCount ? i : fail(message);
}

function stringList(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === "string") : [];
}
