import { spawnSync } from "node:child_process";
import { readFileSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isReportError } from "../../src/errors.js";
import { projectPaths } from "../../src/pipeline.js";
import { startPreview, type PreviewServer } from "../../src/preview/server.js";
import { REPO, scratchProject } from "../helpers/project.js";

/**
 * The preview server under hostile and clumsy requests, with raw HTTP
 * (node:http, so every header is ours to set) against a real server on
 * 127.0.0.1, and editors that save by renaming a temp file over the original.
 */

/** Log lines as they come, and a way to wait for the n-th one that matches. */
class LogRecorder {
  readonly lines: string[] = [];
  private waiters: (() => void)[] = [];
  readonly log = (line: string): void => {
    this.lines.push(line);
    for (const wake of this.waiters.splice(0)) wake();
  };
  count(pattern: RegExp): number {
    return this.lines.filter((line) => pattern.test(line)).length;
  }
  async waitFor(pattern: RegExp, count: number): Promise<void> {
    while (this.count(pattern) < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: IncomingHttpHeaders;
}

function send(port: number, method: string, path: string, headers: OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

const SFO = "data/2025/commentary/grunnskole/08-sfo.md";
const BUILT = /^(bygget|feil) på/;
const FILES_BUILD = /^lager PDF og Word/;

describe("preview server", () => {
  let root: string;
  let preview: PreviewServer;
  let port: number;
  const recorder = new LogRecorder();

  beforeAll(async () => {
    root = scratchProject();
    preview = await startPreview(projectPaths(root), { year: 2025, port: 0, log: recorder.log });
    port = Number(new URL(preview.url).port);
  });

  afterAll(async () => {
    await preview?.close();
  });

  /** Saves as many editors do: a temp file beside the original, renamed over it. */
  function atomicSave(path: string, text: string): void {
    const temp = join(root, path, "..", `.${path.split("/").pop()}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(root, path));
  }

  async function saveAndWait(save: () => void): Promise<string> {
    const before = recorder.count(BUILT);
    save();
    await recorder.waitFor(BUILT, before + 1);
    return (await send(port, "GET", "/")).body;
  }

  it("answers a malformed URL with 400 and keeps serving", async () => {
    expect((await send(port, "GET", "/output/%zz.pdf")).status).toBe(400);
    expect((await send(port, "GET", "/%E0%A4%A")).status).toBe(400);
    expect((await send(port, "POST", "/build%")).status).toBe(400);
    // Decoded names cannot climb out of output/<year>/.
    expect((await send(port, "GET", "/output/..%2F..%2Fdata%2F2025%2Fobservations.csv")).status).toBe(404);
    expect((await send(port, "GET", "/output/..%2F2025%2Fkostra-analyse-2025.pdf")).status).toBe(404);
    expect((await send(port, "GET", "/output/kostra-analyse-2025.pdf%00.pdf")).status).toBe(404);
    const page = await send(port, "GET", "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<title>KOSTRA analyse 2025</title>");
  });

  it("refuses other hosts (DNS rebinding) and cross-site POSTs with 403, starting no build", async () => {
    expect((await send(port, "GET", "/", { host: `localhost:${port}` })).status).toBe(200);
    expect((await send(port, "GET", "/", { host: `LOCALHOST:${port}` })).status).toBe(200);
    for (const host of [`rebind.example:${port}`, `127.0.0.1:${port + 1}`, "127.0.0.1", `127.0.0.1.nip.io:${port}`]) {
      for (const path of ["/", "/events", "/output/kostra-analyse-2025.pdf"]) {
        const answer = await send(port, "GET", path, { host });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body).not.toContain("KOSTRA");
      }
    }
    const own = `http://127.0.0.1:${port}`;
    for (const headers of [
      { origin: "http://evil.example" },
      { origin: "null" },
      { origin: `http://localhost:${port}` },
      { origin: `http://127.0.0.1:${port + 1}` },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: own, "sec-fetch-site": "cross-site" },
      { host: `rebind.example:${port}`, origin: `http://rebind.example:${port}` },
    ]) {
      expect((await send(port, "POST", "/build", headers)).status, JSON.stringify(headers)).toBe(403);
    }
    expect(recorder.count(FILES_BUILD)).toBe(0);
  });

  it("follows rename-over saves, again and again, and in-place writes after them", async () => {
    const builds = recorder.count(BUILT);
    const original = readFileSync(join(root, SFO), "utf8");
    const lead = "Skolefritidsordningen i Bærum har høyere kostnader";
    expect(original).toContain(lead);
    expect(await saveAndWait(() => atomicSave(SFO, original.replace(lead, `Første lagring. ${lead}`)))).toContain("Første lagring.");
    expect(await saveAndWait(() => atomicSave(SFO, original.replace(lead, `Andre lagring. ${lead}`)))).toContain("Andre lagring.");
    expect(await saveAndWait(() => writeFileSync(join(root, SFO), original.replace(lead, `Tredje lagring. ${lead}`)))).toContain("Tredje lagring.");

    // Emacs: a dangling lock symlink (.#08-sfo.md) while the buffer is modified. Another
    // program saves meanwhile; the lock is neither read as commentary nor reported.
    const lock = join(root, SFO, "..", ".#08-sfo.md");
    symlinkSync("redaktor@maskin.4242:1700000000", lock);
    const page = await saveAndWait(() => writeFileSync(join(root, SFO), original.replace(lead, `Fjerde lagring. ${lead}`)));
    expect(page).toContain("Fjerde lagring.");
    expect(page).not.toContain('id="preview-error"');
    const saved = await saveAndWait(() => {
      atomicSave(SFO, original.replace(lead, `Femte lagring. ${lead}`));
      unlinkSync(lock);
    });
    expect(saved).toContain("Femte lagring.");
    expect(saved).not.toContain('id="preview-error"');

    // The same in templates/partials/ while a partial is being edited.
    const partial = join(root, "templates", "partials", "strong.hbs");
    const partialLock = join(root, "templates", "partials", ".#strong.hbs");
    symlinkSync("redaktor@maskin.4242:1700000000", partialLock);
    const styled = await saveAndWait(() => writeFileSync(partial, `<!-- redigert -->${readFileSync(partial, "utf8")}`));
    expect(styled).toContain("<!-- redigert -->");
    expect(styled).not.toContain('id="preview-error"');
    unlinkSync(partialLock);

    // Six saves, six rebuilds: none came twice (the kernel reports a save's events
    // before the next save's, so a second rebuild of any save would be counted by now),
    // and the lock files and temp files started none.
    expect(recorder.count(BUILT) - builds).toBe(6);
  });

  it("serves every HTML page with a Content-Security-Policy, and no inline script: the preview's own is /preview.js", async () => {
    const page = await send(port, "GET", "/");
    expect(page.status).toBe(200);
    const policy = String(page.headers["content-security-policy"]);
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy.split("; ").filter((directive) => directive.startsWith("script-src"))).toEqual(["script-src 'self'"]);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    // The report's own policy (no script at all) is left out: the header takes its place.
    expect(page.body).not.toContain('http-equiv="Content-Security-Policy"');
    expect([...page.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([`<script src="/preview.js" data-version="${preview.version()}">`]);
    expect(page.body).not.toMatch(/\son[a-z]+=/i);
    const script = await send(port, "GET", "/preview.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.body).toContain('new EventSource("/events")');
    expect(script.body).not.toContain("innerHTML");
  });

  it("shows an error that holds $' and $& once, as written, without copying the page into itself (issue 21)", async () => {
    const file = join(root, SFO);
    const good = readFileSync(file, "utf8");
    expect(good).toContain('"sfo-antall-barn"');
    // Not String.replace with a string: "$'" in it would be a pattern here too.
    const page = await saveAndWait(() => writeFileSync(file, good.split('"sfo-antall-barn"').join(`"sfo$'-$&-barn"`)));
    for (const once of ["<title>", "<body", "</body>", "</html>", 'id="preview-bar"', 'id="preview-error"', 'src="/preview.js"']) {
      expect(page.split(once).length - 1, once).toBe(1);
    }
    expect(page).toContain("sfo$&#39;-$&amp;-barn");
    await saveAndWait(() => writeFileSync(file, good));
  });

  it("shows an unclosed block in a template as one located line, not the parser's dump (issue 21)", async () => {
    const partial = join(root, "templates", "partials", "strong.hbs");
    const good = readFileSync(partial, "utf8");
    const column = good.indexOf("{{#each children}}") + 1;
    expect(column).toBeGreaterThan(0);
    const page = await saveAndWait(() => writeFileSync(partial, good.replace("{{/each}}", () => "")));
    const banner = /<pre id="preview-error" role="alert"><strong>[^<]*<\/strong>([^<]*)<\/pre>/.exec(page)?.[1];
    expect(banner).toBe(`templates/partials/strong.hbs:1:${column}: {{#each}} blir aldri lukket (lukk den med {{/each}})`);
    await saveAndWait(() => writeFileSync(partial, good));
  });

  it("builds PDF and Word one at a time: requests during a build join it and get its answer", async () => {
    const headers = { origin: `http://127.0.0.1:${port}`, "sec-fetch-site": "same-origin" };
    const csv = join(root, "data", "2025", "observations.csv");
    const good = readFileSync(csv, "utf8");
    const lines = good.split("\n");
    lines[4] = lines[4]!.replace(/^([^,]*,[^,]*,\d{4}),(\d+\.\d),/, "$1,$2x,");

    // A broken file: the build fails fast, without Chromium, and the next request builds again.
    writeFileSync(csv, lines.join("\n"));
    const failed = await send(port, "POST", "/build", headers);
    expect(JSON.parse(failed.body)).toMatchObject({ ok: false, error: expect.stringMatching(/observations\.csv:5:4: skal være et tall/) });
    expect(recorder.count(FILES_BUILD)).toBe(1);
    writeFileSync(csv, good);

    const answers = await Promise.all(Array.from({ length: 5 }, () => send(port, "POST", "/build", headers)));
    expect(recorder.count(FILES_BUILD)).toBe(2);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(JSON.parse(answers[0]!.body)).toEqual({ ok: true, files: ["kostra-analyse-2025.pdf", "kostra-analyse-2025.docx"] });
    const pdf = await send(port, "GET", "/output/kostra-analyse-2025.pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith("%PDF-")).toBe(true);
  });
});

describe("preview on a port in use", () => {
  let busy: Server;
  let port: number;
  let root: string;

  beforeAll(async () => {
    root = scratchProject();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const address = busy.address();
    port = typeof address === "object" && address !== null ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
  });

  it("startPreview throws a ReportError that says what to do", async () => {
    const error: unknown = await startPreview(projectPaths(root), { year: 2025, port, log: () => {} }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isReportError(error)).toBe(true);
    expect(isReportError(error) && error.id).toBe("preview.portInUse");
    expect(isReportError(error) && error.format()).toBe(`porten ${port} er allerede i bruk (velg en annen med --port ${port + 1}, eller stopp den andre forhåndsvisningen)`);
  });

  it("npm run preview prints it as one line, no stack trace", () => {
    const result = spawnSync(join(REPO, "node_modules", ".bin", "tsx"), ["src/cli/kostra.ts", "preview", "2025", "--root", root, "--port", String(port)], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`feil: porten ${port} er allerede i bruk (velg en annen med --port ${port + 1}, eller stopp den andre forhåndsvisningen)\n`);
  });
});
