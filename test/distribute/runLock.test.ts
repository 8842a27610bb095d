import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.js";
import { lines, mailProject, outputs, recipientsOf, recordingServer, reportError, run } from "./mailProject.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

interface Finished {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node scripts/kostra.mjs distribute 2025 --root <root>`: the real command, as npm runs it, in a process of its own. */
function distributeProcess(root: string, env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [join(REPO, "scripts", "kostra.mjs"), "distribute", "2025", "--root", root], {
    cwd: REPO,
    env: { ...process.env, FORCE_COLOR: "0", ...env },
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const lockFile = (root: string) => join(root, "output", "2025", "distribute.lock");
const sentLog = (root: string) => readFileSync(join(root, "output", "2025", "sent-log.jsonl"), "utf8").trim().split("\n");

describe("one distribution at a time (issue 21.5)", () => {
  it("two runs started at once: one sends, the other is refused with a Norwegian message; everyone gets the mail once", async () => {
    const root = mailProject();
    const smtp = await recordingServer({ delayMs: 1000 });
    const [a, b] = [distributeProcess(root, { SMTP_URL: smtp.url }), distributeProcess(root, { SMTP_URL: smtp.url })];
    const results = await Promise.all([a.done, b.done]);
    const refused = results.filter((r) => r.status === 1);
    const served = results.filter((r) => r.status === 0);
    expect(served).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.stderr).toMatch(/^feil: en annen utsending for 2025 pågår allerede \(prosess \d+ på .+, startet .+\).*kan du slette output\/2025\/distribute\.lock\)$/m);
    expect(refused[0]!.stdout).toBe("");
    const everyone = recipientsOf(root);
    expect(smtp.messages.flatMap((m) => m.rcptTo).sort()).toEqual([...everyone].sort());
    expect(sentLog(root)).toHaveLength(everyone.length);
    expect(existsSync(lockFile(root))).toBe(false);
  });

  it("a run started while another is sending changes nothing and the first completes", async () => {
    const root = mailProject();
    const smtp = await recordingServer({ delayMs: 300 });
    const first = distributeProcess(root, { SMTP_URL: smtp.url });
    await until(() => smtp.messages.length >= 1);
    const lock = readFileSync(lockFile(root), "utf8");
    expect(JSON.parse(lock)).toMatchObject({ pid: first.child.pid, host: hostname() });
    const before = outputs(root);
    const error = await reportError(run(root, { SMTP_URL: smtp.url }));
    expect(error.id).toBe("distribute.runLocked");
    expect(error.message).toContain(`prosess ${first.child.pid}`);
    expect(outputs(root)).toEqual(before);
    expect(readFileSync(lockFile(root), "utf8")).toBe(lock);
    expect((await first.done).status).toBe(0);
    expect(smtp.messages).toHaveLength(recipientsOf(root).length);
  });

  it("--dry-run does not need the lock", async () => {
    const root = mailProject();
    const smtp = await recordingServer({ delayMs: 300 });
    const first = distributeProcess(root, { SMTP_URL: smtp.url });
    await until(() => smtp.messages.length >= 1);
    const outcomes = await run(root, { SMTP_URL: smtp.url }, { dryRun: true });
    expect(outcomes.length).toBe(recipientsOf(root).length);
    expect((await first.done).status).toBe(0);
  });

  it("the lock of a run that died is taken over, said in the log, and removed at the end", async () => {
    const root = mailProject();
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    writeFileSync(lockFile(root), JSON.stringify({ pid: dead, host: hostname(), started: "2025-06-02T08:00:00.000Z" }));
    const smtp = await recordingServer();
    const outcomes = await run(root, { SMTP_URL: smtp.url });
    expect(outcomes.every((o) => o.status === "sent")).toBe(true);
    expect(lines.filter((l) => l.includes(`prosess ${dead}`) && l.includes("tar over låsen"))).toHaveLength(1);
    expect(existsSync(lockFile(root))).toBe(false);
  });

  it("a lock that cannot be read is not taken over: nothing is sent", async () => {
    const root = mailProject();
    writeFileSync(lockFile(root), "");
    const smtp = await recordingServer();
    expect((await reportError(run(root, { SMTP_URL: smtp.url }))).id).toBe("distribute.lockUnreadable");
    expect(smtp.messages).toHaveLength(0);
    expect(readFileSync(lockFile(root), "utf8")).toBe("");
  });

  it("SIGTERM during a run removes the lock; what was delivered is in the sent-log and a new run sends the rest", async () => {
    const root = mailProject();
    const smtp = await recordingServer({ delayMs: 300 });
    const first = distributeProcess(root, { SMTP_URL: smtp.url });
    await until(() => smtp.messages.length >= 2);
    await until(() => existsSync(join(root, "output", "2025", "sent-log.jsonl")));
    first.child.kill("SIGTERM");
    const result = await first.done;
    expect(result.status).toBe(143);
    // Issue 20: not the other commands' "no files changed": the sent-log has grown.
    expect(result.stderr).toMatch(/^avbrutt \(SIGTERM\): e-post som alt var sendt .* står i output\/2025\/sent-log\.jsonl; resten er ikke sendt \(kjør samme kommando igjen/m);
    expect(result.stderr).not.toContain("ingen filer er endret");
    expect(existsSync(lockFile(root))).toBe(false);
    const logged = sentLog(root).length;
    expect(logged).toBeGreaterThan(0);
    expect(logged).toBeLessThan(recipientsOf(root).length);
    const again = await run(root, { SMTP_URL: smtp.url });
    expect(again.filter((o) => o.status === "already served")).toHaveLength(logged);
    expect(sentLog(root).map((l) => (JSON.parse(l) as { recipient: string }).recipient).sort()).toEqual([...recipientsOf(root)].sort());
    expect(existsSync(lockFile(root))).toBe(false);
  });

  it("a run that stops with an error removes its lock", async () => {
    const root = mailProject();
    const error = await reportError(run(root, { SMTP_URL: "smtp://127.0.0.1:1" }));
    expect(error.id).toBe("distribute.cannotDeliver");
    expect(existsSync(lockFile(root))).toBe(false);
  });
});
