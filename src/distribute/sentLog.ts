import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { msg } from "../messages/catalogue.js";

const sentEntry = z.object({
  recipient: z.string().min(1),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  messageId: z.string(),
  time: z.string().datetime(),
  via: z.enum(["smtp", "outbox"]),
});

/** One delivered message, as recorded in output/<year>/sent-log.jsonl. */
export type SentEntry = Readonly<z.output<typeof sentEntry>>;

/** A line of the log that is not an entry: reported, ignored, never rewritten. */
export interface BadLine {
  readonly line: number;
  readonly problem: string;
}

/**
 * The record of who has been served. One JSON line per delivered message,
 * appended the moment the server accepted it, so a crash half-way loses
 * nothing: the next run reads the log and serves only the rest.
 *
 * Every line is validated; one that is not an entry (cut short by a crash,
 * edited by hand) is listed in `badLines` with its number and otherwise
 * ignored, so it never hides the valid lines around it. The file is only
 * ever appended to, and a new entry always starts on a line of its own.
 */
export class SentLog {
  private readonly entries: SentEntry[] = [];
  readonly badLines: BadLine[] = [];
  /** The file ends without a newline (a crash cut the last line short). */
  private unterminated = false;

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    const content = readFileSync(file, "utf8");
    this.unterminated = content.length > 0 && !content.endsWith("\n");
    content
      .split("\n")
      .forEach((text, i) => {
        if (!text.trim()) return;
        const entry = parseLine(text);
        if (typeof entry === "string") this.badLines.push({ line: i + 1, problem: entry });
        else this.entries.push(entry);
      });
  }

  /**
   * Whether this recipient already got exactly these files (same names and
   * hashes) the same way: a message saved in the outbox is not a message sent.
   */
  served(recipient: string, files: Readonly<Record<string, string>>, via: SentEntry["via"]): boolean {
    const wanted = JSON.stringify(sorted(files));
    return this.entries.some(
      (e) => e.via === via && e.recipient.toLowerCase() === recipient.toLowerCase() && JSON.stringify(sorted(e.files)) === wanted,
    );
  }

  record(entry: SentEntry): void {
    appendFileSync(this.file, `${this.unterminated ? "\n" : ""}${JSON.stringify(entry)}\n`);
    this.unterminated = false;
    this.entries.push(entry);
  }
}

function parseLine(text: string): SentEntry | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return msg.distribute.sentLogNotJson().text;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return msg.distribute.sentLogNotJson().text;
  const result = sentEntry.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".");
  const missing = issue.code === "invalid_type" && issue.received === "undefined";
  return missing ? msg.distribute.sentLogFieldMissing(field).text : msg.distribute.sentLogFieldWrong(field).text;
}

function sorted(files: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}
