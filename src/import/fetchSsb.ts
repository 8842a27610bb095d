/**
 * Fetches one SSB table through PxWebApi v2 (JSON-stat 2.0), split into
 * requests within SSB's limits (pxwebUrls.ts), at most 30 requests a minute
 * (throttle.ts), each within a connect timeout and an overall deadline
 * (httpGet.ts). `downloadTable` only reads the network; `saveBodies` writes
 * every raw body as `{dir}/{table}-{n}.json`, with `{table}-{n}.kilde` beside it
 * naming the URL the body came from and when, and removes parts left from an
 * earlier run. A body is kept only when it reads as JSON-stat and is the table
 * that was asked for.
 *
 * Redirects are followed only within the origin of the configured base (SSB's
 * host); one to any other host is an error naming both URLs.
 *
 * SSB's errors arrive as `{"type":"Parameter error","title":"Non-existent value","status":400}`
 * (`detail` only for "Too many cells selected"); they become a ReportError
 * naming the table. HTTP 429 waits (Retry-After, at most a minute) and retries once.
 */
import { join } from "node:path";
import { readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";
import { withFileErrors } from "./fileErrors.js";
import { HttpTimeout, httpGet, type HttpAnswer, type HttpDeadlines } from "./httpGet.js";
import { parseJsonStat } from "./jsonStat.js";
import { DEFAULT_BASE, SSB_LIMITS, metadataUrl, planRequests, type RequestLimits, type TableQuery, type TableShape } from "./pxwebUrls.js";
import { isRecord } from "./readJson.js";
import { Throttle, realClock, type Clock } from "./throttle.js";

export const REQUESTS_PER_MINUTE = 30;
const MAX_RETRY_WAIT_MS = 60_000;
const MAX_REDIRECTS = 5;
/** Reaching SSB, and the whole answer of one request; both overridable (fetch --connect-timeout/--timeout). */
export const DEFAULT_DEADLINES: HttpDeadlines = { connectMs: 15_000, deadlineMs: 60_000 };

export interface FetchSsbOptions {
  readonly base?: string;
  readonly lang?: string;
  readonly limits?: RequestLimits;
  readonly clock?: Clock;
  /** Share one between tables so the limit holds for the whole run. */
  readonly throttle?: Throttle;
  readonly deadlines?: HttpDeadlines;
  readonly log?: (line: string) => void;
}

export interface FetchedBody {
  /** "12134-1.json" */
  readonly name: string;
  /** The request as planned. */
  readonly url: string;
  /** Where the body came from: `url`, or where SSB redirected it. */
  readonly from: string;
  /** ISO time the body was received. */
  readonly fetchedAt: string;
  readonly body: Uint8Array;
}

export interface SavedResponse {
  readonly file: string;
  readonly url: string;
  readonly fetchedAt: string;
}

export async function fetchTableShape(table: string, options: FetchSsbOptions = {}): Promise<TableShape> {
  const base = options.base ?? DEFAULT_BASE;
  const url = metadataUrl(base, table, options.lang);
  const { answer } = await send(url, base, table, context(options));
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(answer.body));
  } catch {
    raw = undefined;
  }
  const ids = isRecord(raw) && Array.isArray(raw.id) && raw.id.every((id) => typeof id === "string") ? (raw.id as string[]) : undefined;
  if (!ids) throw new ReportError(msg.importing.metadataUnreadable(table, url));
  const role = isRecord(raw) && isRecord(raw.role) ? raw.role : {};
  const geo = Array.isArray(role.geo) ? role.geo.filter((id): id is string => typeof id === "string") : [];
  return { dimensions: ids, geo };
}

export async function downloadTable(query: TableQuery, options: FetchSsbOptions = {}): Promise<FetchedBody[]> {
  const base = options.base ?? DEFAULT_BASE;
  const ctx = context(options);
  const requests = planRequests(base, query, options.limits ?? SSB_LIMITS, options.lang);
  const bodies: FetchedBody[] = [];
  for (const [i, request] of requests.entries()) {
    options.log?.(msg.importing.fetchProgress(query.table, i + 1, requests.length, request.cells).text);
    const { answer, from } = await send(request.url, base, query.table, ctx);
    checkBody(answer.body, query.table, from);
    bodies.push({ name: `${query.table}-${i + 1}.json`, url: request.url, from, fetchedAt: new Date(ctx.clock.now()).toISOString(), body: answer.body });
  }
  return bodies;
}

/** Writes a table's bodies (and where each came from) into `dir`, and removes its parts left from an earlier run. */
export function saveBodies(table: string, bodies: readonly FetchedBody[], dir: string, display: (path: string) => string = (path) => path): string[] {
  withFileErrors(display(dir), "skriv", () => mkdirSync(dir, { recursive: true }));
  const files = bodies.map((body) => {
    const file = join(dir, body.name);
    withFileErrors(display(file), "skriv", () => writeFileSync(file, body.body));
    const source = join(dir, sourceName(body.name));
    withFileErrors(display(source), "skriv", () => writeFileSync(source, sourceRecord(body)));
    return file;
  });
  removeOtherParts(table, new Set(bodies.map((body) => body.name)), dir);
  return files;
}

/** `12134-1.json` → `12134-1.kilde`: the body's origin, kept beside it. */
export function sourceName(bodyName: string): string {
  return bodyName.replace(/\.json$/, ".kilde");
}

export function removeOtherParts(table: string, keep: ReadonlySet<string>, dir: string): void {
  const part = new RegExp(`^${table}-\\d+\\.(json|kilde)$`);
  for (const name of readdirSync(dir)) {
    if (part.test(name) && !keep.has(name.replace(/\.kilde$/, ".json"))) rmSync(join(dir, name));
  }
}

function sourceRecord(body: FetchedBody): string {
  const lines = [`url: ${body.from}`, ...(body.from !== body.url ? [`spurt: ${body.url}`] : []), `hentet: ${body.fetchedAt}`];
  return `${lines.join("\n")}\n`;
}

/** Download and save in one step (the fetch command stages instead, see commands/fetch.ts). */
export async function fetchSsbTable(query: TableQuery, options: FetchSsbOptions & { readonly outDir: string }): Promise<SavedResponse[]> {
  const bodies = await downloadTable(query, options);
  const files = saveBodies(query.table, bodies, options.outDir);
  return bodies.map((body, i) => ({ file: files[i]!, url: body.from, fetchedAt: body.fetchedAt }));
}

interface SendContext {
  readonly clock: Clock;
  readonly throttle: Throttle;
  readonly deadlines: HttpDeadlines;
}

function context(options: FetchSsbOptions): SendContext {
  const clock = options.clock ?? realClock;
  return { clock, throttle: options.throttle ?? new Throttle(REQUESTS_PER_MINUTE, 60_000, clock), deadlines: options.deadlines ?? DEFAULT_DEADLINES };
}

function checkBody(body: Uint8Array, table: string, url: string): void {
  let got: string;
  try {
    got = parseJsonStat(new TextDecoder().decode(body), url).table;
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    throw new ReportError(msg.importing.unreadableAnswer(table, error.message, url), { cause: error });
  }
  if (got !== table) throw new ReportError(msg.importing.wrongTable(table, got, url));
}

async function send(url: string, base: string, table: string, ctx: SendContext): Promise<{ answer: HttpAnswer; from: string }> {
  const origin = new URL(base).origin;
  let current = url;
  let redirects = 0;
  for (let attempt = 1; ; ) {
    await ctx.throttle.wait();
    const answer = await get(current, table, ctx.deadlines);
    if (answer.status >= 300 && answer.status < 400 && answer.headers.location !== undefined) {
      const next = new URL(answer.headers.location, current).href;
      if (new URL(next).origin !== origin) throw new ReportError(msg.importing.foreignRedirect(table, current, next, origin));
      if (++redirects > MAX_REDIRECTS) throw new ReportError(msg.importing.tooManyRedirects(table, url, MAX_REDIRECTS));
      current = next;
      continue;
    }
    if (answer.status >= 200 && answer.status < 300) return { answer, from: current };
    if (answer.status === 429 && attempt === 1) {
      attempt++;
      await ctx.clock.sleep(retryWait(header(answer, "retry-after")));
      continue;
    }
    throw requestError(answer, table, current, base);
  }
}

async function get(url: string, table: string, deadlines: HttpDeadlines): Promise<HttpAnswer> {
  try {
    return await httpGet(url, deadlines);
  } catch (error) {
    if (error instanceof HttpTimeout) {
      const seconds = formatSeconds(error.ms);
      throw new ReportError(error.kind === "connect" ? msg.importing.connectTimeout(table, seconds, url) : msg.importing.deadline(table, seconds, url), { cause: error });
    }
    const code = isRecord(error) && typeof error.code === "string" ? error.code : String(error);
    throw new ReportError(msg.importing.unreachable(table, code, url), { cause: error });
  }
}

function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function formatSeconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3))).replace(".", ",");
}

function retryWait(value: string | undefined): number {
  const seconds = value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : 60;
  return Math.min(seconds * 1000, MAX_RETRY_WAIT_MS);
}

function requestError(answer: HttpAnswer, table: string, url: string, base: string): ReportError {
  const text = new TextDecoder().decode(answer.body);
  let problem: unknown;
  try {
    problem = JSON.parse(text);
  } catch {
    problem = undefined;
  }
  const title = isRecord(problem) && typeof problem.title === "string" ? problem.title : undefined;
  const detail = isRecord(problem) && typeof problem.detail === "string" && problem.detail !== title ? problem.detail : undefined;
  const status = answer.status;
  if (status === 429) return new ReportError(msg.importing.tooManyRequests(table, status));
  if (title !== undefined) return new ReportError(msg.importing.rejected(table, title, detail, status, rejectionHint(title), metadataUrl(base, table).replace(/\?.*$/, "")));
  if (status === 404) return new ReportError(msg.importing.noSuchTable(table, status, url));
  const body = text.trim() === "" ? undefined : JSON.stringify(text.trim().slice(0, 80));
  return new ReportError(msg.importing.httpFailure(table, status, body, url));
}

function rejectionHint(title: string): "value" | "variable" | "cells" | "other" {
  if (/non-existent value/i.test(title)) return "value";
  if (/non-existent variable|mandantory|mandatory/i.test(title)) return "variable";
  if (/too many cells/i.test(title)) return "cells";
  return "other";
}
