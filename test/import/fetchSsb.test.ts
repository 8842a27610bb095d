import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { fetchSsbTable, fetchTableShape } from "../../src/import/fetchSsb.js";
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
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(join(outDir, "..", "..", ".."), { recursive: true, force: true });
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
    expect(readdirSync(outDir).sort()).toEqual(["12134-1.json", "12134-1.kilde", "12134-2.json", "12134-2.kilde", "12134-3.json", "12134-3.kilde"]);
    writeFileSync(join(outDir, "11816-1.json"), "{}");
    const saved = await fetchSsbTable(query, { base, outDir, clock, limits: { maxCells: 2, maxUrlLength: 2000 } });
    expect(saved.map((s) => s.file)).toEqual([join(outDir, "12134-1.json"), join(outDir, "12134-2.json")]);
    expect(readdirSync(outDir).sort()).toEqual(["11816-1.json", "12134-1.json", "12134-1.kilde", "12134-2.json", "12134-2.kilde"]);
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
    expect(error.id).toBe("importing.tooManyRequests");
    expect(error.format()).toBe("tabell 12134: SSB avviste spørringen to ganger for mange spørringer (HTTP 429) (vent et minutt og prøv igjen)");
    expect(clock.sleeps).toEqual([60_000]);
    expect(requests).toHaveLength(2);
  });
});

describe("SSB's error answers become one line naming the table", () => {
  it("a code that is not in the table", async () => {
    handler = problem(400, '{"type":"Parameter error","title":"Non-existent value","status":400}');
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.id).toBe("importing.rejected");
    expect(error.format()).toBe(`tabell 12134: SSB avviste spørringen: Non-existent value (HTTP 400) (en kode finnes ikke i tabellen; sammenlign med ${base}/tables/12134/metadata)`);
  });

  it("a missing dimension, and too many cells (with its detail)", async () => {
    handler = problem(400, '{"type":"Parameter error","title":"Missing selection for mandantory variable","status":400}');
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).message).toBe(
      "tabell 12134: SSB avviste spørringen: Missing selection for mandantory variable (HTTP 400)",
    );
    handler = problem(400, '{"type":"Parameter error","title":"Too many cells selected","status":400,"detail":"Too many cells selected"}');
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).format()).toBe(
      "tabell 12134: SSB avviste spørringen: Too many cells selected (HTTP 400) (velg færre koder per spørring)",
    );
  });

  it("404, and 500 with an empty body", async () => {
    handler = (_request, response) => response.writeHead(404).end();
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).message).toBe("tabell 12134: SSB har ingen slik tabell, eller adressen er for lang (HTTP 404)");
    handler = (_request, response) => response.writeHead(500).end();
    expect((await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }))).message).toBe("tabell 12134: SSB svarte HTTP 500 uten innhold");
  });

  it("a cut-off body is reported and not saved", async () => {
    handler = (_request, response) => response.writeHead(200).end(recorded.slice(0, 500));
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.id).toBe("importing.unreadableAnswer");
    expect(error.message).toMatch(/^tabell 12134: svaret fra SSB er ikke lesbar JSON-stat: avkuttet, eller ikke JSON: .+ ved tegn 500$/);
    expect(() => readdirSync(outDir)).toThrow();
  });

  it("a server that cannot be reached", async () => {
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.id).toBe("importing.unreachable");
    expect(error.message).toBe("tabell 12134: fikk ikke kontakt med SSB (ECONNREFUSED)");
  });
});

describe("redirects: only within SSB's origin", () => {
  it("a 302 to another host and port is an error naming both URLs, and nothing is saved", async () => {
    const foreign = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(recorded));
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => foreign.close(() => resolve())));
    const elsewhere = `http://localhost:${(foreign.address() as AddressInfo).port}/evil/12134.json`;
    handler = (_request, response) => response.writeHead(302, { location: elsewhere }).end();
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock }));
    expect(error.id).toBe("importing.foreignRedirect");
    expect(error.message).toContain(`${base}/tables/12134/data?`);
    expect(error.message).toContain(elsewhere);
    expect(error.hint).toContain(new URL(base).origin);
    expect(existsSync(outDir)).toBe(false);
  });

  it("a redirect within SSB's origin is followed, and the saved body records where it came from", async () => {
    handler = (request, response) => {
      if (request.url!.startsWith("/api/")) response.writeHead(301, { location: `/moved${request.url}` }).end();
      else response.writeHead(200, { "content-type": "application/json" }).end(recorded);
    };
    const [saved] = await fetchSsbTable(query, { base, outDir, clock });
    expect(saved!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/moved\/api\/pxwebapi\/v2\/tables\/12134\/data\?/);
    expect(readFileSync(join(outDir, "12134-1.json"), "utf8")).toBe(recorded);
    const source = readFileSync(join(outDir, "12134-1.kilde"), "utf8");
    expect(source).toContain(`url: ${saved!.url}\n`);
    expect(source).toContain(`spurt: ${base}/tables/12134/data?`);
    expect(source).toMatch(/hentet: 2026-03-16T08:30:00\.000Z\n$/);
  });
});

describe("deadlines: a slow or silent SSB cannot hold the run", () => {
  const deadlines = { connectMs: 500, deadlineMs: 1000 };

  it("a server that trickles one byte at a time is cut off at the overall deadline", async () => {
    const timers = new Set<NodeJS.Timeout>();
    onTestFinished(() => timers.forEach(clearInterval));
    handler = (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      let at = 0;
      const timer = setInterval(() => (at < recorded.length ? response.write(recorded[at++]!) : response.end()), 50);
      timers.add(timer);
      response.on("close", () => clearInterval(timer));
    };
    const started = Date.now();
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock, deadlines }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.id).toBe("importing.deadline");
    expect(error.message).toBe("tabell 12134: SSB svarte ikke ferdig innen 1 s");
    expect(error.hint).toContain("--timeout");
    expect(existsSync(outDir)).toBe(false);
  });

  it("a server that sends the headers and then nothing is cut off at the deadline", async () => {
    handler = (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write(recorded.slice(0, 100));
    };
    const started = Date.now();
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base, outDir, clock, deadlines }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.id).toBe("importing.deadline");
    expect(existsSync(outDir)).toBe(false);
  });

  it("a server that never accepts the connection is given up at the connect timeout", async () => {
    // A real socket that listens with a backlog of 0 and never accepts: once its queue is full, connecting hangs.
    const listener = spawn("python3", ["-c", "import socket,time\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(60)"]);
    const fillers: Socket[] = [];
    onTestFinished(() => {
      fillers.forEach((socket) => socket.destroy());
      listener.kill();
    });
    const port = await new Promise<number>((resolve) => listener.stdout.once("data", (data: Buffer) => resolve(Number(data.toString().trim()))));
    for (let i = 0; i < 3; i++) fillers.push(connect(port, "127.0.0.1").on("error", () => {}));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const error = await asyncErrorOf(() => fetchSsbTable(query, { base: `http://127.0.0.1:${port}/api/pxwebapi/v2`, outDir, clock, deadlines: { connectMs: 500, deadlineMs: 5000 } }));
    expect(Date.now() - started).toBeLessThan(2500);
    expect(error.id).toBe("importing.connectTimeout");
    expect(error.message).toBe("tabell 12134: fikk ikke kontakt med SSB innen 0,5 s");
    expect(error.hint).toContain("--connect-timeout");
  });
});

describe("the body must be the table asked for", () => {
  it("SSB's body for 12134 given for 12255 is refused, not saved under 12255's name", async () => {
    const error = await asyncErrorOf(() => fetchSsbTable({ ...query, table: "12255" }, { base, outDir, clock }));
    expect(error.id).toBe("importing.wrongTable");
    expect(error.message).toBe("SSB svarte med tabell 12134 da tabell 12255 ble hentet");
    expect(existsSync(outDir)).toBe(false);
  });
});

describe("a table's own dimension names", () => {
  it("are read from its metadata, with the geo role", async () => {
    const doc = JSON.parse(recorded) as Record<string, unknown>;
    handler = (_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...doc, value: undefined, status: undefined }));
    const shape = await fetchTableShape("12134", { base, clock });
    expect(requests).toEqual(["/api/pxwebapi/v2/tables/12134/metadata?lang=no&outputFormat=json-stat2"]);
    expect(shape.dimensions).toEqual(doc.id);
  });
});
