import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPO, scratchProject } from "../helpers/project.js";

/**
 * npm run fetch against a real HTTP server on 127.0.0.1 that serves a
 * recorded PxWebApi v2 body (in SSB's shape) and SSB's error bodies. The real
 * API is never called.
 */
const FIXTURE = readFileSync(join(REPO, "test", "fixtures", "ssb", "12362-kostra-fixture.json"), "utf8");
const INDICATOR = "nd-202-per-innbygger";

let root: string;
let server: Server;
let requests: string[];
let answer: (url: URL) => { status: number; body: string };

function cli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(REPO, "src", "cli", "kostra.ts"), ...args, "--root", root], { cwd: REPO, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

beforeEach(async () => {
  root = scratchProject();
  const indicators = join(root, "data", "indicators.csv");
  writeFileSync(
    indicators,
    `${readFileSync(indicators, "utf8")}${INDICATOR},"Netto driftsutgifter til grunnskole (202), per innbygger",Netto driftsutgifter 202 per innbygger,kr,1,0,SSB/KOSTRA,202,,,12362,KOSAG210000,KOKfunksjon0000=202 KOKregnskapsomfa0000=B,1\n`,
  );
  requests = [];
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(decodeURIComponent(url.pathname + url.search));
    const { status, body } = answer(url);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pxwebapi/v2`;

describe("npm run fetch -- 2025", () => {
  it("asks PxWebApi v2 for the catalogue's table with the report's regions under their old numbers, saves the body and imports it", async () => {
    answer = () => ({ status: 200, body: FIXTURE });
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base() });
    expect(result.status, result.stderr).toBe(0);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request).toMatch(/^\/api\/pxwebapi\/v2\/tables\/12362\/data\?lang=no&outputFormat=json-stat2&/);
    expect(request).toContain("valueCodes[ContentsCode]=KOSAG210000");
    // Bærum was 0219 until 2019 and 3024 in 2020–2023: the 2021–2024 series needs 3024 and 3201.
    expect(request).toMatch(/valueCodes\[KOKkommuneregion0000\]=[^&]*3024[^&]*3201/);
    expect(request).toContain("valueCodes[KOKfunksjon0000]=202");
    expect(request).toContain("valueCodes[Tid]=2021,2022,2023,2024");
    const saved = join(root, "data", "2025", "ssb", "12362-1.json");
    expect(readFileSync(saved, "utf8")).toBe(FIXTURE);
    expect(result.stdout).toContain("Lagret data/2025/ssb/12362-1.json");
    expect(result.stdout).toMatch(/import: [1-9]\d* added/);
    expect(readFileSync(join(root, "data", "2025", "observations.csv"), "utf8")).toMatch(new RegExp(`^${INDICATOR},3201,2024,\\d+,,SSB 12362,`, "m"));
  });

  it("SSB's error body becomes one line naming the table and the problem; nothing is saved or imported", async () => {
    answer = () => ({ status: 400, body: JSON.stringify({ type: "Parameter error", title: "Non-existent value", status: 400 }) });
    const before = readFileSync(join(root, "data", "2025", "observations.csv"), "utf8");
    const result = await cli(["fetch", "2025"], { SSB_API_URL: base() });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^feil: table 12362: SSB rejected the request: Non-existent value \(HTTP 400\) \(a code is not in the table; compare with http:\/\/127\.0\.0\.1:\d+\/api\/pxwebapi\/v2\/tables\/12362\/metadata\)\n$/);
    expect(existsSync(join(root, "data", "2025", "ssb", "12362-1.json"))).toBe(false);
    expect(readFileSync(join(root, "data", "2025", "observations.csv"), "utf8")).toBe(before);
  });
});
