import { request, type IncomingHttpHeaders } from "node:http";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectPaths } from "../../src/pipeline.js";
import { WEB_POLICY } from "../../src/render/web/policy.js";
import { startPreview, type PreviewServer } from "../../src/preview/server.js";
import { scratchProject } from "../helpers/project.js";

/** `npm run preview` serves the web edition too, under /web/, with the preview's guard: a real server on 127.0.0.1. */
let root: string;
let preview: PreviewServer;
let port: number;

function get(path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "GET", path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  root = scratchProject();
  preview = await startPreview(projectPaths(root), { year: 2025, port: 0, log: () => {} });
  port = Number(new URL(preview.url).port);
}, 120_000);

afterAll(async () => {
  await preview?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the preview's web edition", () => {
  it("serves the front page, a chapter page and their files with the site's policy", async () => {
    const front = await get("/web/");
    expect(front.status).toBe(200);
    expect(front.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(front.headers["content-security-policy"]).toBe(WEB_POLICY);
    expect(front.body).toContain('<a href="kapittel/grunnskole.html">Grunnskoleopplæring</a>');
    const chapter = await get("/web/kapittel/grunnskole.html");
    expect(chapter.status).toBe(200);
    expect(chapter.body).toContain('<figure class="exhibit chart-exhibit" id="figur-tjenesteprofil"');
    expect((await get("/web/ressurser/web.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    const csv = await get("/web/data/tabell-netto-driftsutgifter.csv");
    expect(csv.status).toBe(200);
    expect(csv.body).toMatch(/^\uFEFFRegion;2021;2022;2023;2024\r\n/);
    expect((await get("/web")).headers.location).toBe("/web/");
  });

  it("answers nothing outside the site, and nothing to another host name", async () => {
    expect((await get("/web/../../package.json")).status).toBe(404);
    expect((await get("/web/%2e%2e/%2e%2e/package.json")).status).toBe(404);
    expect((await get("/web/kapittel/finnes-ikke.html")).status).toBe(404);
    expect((await get("/web/", "evil.example:80")).status).toBe(403);
  });
});
