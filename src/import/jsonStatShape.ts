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
  const fail = (message: string, hint?: string): never => {
    throw new ReportError(message, { location: { file }, ...(hint ? { hint } : {}) });
  };
  if (!isRecord(raw)) return fail("not a JSON-stat dataset: the top level is not an object");
  checkVersion(raw, fail);

  const ids = raw.id;
  const sizes = raw.size;
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === "string")) {
    return fail('"id" must be a list of dimension names');
  }
  if (!Array.isArray(sizes) || !sizes.every((n): n is number => Number.isInteger(n) && n >= 0)) {
    return fail('"size" must be a list of whole numbers');
  }
  if (ids.length !== sizes.length) {
    fail(`size/id mismatch: "id" names ${ids.length} dimensions but "size" has ${sizes.length} entries`);
  }
  const dimensionObject = raw.dimension;
  if (!isRecord(dimensionObject)) return fail('"dimension" is missing');
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

function checkVersion(raw: Record<string, unknown>, fail: (message: string, hint?: string) => never): void {
  const hint = "request JSON-stat 2.0: outputFormat=json-stat2 (PxWebApi v2) or format json-stat2 (the older API)";
  if (raw.version === undefined && typeof raw.title === "string" && typeof raw.status === "number") {
    fail(`this is an SSB error response, not data: ${raw.title} (HTTP ${raw.status})`, "fix the query and download the table again");
  }
  if (raw.version === undefined && raw.class === undefined) {
    const looksLikeVersion1 = Object.values(raw).some((member) => isRecord(member) && "dimension" in member);
    fail(looksLikeVersion1 ? 'this is JSON-stat 1 (no "version": "2.0"), which is not read' : 'not JSON-stat: no "version": "2.0" and "class": "dataset"', hint);
  }
  if (typeof raw.version !== "string" || !raw.version.startsWith("2.")) {
    fail(`unsupported JSON-stat version ${JSON.stringify(raw.version)}`, hint);
  }
  if (raw.class !== "dataset") {
    fail(`a JSON-stat ${JSON.stringify(raw.class)}, not a "dataset"`, "download one table as a dataset (outputFormat=json-stat2)");
  }
}

function readDimension(id: string, raw: unknown, size: number, fail: (message: string) => never): JsonStatDimension {
  if (!isRecord(raw)) return fail(`dimension "${id}" is listed in "id" but missing from "dimension"`);
  const category = isRecord(raw.category) ? raw.category : fail(`dimension "${id}" has no "category"`);
  const labels = isRecord(category.label) ? category.label : {};
  const codes = categoryOrder(id, category.index, labels, fail);
  if (codes.length !== size) {
    fail(`size/id mismatch: dimension "${id}" has ${codes.length} categories but "size" says ${size}`);
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

function categoryOrder(id: string, index: unknown, labels: Record<string, unknown>, fail: (message: string) => never): string[] {
  if (index === undefined) {
    // Without an index only a single category has a reliable order (JavaScript reorders number-like keys).
    const codes = Object.keys(labels);
    return codes.length <= 1 ? codes : fail(`dimension "${id}" has ${codes.length} categories but no "category.index" to order them`);
  }
  if (Array.isArray(index)) {
    if (!index.every((code): code is string => typeof code === "string")) fail(`dimension "${id}": "category.index" must list codes`);
    return index;
  }
  if (!isRecord(index)) return fail(`dimension "${id}": "category.index" must be an object or a list`);
  const codes: string[] = [];
  const count = Object.keys(index).length;
  for (const [code, position] of Object.entries(index)) {
    if (typeof position === "number" && Number.isInteger(position) && position >= 0 && position < count && codes[position] === undefined) {
      codes[position] = code;
      continue;
    }
    fail(`dimension "${id}": category "${code}" has position ${JSON.stringify(position)}, not one of 0…${count - 1} used once`);
  }
  return codes;
}

function readValues(raw: unknown, cellCount: number, sizes: readonly number[], fail: (message: string) => never): (number | null)[] {
  const cells = `"size" ${sizes.join(" × ")} = ${cellCount} cells`;
  if (Array.isArray(raw)) {
    if (raw.length !== cellCount) fail(`"value" has ${raw.length} entries but ${cells}`);
    return raw.map((v, i) => (v === null || typeof v === "number" ? v : fail(`"value"[${i}] is ${JSON.stringify(v)}, not a number or null`)));
  }
  if (!isRecord(raw)) return fail('"value" is missing');
  const values = new Array<number | null>(cellCount).fill(null);
  for (const [key, v] of Object.entries(raw)) {
    const i = flatIndex(key, cellCount, `"value" index "${key}" is out of range (${cells})`, fail);
    values[i] = v === null || typeof v === "number" ? v : fail(`"value"["${key}"] is ${JSON.stringify(v)}, not a number or null`);
  }
  return values;
}

function readStatuses(raw: unknown, cellCount: number, fail: (message: string) => never): (string | undefined)[] {
  const statuses = new Array<string | undefined>(cellCount).fill(undefined);
  if (raw === undefined || raw === null) return statuses;
  if (typeof raw === "string") return statuses.fill(raw);
  if (Array.isArray(raw)) {
    if (raw.length === 1 && cellCount !== 1) return statuses.fill(symbol(raw[0], "0", fail));
    if (raw.length !== cellCount) fail(`"status" has ${raw.length} entries but there are ${cellCount} values`);
    return raw.map((s, i) => symbol(s, String(i), fail));
  }
  if (!isRecord(raw)) return fail('"status" must be an object, a list or a string');
  for (const [key, s] of Object.entries(raw)) {
    const i = flatIndex(key, cellCount, `"status" index "${key}" is out of range (there are ${cellCount} values)`, fail);
    statuses[i] = symbol(s, key, fail);
  }
  return statuses;
}

function symbol(raw: unknown, key: string, fail: (message: string) => never): string | undefined {
  if (raw === null || raw === undefined || raw === "") return undefined;
  return typeof raw === "string" ? raw : fail(`"status"["${key}"] is ${JSON.stringify(raw)}, not a symbol`);
}

function flatIndex(key: string, cellCount: number, message: string, fail: (message: string) => never): number {
  const i = /^\d+$/.test(key) ? Number(key) : NaN;
  return Number.isInteger(i) && i < cellCount ? i : fail(message);
}

function stringList(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === "string") : [];
}
