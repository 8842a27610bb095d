import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, offlinePage } from "../../src/render/pdf/browser.js";
import { replaceInFile } from "../helpers/edit.js";
import { outsideTraffic } from "../helpers/netTrace.js";
import { REPO, runReport, scratchProject } from "../helpers/project.js";
import { tempFolder } from "../helpers/temp.js";

let root: string;
const locked: string[] = [];
const outDir = () => join(root, "output", "2025");
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
/** ext4's immutable flag: even root cannot rename, replace or write into what has it. */
const immutable = (path: string, on: boolean) => {
  const result = spawnSync("chattr", [on ? "+i" : "-i", path], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`chattr failed: ${result.stderr}`);
  if (on) locked.push(path);
};
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith("."));

beforeEach(() => {
  root = scratchProject();
});
afterEach(() => {
  for (const path of locked.splice(0)) spawnSync("chattr", ["-i", path]);
});

describe("outputs: all or nothing", () => {
  it("a locked Word file after the PDF was replaced puts the previous PDF back: the previous set stays whole", () => {
    expect(runReport(["2025", "--root", root, "--format", "pdf,docx"]).status).toBe(0);
    const pdf = join(outDir(), "kostra-analyse-2025.pdf");
    const docx = join(outDir(), "kostra-analyse-2025.docx");
    const before = { pdf: hash(pdf), docx: hash(docx) };
    // New content, so a new PDF would differ from the old one.
    replaceInFile(root, "data/2025/observations.csv", "gruppestorrelse-1,3201,2024,13.9,", "gruppestorrelse-1,3201,2024,14.1,");
    immutable(docx, true);
    const result = runReport(["2025", "--root", root, "--format", "pdf,docx"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("feil: output/2025/kostra-analyse-2025.docx: kan ikke skrive output/2025/kostra-analyse-2025.docx: filen eller mappen er låst eller skrivebeskyttet");
    expect(result.stderr).not.toContain("intern feil");
    expect({ pdf: hash(pdf), docx: hash(docx) }).toEqual(before);
    expect(leftovers(outDir())).toEqual([]);
  });

  it("an output folder that is a file, or is locked, is found before the build with what to do", () => {
    mkdirSync(join(root, "output"), { recursive: true });
    writeFileSync(join(root, "output", "2025"), "not a folder");
    const file = runReport(["2025", "--root", root]);
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/^feil: output\/2025: kan ikke skrive output\/2025: (en fil står der det trengs en mappe|en del av stien er en fil, ikke en mappe)/m);
    expect(file.stdout).not.toContain("pdf ");

    const lockedRoot = scratchProject();
    mkdirSync(join(lockedRoot, "output", "2025"), { recursive: true });
    immutable(join(lockedRoot, "output", "2025"), true);
    const readOnly = runReport(["2025", "--root", lockedRoot]);
    expect(readOnly.status).toBe(1);
    expect(readOnly.stderr).toContain("feil: output/2025: kan ikke skrive output/2025: filen eller mappen er låst eller skrivebeskyttet");
    expect(readOnly.stdout).not.toContain("chromium");
  });

  it("Ctrl+C while printing leaves no Chromium profile and no temporary file behind", async () => {
    // A temp folder of its own, so nothing else on the machine can put files there meanwhile.
    const temp = tempFolder("kostra-interrupt-");
    const child = spawn("npm", ["run", "--silent", "report", "--", "2025", "--root", root], {
      cwd: REPO,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TMPDIR: temp },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        // Chromium runs: interrupt the whole process group, as Ctrl+C in a terminal does.
        if (stdout.includes("chromium ")) resolve();
      });
      void exited.then(() => reject(new Error(`the build ended before printing: ${stdout}${stderr}`)));
    });
    expect(readdirSync(temp).some((name) => name.startsWith("kostra-chromium-"))).toBe(true);
    process.kill(-child.pid!, "SIGINT");
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readdirSync(temp).filter((name) => /^(kostra-chromium-|puppeteer_dev_chrome_profile-)/.test(name))).toEqual([]);
    expect(stderr).toContain("avbrutt (SIGINT)");
    expect(existsSync(outDir()) ? leftovers(outDir()) : []).toEqual([]);
    expect(existsSync(join(outDir(), "kostra-analyse-2025.pdf"))).toBe(false);
  });
});

describe("Chromium started early", () => {
  it("is closed, its profile removed, when the build fails after it started (a broken template), and the previous files stay", () => {
    expect(runReport(["2025", "--root", root]).status).toBe(0);
    const before = hash(join(outDir(), "kostra-analyse-2025.pdf"));
    const temp = tempFolder("kostra-early-");
    const partial = join(root, "templates", "partials", "table.hbs");
    writeFileSync(partial, readFileSync(partial, "utf8").replace(/\{\{\/each\}\}(\s*<\/tbody>)/, "$1"));
    const result = spawnSync("npm", ["run", "--silent", "report", "--", "2025", "--root", root], { cwd: REPO, encoding: "utf8", env: { ...process.env, TMPDIR: temp }, timeout: 60_000 });
    expect(result.status).toBe(1);
    // Chromium was started (it starts while the charts are drawn), before the templates failed.
    expect(result.stdout).toContain("chromium ");
    expect(result.stderr).toContain("templates/partials/table.hbs:");
    expect(readdirSync(temp).filter((name) => /^(kostra-chromium-|puppeteer_dev_chrome_profile-)/.test(name))).toEqual([]);
    const running = spawnSync("pgrep", ["-f", temp], { encoding: "utf8" });
    expect(running.stdout.trim()).toBe("");
    expect(hash(join(outDir(), "kostra-analyse-2025.pdf"))).toBe(before);
  });
});

describe("printing sends nothing", () => {
  it("a whole build sends nothing to any address outside this machine (strace)", () => {
    const trace = join(root, "connect.trace");
    const result = spawnSync(
      "strace",
      ["-f", "-qq", "-yy", "-e", "trace=%network,execve", "-o", trace, process.execPath, "--import", "tsx", join(REPO, "src", "cli", "kostra.ts"), "report", "2025", "--root", root, "--format", "pdf"],
      { cwd: REPO, encoding: "utf8", timeout: 180_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = readFileSync(trace, "utf8").split("\n");
    // The trace really covers Chromium, or a pass would prove nothing.
    expect(lines.some((line) => /execve\(".*chrom/.test(line))).toBe(true);
    expect(lines.some((line) => /connect\(.*inet_addr\("127\.0\.0\.1"\)/.test(line))).toBe(true);
    expect(outsideTraffic(lines.join("\n"))).toEqual([]);
    expect(statSync(join(outDir(), "kostra-analyse-2025.pdf")).size).toBeGreaterThan(0);
  });

  it("a page's WebSocket reaches nothing, not even a server on this machine, and the printed page runs no script", async () => {
    let attempts = 0;
    const server = createServer((_request, response) => response.end("ok"));
    server.on("upgrade", (_request, socket) => {
      attempts += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const outcome = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url);
            socket.onopen = () => resolve("open");
            socket.onerror = () => resolve("blocked");
            setTimeout(() => resolve("timeout"), 5000);
          }),
        `ws://127.0.0.1:${port}/`,
      );
      expect(outcome).toBe("blocked");
      expect(attempts).toBe(0);

      const printed = await offlinePage(browser);
      await printed.setContent('<title>before</title><script>document.title = "script ran"</script>');
      expect(await printed.title()).toBe("before");
    } finally {
      await browser.close();
      server.close();
    }
  });
});
