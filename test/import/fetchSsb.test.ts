import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchSsbTable } from "../../src/import/fetchSsb.js";
import type { TableQuery } from "../../src/import/pxwebUrls.js";
import { Throttle, type Clock } from "../../src/import/throttle.js";
import { asyncErrorOf, fixture } from "./helpers.js";
import { tempFolder } from "../helpers/temp.js";

// A real HTTP server on 127.0.0.1 plays SSB: it answers with the recorded 12134 body
// (test/fixtures/ssb/12134-v2-json-stat2.json, a real PxWebApi v2 response) or with
// SSB's error bodies. The real API is never called.
const recorded = fixture("12134-v2-json-stat2.json");

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
let requests: string[];
let outDir: string;
let clock: Clock & { time: number; sleeps: number[] };

beforeEach(async () => {
  requests = [];
  handler = (_request, response) => response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(recorded);
  server = createServer((request, response) => {
    requests.push(request.url ?? "");
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}/api/pxwebapi/v2`;
  outDir = join(tempFolder("ssb-fetch-"), "data", "2025", "ssb");
  const fake = {
    time: Date.UTC(2026, 2, 16, 8, 30),
    sleeps: [] as number[],
    now: () => fake.time,
    sleep: async (ms: number) => {
      fake.sleeps.push(ms);
      fake.time += ms;
    },
  };
  clock = fake;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const query: TableQuery = {
  table: "12134",
  selections: [
    { dimension: "KOKkommuneregion0000", codes: ["0301", "4601", "5001"] },
    { dimension: "ContentsCode", codes: ["KOSAG110000"] },
    { dimension: "Tid", codes: ["2024"] },
  ],
};

function problem(status: number, body: string): Handler {
  return (_request, response) => response.writeHead(status, { "content-type": "application/problem+json; charset=utf-8" }).end(body);
}

describe("fetching an SSB table", () => {
  it("saves the raw body and says where, from which URL and when", async () => {
    const saved = await fetchSsbTable(query, { base, outDir, clock });
    const file = join(outDir, "12134-1.json");
    expect(saved).toEqual([{ file, url: `${base}/tables/12134/data?lang=no&outputFormat=json-stat2&valueCodes[KOKkommuneregion0000]=0301,4601,5001&valueCodes[ContentsCode]=KOSAG110000&valueCodes[Tid]=2024`, fetchedAt: "2026-03-16T08:30:00.000Z" }]);
    expect(readFileSync(file, "utf8")).toBe(recorded);
    expect(requests).toEqual(["/api/pxwebapi/v2/tables/12134/data?lang=no&outputFormat=json-stat2&valueCodes[KOKkommuneregion0000]=0301,4601,5001&valueCodes[ContentsCode]=KOSAG110000&valueCodes[Tid]=2024"]);
  });

  it("splits a large query into numbered files and removes parts left from an earlier run", async () => {
    await fetchSsbTable(query, { base, outDir, clock, limits: { maxCells: 1, maxUrlLength: 2000 } });
    expect(readdirSync(outDir).sort()).toEqual(["12134-1.json", "12134-2.json", "12134-3.json"]);
    writeFileSync(join(outDir, "11816-1.json"), "{}");
    const saved = await fetchSsbTable(query, { base, outDir, clock, limits: { maxCells: 2, maxUrlLength: 2000 } });
    expect(saved.map((s) => s.file)).toEqual([join(outDir, "12134-1.json"), join(outDir, "12134-2.json")]);
    expect(readdirSync(outDir).sort()).toEqual(["11816-1.json", "12134-1.json", "12134-2.json"]);
    expect(requests.slice(3).map((url) => /valueCodes\[KOKkommuneregion0000\]=([^&]*)/.exec(url)![1])).toEqual(["0301,4601", "5001"]);
  });

  it("sends at most 30 requests a minute", async () => {
    const many: TableQuery = { ...query, selections: [{ dimension: "KOKkommuneregion0000", codes: Array.from({ length: 61 }, (_, i) => String(3000 + i)) }] };
    const saved = await fetchSsbTable(many, { base, outDir, clock, limits: { maxCells: 1, maxUrlLength: 2000 } });
    expect(saved).toHaveLength(61);
    expect(requests).toHaveLength(61);
    // The clock only moves when the throttle sleeps: requests 31 and 61 each wait out the minute.
    expect(clock.sleeps).toEqual([60_000, 60_000]);
  });

  it("one throttle shared by two tables keeps the limit across them", async () => {
    const throttle = new Throttle(2, 60_000, clock);
    await fetchSsbTable(query, { base, outDir, clock, throttle });
    await fetchSsbTable(query, { base, outDir, clock, throttle });
    await fetchSsbTable(query, { base, outDir, clock, throttle });
    expect(clock.sleeps).toEqual([60_000]);
  });

  it("HTTP 429: waits as SSB asks (at most a minute) and retries once", async () => {
    let calls = 0;
    handler = (request, response) => {
      calls++;
      if (calls === 1) response.writeHead(429, { "retry-after": "7" }).end();
      else response.writeHead(200).end(recorded);
    };
    const saved = await fetchSsbTable(query, { base, outDir, clock });
    expect(saved).toHaveLength(1);
    expect(calls).toBe(2);
    expect(clock.sleeps).toEqual([7_000]);
  });

  it("HTTP 429 twice is reported, and nothing is saved", async () => {
    handler = (_request, response) => response.writeHead(429, { "retry-after": "3600" }).end();
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.format()).toBe("table 12134: SSB refused the request twice for too many requests (HTTP 429) (wait a minute and run the import again)");
    expect(clock.sleeps).toEqual([60_000]);
    expect(requests).toHaveLength(2);
  });
});

describe("SSB's error answers become one line naming the table", () => {
  it("a code that is not in the table", async () => {
    handler = problem(400, '{"type":"Parameter error","title":"Non-existent value","status":400}');
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.format()).toBe(`table 12134: SSB rejected the request: Non-existent value (HTTP 400) (a code is not in the table; compare with ${base}/tables/12134/metadata)`);
  });

  it("a missing dimension, and too many cells (with its detail)", async () => {
    handler = problem(400, '{"type":"Parameter error","title":"Missing selection for mandantory variable","status":400}');
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).message).toBe(
      "table 12134: SSB rejected the request: Missing selection for mandantory variable (HTTP 400)",
    );
    handler = problem(400, '{"type":"Parameter error","title":"Too many cells selected","status":400,"detail":"Too many cells selected"}');
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).format()).toBe(
      "table 12134: SSB rejected the request: Too many cells selected (HTTP 400) (select fewer codes per request)",
    );
  });

  it("404, and 500 with an empty body", async () => {
    handler = (_request, response) => response.writeHead(404).end();
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).message).toBe("table 12134: SSB has no such table or the URL is too long (HTTP 404)");
    handler = (_request, response) => response.writeHead(500).end();
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).message).toBe("table 12134: SSB answered HTTP 500 with an empty body");
  });

  it("a cut-off body is reported and not saved", async () => {
    handler = (_request, response) => response.writeHead(200).end(recorded.slice(0, 500));
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.message).toMatch(/^table 12134: SSB's answer is not readable JSON-stat: truncated or not JSON: .+ at position 500$/);
    expect(() => readdirSync(outDir)).toThrow();
  });

  it("a server that cannot be reached", async () => {
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.message).toBe("table 12134: could not reach SSB (ECONNREFUSED)");
  });
});
