import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { failure, lines, mailProject, recipientsOf, run, selfSignedCertificate, server } from "./mailProject.js";

const tcpServers: Server[] = [];
afterEach(async () => {
  await Promise.all(tcpServers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A TCP server on 127.0.0.1 that hangs up on every connection, counting them. */
async function hangingUp(): Promise<{ port: number; connections: () => number }> {
  let connections = 0;
  const tcp = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  tcpServers.push(tcp);
  await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  return { port: (tcp.address() as AddressInfo).port, connections: () => connections };
}

const sentLog = (root: string) => join(root, "output", "2025", "sent-log.jsonl");
const logged = (root: string) => (existsSync(sentLog(root)) ? readFileSync(sentLog(root), "utf8").trim().split("\n").filter(Boolean) : []);

describe("TLS: credentials never go in clear (issue 10.19)", () => {
  it("logs in and sends over STARTTLS, trusting the server's certificate through SMTP_CA_FILE", async () => {
    const root = mailProject();
    const tls = selfSignedCertificate();
    const smtp = await server({ tls: { key: tls.key, cert: tls.cert }, password: "hemmelig" });
    const outcomes = await run(root, { SMTP_URL: `smtp://rapport:hemmelig@127.0.0.1:${smtp.port}`, SMTP_CA_FILE: tls.caFile });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(smtp.received).toHaveLength(recipientsOf(root).length);
    expect(smtp.received.every((r) => r.secure)).toBe(true);
    expect(smtp.logins.length).toBeGreaterThan(0);
    expect(smtp.logins.every((l) => l.secure && l.user === "rapport")).toBe(true);
  });

  it("without SMTP_CA_FILE the self-signed certificate is refused, nothing is sent and the hint names SMTP_CA_FILE", async () => {
    const root = mailProject();
    const tls = selfSignedCertificate();
    const smtp = await server({ tls: { key: tls.key, cert: tls.cert } });
    const message = await failure(run(root, { SMTP_URL: `smtp://rapport:hemmelig@127.0.0.1:${smtp.port}` }));
    expect(message).toMatch(/^TLS mot SMTP-serveren smtp:\/\/127\.0\.0\.1:\d+ \(med innlogging\) feilet \(.*certificate.*\); ingenting ble sendt \(.*SMTP_CA_FILE/);
    expect(smtp.logins).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
    expect(smtp.connections()).toBe(1);
  });

  it("a server without STARTTLS and a password in SMTP_URL: refused before the login, once, nothing sent", async () => {
    const root = mailProject();
    const smtp = await server();
    const message = await failure(run(root, { SMTP_URL: `smtp://rapport:hemmelig@127.0.0.1:${smtp.port}` }));
    expect(message).toMatch(/^SMTP-serveren smtp:\/\/127\.0\.0\.1:\d+ \(med innlogging\) tilbyr ikke STARTTLS, så passordet i SMTP_URL ville gått ukryptert .*ingenting ble sendt \(.*\?tls=off/);
    expect(message).not.toContain("hemmelig");
    expect(smtp.logins).toHaveLength(0);
    expect(smtp.received).toHaveLength(0);
    expect(smtp.connections()).toBe(1);
  });

  it("?tls=off lets a login go to a trusted relay without STARTTLS", async () => {
    const root = mailProject();
    const smtp = await server();
    const outcomes = await run(root, { SMTP_URL: `smtp://rapport:hemmelig@127.0.0.1:${smtp.port}/?tls=off` });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(smtp.logins[0]).toEqual({ user: "rapport", password: "hemmelig", secure: false });
    expect(lines.join("\n")).not.toContain("hemmelig");
  });

  it("without a login, a server without STARTTLS is used as before", async () => {
    const root = mailProject();
    const smtp = await server();
    const outcomes = await run(root, { SMTP_URL: smtp.url });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
  });

  it("SMTP_CA_FILE that is missing or not a certificate stops before anything connects", async () => {
    const root = mailProject();
    const smtp = await server();
    expect(await failure(run(root, { SMTP_URL: smtp.url, SMTP_CA_FILE: join(root, "nope.pem") }))).toMatch(/^SMTP_CA_FILE peker på en fil som ikke finnes: .*nope\.pem /);
    expect(await failure(run(root, { SMTP_URL: smtp.url, SMTP_CA_FILE: join(root, "data", "regions.csv") }))).toMatch(/^SMTP_CA_FILE er ikke et PEM-sertifikat: .*regions\.csv /);
    expect(smtp.connections()).toBe(0);
  });
});

describe("failures that would hit everyone stop the run (issue 10.20)", () => {
  it("a wrong password is tried once, not once per recipient", async () => {
    const root = mailProject();
    const smtp = await server({ password: "riktig" });
    const message = await failure(run(root, { SMTP_URL: `smtp://rapport:feil@127.0.0.1:${smtp.port}/?tls=off` }));
    expect(message).toMatch(/^SMTP-serveren smtp:\/\/127\.0\.0\.1:\d+ \(med innlogging\) \(tls=off\) avviste innloggingen \(535 .*\); ingenting ble sendt \(sjekk brukernavn og passord i SMTP_URL/);
    expect(smtp.logins).toHaveLength(1);
    expect(smtp.received).toHaveLength(0);
    expect(logged(root)).toHaveLength(0);
  });

  it("a server that hangs up costs the first recipient's retries, then the run stops", async () => {
    const root = mailProject();
    const tcp = await hangingUp();
    const message = await failure(run(root, { SMTP_URL: `smtp://127.0.0.1:${tcp.port}` }));
    expect(message).toMatch(/^får ikke levert gjennom SMTP-serveren smtp:\/\/127\.0\.0\.1:\d+ etter 3 forsøk \(.*\); ingenting ble sendt/);
    expect(tcp.connections()).toBe(3);
    expect(lines.filter((l) => /forsøk \d feilet/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /forsøk \d feilet/.test(l)).every((l) => l.startsWith(`  ${recipientsOf(root)[0]}:`))).toBe(true);
  });

  it("a server that is not listening stops the run after the first recipient's retries", async () => {
    const root = mailProject();
    const tcp = await hangingUp();
    const port = tcp.port;
    await new Promise((resolve) => tcpServers.pop()!.close(resolve));
    const message = await failure(run(root, { SMTP_URL: `smtp://127.0.0.1:${port}` }));
    expect(message).toMatch(/^får ikke levert gjennom SMTP-serveren .* etter 3 forsøk \(.*ECONNREFUSED.*\); ingenting ble sendt/);
    expect(lines.filter((l) => /forsøk \d feilet/.test(l))).toHaveLength(2);
  });

  it("a server that goes away mid-run: what was accepted stays in the sent-log, the run stops, a re-run completes the rest", async () => {
    const root = mailProject();
    const dropping = await server({ dropAfter: 2 });
    const message = await failure(run(root, { SMTP_URL: dropping.url }));
    const everyone = recipientsOf(root);
    expect(message).toMatch(
      new RegExp(`etter 3 forsøk \\(ECONNECTION: .*\\); stoppet etter at 2 av ${everyone.length} e-poster ble levert; de står i output/2025/sent-log\\.jsonl og sendes ikke på nytt`),
    );
    expect(dropping.received).toHaveLength(2);
    expect(logged(root).map((l) => (JSON.parse(l) as { recipient: string }).recipient)).toEqual(dropping.received.map((r) => r.to[0]));
    expect(lines.filter((l) => /forsøk \d feilet/.test(l)).every((l) => l.startsWith(`  ${everyone[2]}:`))).toBe(true);
    const healthy = await server();
    const second = await run(root, { SMTP_URL: healthy.url });
    expect(second.filter((o) => o.status === "already served")).toHaveLength(2);
    expect([...dropping.received, ...healthy.received].map((r) => r.to[0]).sort()).toEqual([...everyone].sort());
  });

  it("the count of delivered messages at a stop leaves out the recipients that were refused", async () => {
    const root = mailProject();
    const smtp = await server({ reject: [recipientsOf(root)[0]!], dropAfter: 2 });
    expect(await failure(run(root, { SMTP_URL: smtp.url }))).toMatch(/; stoppet etter at 2 av \d+ e-poster ble levert; /);
    expect(logged(root)).toHaveLength(2);
  });

  it("a recipient the server refuses does not stop the run", async () => {
    const root = mailProject();
    const smtp = await server({ reject: ["ordforer@example.org"] });
    const outcomes = await run(root, { SMTP_URL: smtp.url });
    expect(outcomes[0]).toMatchObject({ status: "failed", detail: expect.stringMatching(/^550 /) });
    expect(smtp.received).toHaveLength(recipientsOf(root).length - 1);
  });
});

describe("SMTP_URL is checked before anything connects (issue 10.21)", () => {
  it.each([
    ["smtp://rapport:%zz@127.0.0.1:PORT", /^passordet i SMTP_URL har en «%» som ikke starter en koding som %40 \(URL-kod .*@ → %40/],
    ["smtp://rapport:p@ss@127.0.0.1:PORT", /^passordet i SMTP_URL inneholder en ukodet @ \(URL-kod/],
    ["smtp://rapport:12#ss@127.0.0.1:PORT", /^passordet i SMTP_URL inneholder en ukodet «#» \(URL-kod/],
  ])("%s is reported with how to encode it, and no connection is made", async (url, expected) => {
    const root = mailProject();
    const smtp = await server();
    const message = await failure(run(root, { SMTP_URL: url.replace("PORT", String(smtp.port)) }));
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/zz|p@ss|12#ss|URI malformed/);
    expect(smtp.connections()).toBe(0);
  });

  it("an encoded password with @ and % logs in with the decoded password", async () => {
    const root = mailProject();
    const smtp = await server({ password: "p@ss%wd" });
    const outcomes = await run(root, { SMTP_URL: `smtp://rapport:${encodeURIComponent("p@ss%wd")}@127.0.0.1:${smtp.port}/?tls=off` });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(smtp.logins[0]?.password).toBe("p@ss%wd");
  });
});
