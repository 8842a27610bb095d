import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { distribute, type DistributeOptions, type Outcome } from "../../src/distribute/distribute.js";
import { ReportError } from "../../src/errors.js";
import { projectPaths } from "../../src/pipeline.js";
import { replaceInFile } from "../helpers/edit.js";
import { scratchProject } from "../helpers/project.js";
import { startSmtpServer, type ServerBehaviour, type TestSmtpServer } from "../helpers/smtp.js";
import { startRecordingServer, type RecordingOptions, type RecordingServer } from "./recordingServer.js";
import { tempFolder } from "../helpers/temp.js";

/** When the inputs of the scratch project were "last edited": long before the report files. */
export const INPUTS_TIME = new Date("2025-06-01T12:00:00Z");

/**
 * A scratch project (data/ and templates/ copied from the repository) with
 * stand-in report files in output/2025/, newer than every input: enough for
 * tests of the mail itself, without printing a PDF.
 */
export function mailProject(): string {
  const root = scratchProject();
  setTimes(root, INPUTS_TIME);
  const out = join(root, "output", "2025");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "kostra-analyse-2025.pdf"), "%PDF-1.7 stand-in\n");
  writeFileSync(join(out, "kostra-analyse-2025.docx"), "PK stand-in\n");
  return root;
}

function setTimes(dir: string, time: Date): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) setTimes(path, time);
    else utimesSync(path, time, time);
  }
}

/** Edits an input of the report (replaceInFile) and keeps its time before the report files', so they are not stale. */
export function editInput(root: string, path: string, from: string, to: string): void {
  replaceInFile(root, path, from, to);
  utimesSync(join(root, path), INPUTS_TIME, INPUTS_TIME);
}

/** The addresses on the project's distribution list, in order. */
export function recipientsOf(root: string): string[] {
  return readFileSync(join(root, "data", "distribution-list.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[1]!);
}

export const lines: string[] = [];


export function run(root: string, env: NodeJS.ProcessEnv, extra: Partial<DistributeOptions> = {}): Promise<Outcome[]> {
  return distribute(projectPaths(root), {
    year: 2025,
    dryRun: false,
    resend: false,
    maxBytes: 10 * 1024 * 1024,
    retry: { attempts: 3, baseDelayMs: 10 },
    env,
    log: (line) => lines.push(line),
    ...extra,
  });
}

/** The formatted ReportError a run ends with; fails the test if the run succeeds or fails otherwise. */
export async function failure(promise: Promise<unknown>): Promise<string> {
  return (await reportError(promise)).format();
}

/** The ReportError a run ends with (its `id` names the catalogue message); fails the test if the run succeeds or fails otherwise. */
export async function reportError(promise: Promise<unknown>): Promise<ReportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReportError) return error;
    throw error;
  }
  throw new Error("expected the run to stop with a ReportError");
}

/** Every file under output/ with the SHA-256 of its bytes: compared before and after a run that must change nothing. */
export function outputs(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[path.slice(root.length + 1)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(join(root, "output"));
  return files;
}

const servers: (TestSmtpServer | RecordingServer)[] = [];
afterEach(async () => {
  lines.length = 0;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A real SMTP server on 127.0.0.1, closed after the test. */
export async function server(behaviour?: ServerBehaviour): Promise<TestSmtpServer> {
  const s = await startSmtpServer(behaviour);
  servers.push(s);
  return s;
}

/** A real SMTP server on 127.0.0.1 that keeps the envelope (MAIL FROM) and the raw message, closed after the test. */
export async function recordingServer(options?: RecordingOptions): Promise<RecordingServer> {
  const s = await startRecordingServer(options);
  servers.push(s);
  return s;
}

/**
 * A self-signed certificate for 127.0.0.1, made with openssl: key, cert, and the cert's file (the CA to trust).
 * The private key's file is deleted as soon as it is read (the key lives on in memory only); the
 * certificate's folder is removed when the test ends (tempFolder).
 */
export function selfSignedCertificate(): { key: string; cert: string; caFile: string } {
  const dir = tempFolder("kostra-tls-");
  const keyFile = join(dir, "key.pem");
  try {
    const result = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        "-keyout", keyFile, "-out", join(dir, "cert.pem")],
      { encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
    return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(join(dir, "cert.pem"), "utf8"), caFile: join(dir, "cert.pem") };
  } finally {
    rmSync(keyFile, { force: true });
  }
}
