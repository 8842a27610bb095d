import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ReportError } from "../errors.js";
import { formatNumber } from "../format/norwegian.js";
import { writeFileAtomic } from "../output/atomicWrite.js";
import { loadInputs, type ProjectPaths } from "../pipeline.js";
import { headlines, loadMessageTemplates } from "./message.js";
import { ATTACHABLE, loadRecipients, type Attachable, type Recipient } from "./recipients.js";
import { SentLog } from "./sentLog.js";
import { createDelivery, isTransient } from "./transport.js";

const MIME: Record<Attachable, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export interface DistributeOptions {
  readonly year: number;
  readonly dryRun: boolean;
  readonly resend: boolean;
  /** Warn when one message's attachments are larger than this. */
  readonly maxBytes: number;
  readonly retry: { readonly attempts: number; readonly baseDelayMs: number };
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
}

export interface Outcome {
  readonly recipient: Recipient;
  readonly status: "sent" | "saved" | "already served" | "would send" | "failed";
  readonly detail: string;
}

interface Attachment {
  readonly format: Attachable;
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly hash: string;
}

/**
 * Sends the year's PDF and Word files to everyone on data/distribution-list.csv,
 * one message each, or saves them as .eml in output/<year>/outbox/ when no
 * SMTP_URL is set. Who was served is recorded as it happens, so a re-run
 * continues where a crash or a refusal left off and never sends twice.
 */
export async function distribute(paths: ProjectPaths, options: DistributeOptions): Promise<Outcome[]> {
  const { year, log } = options;
  const inputs = await loadInputs(paths, year, { log: () => {}, now: () => 0 });
  const listFile = join(paths.dataDir, "distribution-list.csv");
  const recipients = loadRecipients(listFile, relative(paths.root, listFile));
  const outputDir = join(paths.outputDir, String(year));
  const attachments = findAttachments(outputDir, year, paths);
  const templates = loadMessageTemplates(paths.templateDir, paths.root);
  const definitionSource = readFileSync(join(paths.root, inputs.definitionFile), "utf8");
  const lines = headlines(inputs, definitionSource);
  const delivery = createDelivery(options.env);
  const from = options.env.MAIL_FROM ?? `"${inputs.definition.organisation}" <kostra-rapport@example.org>`;
  const sentLog = new SentLog(join(outputDir, "sent-log.jsonl"));
  log(`Sender ${attachments.map((a) => a.name).join(" og ")} via ${delivery.describe}${options.dryRun ? " (prøvekjøring: ingenting sendes)" : ""}`);

  const outcomes: Outcome[] = [];
  for (const recipient of recipients) {
    const files = attachments.filter((a) => recipient.formats.includes(a.format));
    if (files.length === 0) {
      outcomes.push({ recipient, status: "failed", detail: `no generated file in the formats ${recipient.formats.join(", ")}` });
      continue;
    }
    const hashes = Object.fromEntries(files.map((f) => [f.name, f.hash]));
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    if (bytes > options.maxBytes) log(`advarsel: vedleggene til ${recipient.address} er ${megabytes(bytes)}, over grensen på ${megabytes(options.maxBytes)}`);
    if (!options.resend && sentLog.served(recipient.address, hashes, delivery.kind)) {
      outcomes.push({ recipient, status: "already served", detail: "same files already sent" });
      continue;
    }
    if (options.dryRun) {
      outcomes.push({ recipient, status: "would send", detail: `${files.map((f) => f.name).join(", ")} (${megabytes(bytes)})` });
      continue;
    }
    const view = {
      name: recipient.name,
      title: inputs.definition.title,
      subtitle: inputs.definition.subtitle ?? "",
      organisation: inputs.definition.organisation,
      chapters: inputs.definition.chapters.map((c) => c.title),
      headlines: lines,
      files: files.map((f) => ({ name: f.name, size: megabytes(f.size) })),
    };
    const message = {
      from,
      to: { name: recipient.name, address: recipient.address },
      subject: templates.subject(view),
      text: templates.text(view),
      html: templates.html(view),
      attachments: files.map((f) => ({ filename: f.name, path: f.path, contentType: MIME[f.format] })),
    };
    try {
      const info = await withRetries(() => delivery.transporter.sendMail(message), options.retry, (attempt, error) =>
        log(`  ${recipient.address}: forsøk ${attempt} feilet (${describeError(error)}), prøver igjen`),
      );
      if (delivery.kind === "outbox") {
        writeFileAtomic(join(outputDir, "outbox", `${recipient.address}.eml`), info.message as Buffer);
      }
      sentLog.record({ recipient: recipient.address, files: hashes, messageId: info.messageId, time: new Date().toISOString(), via: delivery.kind });
      outcomes.push({ recipient, status: delivery.kind === "outbox" ? "saved" : "sent", detail: info.messageId });
    } catch (error) {
      outcomes.push({ recipient, status: "failed", detail: describeError(error) });
    }
  }
  return outcomes;
}

/** The generated files, refused when missing or older than what they are made from. */
function findAttachments(outputDir: string, year: number, paths: ProjectPaths): Attachment[] {
  const found = ATTACHABLE.map((format) => ({ format, name: `kostra-analyse-${year}.${format}`, path: join(outputDir, `kostra-analyse-${year}.${format}`) })).filter((f) =>
    existsSync(f.path),
  );
  if (found.length === 0) {
    throw new ReportError(`no report files for ${year} in ${relative(paths.root, outputDir)}`, { hint: `run npm run report -- ${year} first` });
  }
  const newest = newestSource([join(paths.dataDir), paths.templateDir]);
  return found.map((f) => {
    const stat = statSync(f.path);
    if (newest && stat.mtimeMs < newest.mtimeMs) {
      throw new ReportError(`${relative(paths.root, f.path)} is older than ${relative(paths.root, newest.path)}`, {
        hint: `the data or text changed after the report was made; run npm run report -- ${year} first`,
      });
    }
    const content = readFileSync(f.path);
    return { ...f, size: content.length, hash: createHash("sha256").update(content).digest("hex") };
  });
}

function newestSource(dirs: readonly string[]): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!path.endsWith("distribution-list.csv") && (!newest || stat.mtimeMs > newest.mtimeMs)) {
      newest = { path, mtimeMs: stat.mtimeMs };
    }
  };
  for (const dir of dirs) if (existsSync(dir)) visit(dir);
  return newest;
}

async function withRetries<T>(send: () => Promise<T>, retry: DistributeOptions["retry"], onRetry: (attempt: number, error: unknown) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= retry.attempts || !isTransient(error)) throw error;
      onRetry(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, retry.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

function describeError(error: unknown): string {
  const e = error as { responseCode?: number; message?: string; code?: string };
  const text = (e.message ?? String(error)).split("\n")[0]!;
  return e.responseCode ? `${e.responseCode} ${text.replace(/^.*?: /, "")}` : `${e.code ? `${e.code}: ` : ""}${text}`;
}

function megabytes(bytes: number): string {
  return `${formatNumber(bytes / 1024 / 1024, 1)}\u00a0MB`;
}
