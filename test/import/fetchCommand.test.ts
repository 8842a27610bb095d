import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { REPO, scratchProject } from "../helpers/project.js";

/**
 * npm run fetch against a real HTTP server on 127.0.0.1 that serves recorded
 * PxWebApi v2 bodies (in SSB's shape), their metadata, SSB's error bodies, and
 * misbehaves on demand: redirects elsewhere, trickles, stalls. The real API is
 * never called.
 */
const FIXTURE = readFileSync(join(REPO, "test", "fixtures", "ssb", "12362-kostra-fixture.json"), "utf8");
const FIXTURE_12134 = readFileSync(join(REPO, "test", "fixtures", "ssb", "12134-v2-json-stat2.json"), "utf8");
const INDICATOR = "nd-202-per-innbygger";
const INDICATOR_LINE = `${INDICATOR},"Netto driftsutgifter til grunnskole (202), per innbygger",Netto driftsutgifter 202 per innbygger,kr,1,0,SSB/KOSTRA,202,,,12362,KOSAG210000,KOKfunksjon0000=202 KOKregnskapsomfa0000=B,1,\n`;

/** A table's metadata as PxWebApi v2 sends it: the dataset without values. */
const metadata = (body: string) => JSON.stringify({ ...(JSON.parse(body) as object), value: undefined, status: undefined });

let root: string;
let server: Server;
let requests: string[];
let answer: (url: URL, request: IncomingMessage, response: ServerResponse) => { status: number; body: string } | undefined;

function start(args: readonly string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<{ status: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "src", "cli", "kostra.ts"), ...args, "--root", root], { cwd: REPO, env: { ...process.env, INIT_CWD: REPO, ...env } });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}

const cli = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => start(args, env).done;

beforeEach(async () => {
  root = scratchProject();
  const indicators = join(root, "data", "indicators.csv");
  writeFileSync(indicators, `${readFileSync(indicators, "utf8")}${INDICATOR_LINE}`);
  requests = [];
  answer = () => ({ status: 200, body: FIXTURE });
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(decodeURIComponent(url.pathname + url.search));
    const table = /\/tables\/(\d+)\/metadata$/.exec(url.pathname)?.[1];
    if (table) {
      response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(metadata(table === "12134" ? FIXTURE_12134 : FIXTURE));
      return;
    }
    const given = answer(url, request, response);
    if (given) response.writeHead(given.status, { "content-type": "application/json; charset=utf-8" }).end(given.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pxwebapi/v2`;
const observations = () => readFileSync(join(root, "data", "2025", "observations.csv"), "utf8");
const yearDir = () => join(root, "data", "2025");
/** Nothing but the files the project started with: no ssb/, no staging folder, no lock. */
const untouched = () => readdirSync(yearDir()).sort();

describe("npm run fetch -- 2025", () => {
  it("asks PxWebApi v2 for the table's metadata, then its data with the report's regions under their old numbers, saves the body and imports it", async () => {
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base() });
    expect(result.status, result.stderr).toBe(0);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toBe("/api/pxwebapi/v2/tables/12362/metadata?lang=no&outputFormat=json-stat2");
    const request = requests[1]!;
    expect(request).toMatch(/^\/api\/pxwebapi\/v2\/tables\/12362\/data\?lang=no&outputFormat=json-stat2&/);
    expect(request).toContain("valueCodes[ContentsCode]=KOSAG210000");
    // Bærum was 0219 until 2019 and 3024 in 2020–2023: the 2021–2024 series needs 3024 and 3201.
    expect(request).toMatch(/valueCodes\[KOKkommuneregion0000\]=[^&]*3024[^&]*3201/);
    expect(request).toContain("valueCodes[KOKfunksjon0000]=202");
    expect(request).toContain("valueCodes[Tid]=2021,2022,2023,2024");
    const saved = join(yearDir(), "ssb", "12362-1.json");
    expect(readFileSync(saved, "utf8")).toBe(FIXTURE);
    expect(readFileSync(join(yearDir(), "ssb", "12362-1.kilde"), "utf8")).toContain(`url: ${base()}/tables/12362/data?`);
    expect(result.stdout).toContain("Lagret data/2025/ssb/12362-1.json");
    expect(result.stdout).toMatch(/import: [1-9]\d* nye/);
    expect(observations()).toMatch(new RegExp(`^${INDICATOR},3201,2024,\\d+,,SSB 12362,`, "m"));
    expect(existsSync(join(yearDir(), ".kostra.lock"))).toBe(false);
  });

  it("SSB's error body becomes one line naming the table and the problem; nothing is saved or imported", async () => {
    answer = () => ({ status: 400, body: JSON.stringify({ type: "Parameter error", title: "Non-existent value", status: 400 }) });
    const before = observations();
    const files = untouched();
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base() });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^feil: tabell 12362: SSB avviste spørringen: Non-existent value \(HTTP 400\) \(en kode finnes ikke i tabellen; sammenlign med http:\/\/127\.0\.0\.1:\d+\/api\/pxwebapi\/v2\/tables\/12362\/metadata\)\n$/);
    expect(observations()).toBe(before);
    expect(untouched()).toEqual(files);
  });

  it("a KOSTRA table mapped without a fixed KOK dimension is still asked for its own region dimension (from its metadata)", async () => {
    const indicators = join(root, "data", "indicators.csv");
    writeFileSync(indicators, readFileSync(indicators, "utf8").replace(INDICATOR_LINE, INDICATOR_LINE.replace("KOKfunksjon0000=202 KOKregnskapsomfa0000=B", "")));
    const result = await cli(["fetch", "2025", "--dry-run"], { SSB_API_URL: base() });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^12362: ContentsCode=KOSAG210000 KOKkommuneregion0000=[^ ]*3201[^ ]* Tid=2021,2022,2023,2024$/m);
    expect(result.stdout).not.toContain("Region=");
  });

  it("a fixed dimension the table does not have is named with the table's own dimensions", async () => {
    const indicators = join(root, "data", "indicators.csv");
    writeFileSync(indicators, readFileSync(indicators, "utf8").replace(INDICATOR_LINE, INDICATOR_LINE.replace("KOKfunksjon0000=202", "KOKfunksjn0000=202")));
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("feil: data/indicators.csv: indikatoren nd-202-per-innbygger: tabell 12362 har ingen dimensjon «KOKfunksjn0000» (ssb_dimensions) (mente du «KOKfunksjon0000»? tabellens dimensjoner er ContentsCode, KOKkommuneregion0000, KOKfunksjon0000, KOKregnskapsomfa0000, Tid)");
    expect(requests.filter((r) => r.includes("/data?"))).toEqual([]);
  });

  it("a later table that fails leaves the earlier one unsaved: no ssb/ file, no import, no lock", async () => {
    const indicators = join(root, "data", "indicators.csv");
    writeFileSync(indicators, `${readFileSync(indicators, "utf8")}frie-inntekter-test,Frie inntekter per innbygger,Frie inntekter,kr,1,0,SSB/KOSTRA,,,,12134,KOSAG110000,,1,\n`);
    answer = (url) => (url.pathname.includes("/12134/") ? { status: 500, body: "" } : { status: 200, body: FIXTURE });
    const before = observations();
    const files = untouched();
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base() });
    expect(requests.filter((r) => r.includes("/data?")).map((r) => /tables\/(\d+)/.exec(r)![1])).toEqual(["12362", "12134"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^feil: tabell 12134: SSB svarte HTTP 500 uten innhold/);
    expect(result.stdout).not.toContain("Lagret");
    expect(observations()).toBe(before);
    expect(untouched()).toEqual(files);
  });

  it("a 302 from the SSB base to another host and port is refused, naming both URLs; nothing is saved or imported", async () => {
    const foreign = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(FIXTURE));
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => foreign.close(() => resolve())));
    const elsewhere = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/other`;
    answer = (url, _request, response) => {
      response.writeHead(302, { location: `${elsewhere}${url.search}` }).end();
      return undefined;
    };
    const before = observations();
    const files = untouched();
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`feil: tabell 12362: SSB-adressen ${base()}/tables/12362/data?`);
    expect(result.stderr).toContain(`sendte videre til ${elsewhere}?`);
    expect(observations()).toBe(before);
    expect(untouched()).toEqual(files);
  });
});

describe("npm run fetch: deadlines", () => {
  it("a server that stalls after the headers is given up after --timeout, with a clear message; nothing changes", async () => {
    answer = (_url, _request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write(FIXTURE.slice(0, 50));
      return undefined;
    };
    const before = observations();
    const files = untouched();
    const started = Date.now();
    const result = await cli(["fetch", "2025", "--timeout", "1"], { SSB_API_URL: base() });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^feil: tabell 12362: SSB svarte ikke ferdig innen 1 s \(SSB er treg eller nede; .*--timeout <sek> eller SSB_TIMEOUT; ingen filer er endret/);
    expect(result.stderr).not.toContain("intern feil");
    expect(observations()).toBe(before);
    expect(untouched()).toEqual(files);
  });

  it("a server that trickles a byte at a time is given up at SSB_TIMEOUT", async () => {
    const timers = new Set<NodeJS.Timeout>();
    onTestFinished(() => timers.forEach(clearInterval));
    answer = (_url, _request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      let at = 0;
      const timer = setInterval(() => (at < FIXTURE.length ? response.write(FIXTURE[at++]!) : response.end()), 100);
      timers.add(timer);
      response.on("close", () => clearInterval(timer));
      return undefined;
    };
    const before = observations();
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base(), SSB_TIMEOUT: "1,5" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("feil: tabell 12362: SSB svarte ikke ferdig innen 1,5 s");
    expect(observations()).toBe(before);
  });

  it("a timeout that is not a number of seconds is refused before anything is fetched", async () => {
    const result = await cli(["fetch", "2025", "--timeout", "ti"], { SSB_API_URL: base() });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("feil: --timeout: «ti» er ikke et antall sekunder");
    expect(requests).toEqual([]);
  });

  it("Ctrl+C while SSB is slow: exit 130, no ssb/ file, no staging folder, no lock", async () => {
    let asked!: () => void;
    const waiting = new Promise<void>((resolve) => (asked = resolve));
    answer = (_url, _request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      asked();
      return undefined;
    };
    const before = observations();
    const files = untouched();
    const { child, done } = start(["fetch", "2025"], { SSB_API_URL: base() });
    await waiting;
    expect(existsSync(join(yearDir(), ".kostra.lock"))).toBe(true);
    child.kill("SIGINT");
    const result = await done;
    expect(result.status).toBe(130);
    expect(result.stderr).toContain("avbrutt (SIGINT): ingen filer er endret");
    expect(observations()).toBe(before);
    expect(untouched()).toEqual(files);
  });
});

describe("fetch beside import: one run at a time on a year's data", () => {
  it("an import started while a fetch holds data/2025 stops with a message naming the fetch; the fetch's rows are all written", async () => {
    let asked!: () => void;
    const waiting = new Promise<void>((resolve) => (asked = resolve));
    let respond!: () => void;
    answer = (_url, _request, response) => {
      respond = () => response.writeHead(200, { "content-type": "application/json" }).end(FIXTURE);
      asked();
      return undefined;
    };
    const fetching = start(["fetch", "2025"], { SSB_API_URL: base() });
    await waiting;
    const importing = await cli(["import", join(REPO, "test", "fixtures", "ssb", "12134-v2-json-stat2.json"), "--year", "2025"]);
    respond();
    const fetched = await fetching.done;
    expect(importing.status).toBe(1);
    expect(importing.stderr).toMatch(/^feil: data\/2025\/\.kostra\.lock: data\/2025 er i bruk av en annen kjøring \(npm run fetch, prosess \d+, startet /);
    expect(fetched.status, fetched.stderr).toBe(0);
    expect(observations()).toMatch(new RegExp(`^${INDICATOR},3201,2024,\\d+,,SSB 12362,`, "m"));
    expect(existsSync(join(yearDir(), ".kostra.lock"))).toBe(false);
  });
});
