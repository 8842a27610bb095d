/**
 * Fetches one SSB table through PxWebApi v2 (JSON-stat 2.0), split into
 * requests within SSB's limits (pxwebUrls.ts), at most 30 requests a minute
 * (throttle.ts), and saves every raw response body as `{outDir}/{table}-{n}.json`
 * so the import can be repeated without the network. Files are written only
 * when every request succeeded and every body reads as JSON-stat; parts left
 * from an earlier run of the same table are removed.
 *
 * SSB's errors arrive as `{"type":"Parameter error","title":"Non-existent value","status":400}`
 * (`detail` only for "Too many cells selected"); they become a ReportError
 * naming the table. HTTP 429 waits (Retry-After, at most a minute) and retries once.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ReportError } from "../errors.js";
import { parseJsonStat } from "./jsonStat.js";
import { DEFAULT_BASE, SSB_LIMITS, planRequests, type RequestLimits, type TableQuery } from "./pxwebUrls.js";
import { isRecord } from "./readJson.js";
import { Throttle, realClock, type Clock } from "./throttle.js";

export const REQUESTS_PER_MINUTE = 30;
const MAX_RETRY_WAIT_MS = 60_000;

export interface FetchSsbOptions {
  /** Folder for the raw bodies, e.g. data/2025/ssb. */
  readonly outDir: string;
  readonly base?: string;
  readonly lang?: string;
  readonly limits?: RequestLimits;
  readonly clock?: Clock;
  /** Share one between tables so the limit holds for the whole run. */
  readonly throttle?: Throttle;
  readonly fetch?: (url: string) => Promise<Response>;
  readonly log?: (line: string) => void;
}

export interface SavedResponse {
  readonly file: string;
  readonly url: string;
  /** ISO time the body was received. */
  readonly fetchedAt: string;
}

export async function fetchSsbTable(query: TableQuery, options: FetchSsbOptions): Promise<SavedResponse[]> {
  const base = options.base ?? DEFAULT_BASE;
  const clock = options.clock ?? realClock;
  const throttle = options.throttle ?? new Throttle(REQUESTS_PER_MINUTE, 60_000, clock);
  const get = options.fetch ?? ((url: string) => fetch(url));
  const requests = planRequests(base, query, options.limits ?? SSB_LIMITS, options.lang);

  const bodies: { url: string; body: Uint8Array; fetchedAt: string; file: string }[] = [];
  for (const [i, request] of requests.entries()) {
    options.log?.(`ssb ${query.table} ${i + 1}/${requests.length} ${request.cells} cells`);
    const response = await send(request.url, base, query.table, get, throttle, clock);
    const body = new Uint8Array(await response.arrayBuffer());
    const file = join(options.outDir, `${query.table}-${i + 1}.json`);
    checkBody(body, file, query.table, request.url); // a broken body stops here, before anything is written
    bodies.push({ url: request.url, body, fetchedAt: new Date(clock.now()).toISOString(), file });
  }

  mkdirSync(options.outDir, { recursive: true });
  for (const { file, body } of bodies) writeFileSync(file, body);
  const keep = new Set(bodies.map((b) => b.file));
  for (const name of readdirSync(options.outDir)) {
    const path = join(options.outDir, name);
    if (new RegExp(`^${query.table}-\\d+\\.json$`).test(name) && !keep.has(path)) rmSync(path);
  }
  return bodies.map(({ file, url, fetchedAt }) => ({ file, url, fetchedAt }));
}

function checkBody(body: Uint8Array, file: string, table: string, url: string): void {
  try {
    parseJsonStat(new TextDecoder().decode(body), file);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    throw new ReportError(`table ${table}: SSB's answer is not readable JSON-stat: ${error.message}`, {
      hint: `nothing was saved; the request was ${url}`,
      cause: error,
    });
  }
}

async function send(url: string, base: string, table: string, get: (url: string) => Promise<Response>, throttle: Throttle, clock: Clock): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    await throttle.wait();
    let response: Response;
    try {
      response = await get(url);
    } catch (error) {
      const cause = error instanceof Error && isRecord(error.cause) && typeof error.cause.code === "string" ? error.cause.code : String(error);
      throw new ReportError(`table ${table}: could not reach SSB (${cause})`, {
        hint: `check the network connection; the request was ${url}`,
        cause: error,
      });
    }
    if (response.ok) return response;
    if (response.status === 429 && attempt === 1) {
      await response.arrayBuffer();
      await clock.sleep(retryWait(response.headers.get("retry-after")));
      continue;
    }
    throw await requestError(response, table, url, base);
  }
}

function retryWait(header: string | null): number {
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : 60;
  return Math.min(seconds * 1000, MAX_RETRY_WAIT_MS);
}

async function requestError(response: Response, table: string, url: string, base: string): Promise<ReportError> {
  const text = await response.text();
  let problem: unknown;
  try {
    problem = JSON.parse(text);
  } catch {
    problem = undefined;
  }
  const title = isRecord(problem) && typeof problem.title === "string" ? problem.title : undefined;
  const detail = isRecord(problem) && typeof problem.detail === "string" && problem.detail !== title ? `: ${problem.detail}` : "";
  const status = `HTTP ${response.status}`;
  if (response.status === 429) {
    return new ReportError(`table ${table}: SSB refused the request twice for too many requests (${status})`, { hint: "wait a minute and run the import again" });
  }
  if (title !== undefined) {
    return new ReportError(`table ${table}: SSB rejected the request: ${title}${detail} (${status})`, { hint: hintFor(title, `${base.replace(/\/+$/, "")}/tables/${table}/metadata`) });
  }
  if (response.status === 404) {
    return new ReportError(`table ${table}: SSB has no such table or the URL is too long (${status})`, { hint: `check the table number; the request was ${url}` });
  }
  const body = text.trim() === "" ? "an empty body" : JSON.stringify(text.trim().slice(0, 80));
  return new ReportError(`table ${table}: SSB answered ${status} with ${body}`, { hint: "try again later; if it persists, check the request: " + url });
}

function hintFor(title: string, metadata: string): string {
  if (/non-existent value/i.test(title)) return `a code is not in the table; compare with ${metadata}`;
  if (/non-existent variable|mandantory|mandatory/i.test(title)) return `every dimension needs a selection under its exact name; see ${metadata}`;
  if (/too many cells/i.test(title)) return "select fewer codes per request";
  return `see ${metadata}`;
}
