import { createHash } from "node:crypto";
import { cpSync, readFileSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Outcome } from "../../src/distribute/distribute.js";
import { replaceInFile } from "../helpers/edit.js";
import { failure, lines, run } from "./mailProject.js";
import { REPO, runReport, scratchProject } from "../helpers/project.js";
import { spawn } from "node:child_process";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp.js";
import { tempFolder } from "../helpers/temp.js";

/** A project with the 2025 report built once; each test works on its own copy. */
let built: string;
beforeAll(() => {
  built = scratchProject();
  expect(runReport(["2025", "--root", built, "--format", "pdf,docx"]).status).toBe(0);
});
afterAll(() => rmSync(built, { recursive: true, force: true }));

function project(): string {
  const root = tempFolder("kostra-mail-");
  for (const dir of ["data", "templates", "output"]) cpSync(join(built, dir), join(root, dir), { recursive: true, preserveTimestamps: true });
  return root;
}

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(behaviour?: Parameters<typeof startSmtpServer>[0]): Promise<TestSmtpServer> {
  const s = await startSmtpServer(behaviour);
  servers.push(s);
  return s;
}


const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const fileHash = (root: string, name: string) => sha(readFileSync(join(root, "output", "2025", name)));
const statuses = (outcomes: readonly Outcome[]) => Object.fromEntries(outcomes.map((o) => [o.recipient.address, o.status]));
const list = (root: string) =>
  readFileSync(join(root, "data", "distribution-list.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[1]!);

describe("npm run distribute: over SMTP to a real server on localhost", () => {
  it("every recipient gets one message with their attachments intact", async () => {
    const root = project();
    const smtp = await server();
    const outcomes = await run(root, { SMTP_URL: smtp.url });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual(list(root).sort());
    for (const { to, mail } of smtp.received) {
      const wanted = readFileSync(join(root, "data", "distribution-list.csv"), "utf8").split("\n").find((l) => l.includes(to[0]!))!.split(",")[3]!.split(";");
      expect(mail.attachments.map((a) => a.filename).sort()).toEqual(wanted.map((f) => `kostra-analyse-2025.${f}`).sort());
      for (const attachment of mail.attachments) expect(sha(attachment.content)).toBe(fileHash(root, attachment.filename!));
      expect(mail.subject).toBe("KOSTRA analyse 2025 fra Bærum kommune");
      expect(mail.text).toContain("Grunnskoleopplæring");
      expect(mail.text).toContain("9,3\u00a0prosent mer effektiv");
      expect(mail.html).toContain("<li>Grunnskoleopplæring</li>");
    }
    const pdf = smtp.received.flatMap((r) => r.mail.attachments).find((a) => a.filename?.endsWith(".pdf"))!;
    expect(pdf.contentType).toBe("application/pdf");
  });

  it("a second run sends nothing; --resend sends again", async () => {
    const root = project();
    const smtp = await server();
    await run(root, { SMTP_URL: smtp.url });
    const count = smtp.received.length;
    const again = await run(root, { SMTP_URL: smtp.url });
    expect(smtp.received.length).toBe(count);
    expect(again.every((o) => o.status === "already served")).toBe(true);
    await run(root, { SMTP_URL: smtp.url }, { resend: true });
    expect(smtp.received.length).toBe(2 * count);
  });

  it("a recipient the server rejects is reported, the others get theirs, and a re-run completes only the rest", async () => {
    const root = project();
    const refusing = await server({ reject: ["presse@example.org"] });
    const first = await run(root, { SMTP_URL: refusing.url });
    expect(statuses(first)["presse@example.org"]).toBe("failed");
    expect(first.find((o) => o.recipient.address === "presse@example.org")!.detail).toMatch(/^550 /);
    expect(refusing.received).toHaveLength(list(root).length - 1);
    const healthy = await server();
    const second = await run(root, { SMTP_URL: healthy.url });
    expect(healthy.received.map((r) => r.to[0])).toEqual(["presse@example.org"]);
    expect(second.filter((o) => o.status === "already served")).toHaveLength(list(root).length - 1);
  });

  it("logs in with the credentials from SMTP_URL (?tls=off: a relay without STARTTLS) and never prints them", async () => {
    const root = project();
    const smtp = await server();
    lines.length = 0;
    await run(root, { SMTP_URL: `smtp://rapport:hemmelig-passord@127.0.0.1:${smtp.port}/?tls=off` });
    expect(smtp.logins[0]).toEqual({ user: "rapport", password: "hemmelig-passord", secure: false });
    expect(lines.join("\n")).not.toContain("hemmelig");
    expect(readFileSync(join(root, "output", "2025", "sent-log.jsonl"), "utf8")).not.toContain("hemmelig");
  });
});

describe("npm run distribute: without SMTP_URL, --dry-run and refusals", () => {
  it("writes one parseable .eml per recipient to the outbox", async () => {
    const root = project();
    const outcomes = await run(root, {});
    expect(outcomes.every((o) => o.status === "saved")).toBe(true);
    const dir = join(root, "output", "2025", "outbox");
    expect(readdirSync(dir).sort()).toEqual(list(root).map((a) => `${a}.eml`).sort());
    for (const file of readdirSync(dir)) {
      const mail = await simpleParser(readFileSync(join(dir, file)));
      expect(mail.to && "text" in mail.to ? mail.to.text : "").toContain(file.replace(/\.eml$/, ""));
      for (const attachment of mail.attachments) expect(sha(attachment.content)).toBe(fileHash(root, attachment.filename!));
    }
  });

  it("--dry-run lists who would get what, with sizes, and sends nothing", async () => {
    const root = project();
    const smtp = await server();
    const outcomes = await run(root, { SMTP_URL: smtp.url }, { dryRun: true });
    expect(smtp.received).toHaveLength(0);
    expect(outcomes.every((o) => o.status === "would send" && /\d,\d\u00a0MB\)$/.test(o.detail))).toBe(true);
  });

  it("a bad address stops with file and line before anything is sent", async () => {
    const root = project();
    const smtp = await server();
    replaceInFile(root, "data/distribution-list.csv", "presse@example.org", "presse(at)example.org");
    expect(await failure(run(root, { SMTP_URL: smtp.url }))).toMatch(/^data\/distribution-list\.csv:7:2: ugyldig e-postadresse /);
    expect(smtp.received).toHaveLength(0);
  });

  it("refuses files older than the data and missing files, suggesting to run the report", async () => {
    const root = project();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, "data", "2025", "observations.csv"), future, future);
    expect(await failure(run(root, {}))).toMatch(/^output\/2025\/kostra-analyse-2025\.pdf er eldre enn data\/2025\/observations\.csv \(.*npm run report -- 2025 først\)$/);
    const empty = project();
    for (const f of ["kostra-analyse-2025.pdf", "kostra-analyse-2025.docx"]) rmSync(join(empty, "output", "2025", f));
    expect(await failure(run(empty, {}))).toBe("ingen rapportfiler for 2025 i output/2025 (lag dem først med npm run report -- 2025)");
  });

  it("warns when a message's attachments exceed the size limit", async () => {
    const root = project();
    lines.length = 0;
    await run(root, {}, { dryRun: true, maxBytes: 1000 });
    expect(lines.some((l) => /^advarsel: vedleggene til \S+ er \d+,\d\u00a0MB, over grensen/.test(l))).toBe(true);
  });
});

describe("SMTP_URL=smtp://127.0.0.1:<port> npm run distribute -- 2025 (the real command)", () => {
  /** Async, so the SMTP server in this process can answer while the command runs. */
  function command(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn("npm", ["run", "--silent", "distribute", "--", ...args], { cwd: REPO, env: { ...process.env, ...env } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  }

  it("delivers the PDF and Word files to every recipient, and a second run delivers nothing new", async () => {
    const root = project();
    const smtp = await server();
    const first = await command(["2025", "--root", root], { SMTP_URL: smtp.url, MAIL_FROM: "Analyse <analyse@example.org>" });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^distribute: ${list(root).length} levert, 0 hadde fått dem fra før, 0 ville fått, 0 feilet$`, "m"));
    expect(smtp.received).toHaveLength(list(root).length);
    expect(smtp.received.flatMap((r) => r.mail.attachments.map((a) => a.filename)).sort()).toContain("kostra-analyse-2025.docx");
    expect(smtp.received[0]!.mail.from?.value[0]).toEqual({ name: "Analyse", address: "analyse@example.org" });
    const second = await command(["2025", "--root", root], { SMTP_URL: smtp.url });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`^distribute: 0 levert, ${list(root).length} hadde fått dem fra før`, "m"));
    expect(smtp.received).toHaveLength(list(root).length);
  });

  it("exits 1 when someone was not served", async () => {
    const root = project();
    const smtp = await server({ reject: ["analyse@example.org"] });
    const result = await command(["2025", "--root", root], { SMTP_URL: smtp.url });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^analyse@example\.org\s+feilet\s+550 /m);
  });

  it("a wrong password stops the command at once with exit code 1 and a message without the password", async () => {
    const root = project();
    const smtp = await server({ password: "riktig" });
    const result = await command(["2025", "--root", root], { SMTP_URL: `smtp://rapport:feil-passord@127.0.0.1:${smtp.port}/?tls=off` });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^feil: SMTP-serveren smtp:\/\/127\.0\.0\.1:\d+ \(med innlogging\) \(tls=off\) avviste innloggingen \(535 .*\); ingenting ble sendt \(sjekk brukernavn og passord/m);
    expect(result.stdout + result.stderr).not.toContain("feil-passord");
    expect(smtp.logins).toHaveLength(1);
  });
});
