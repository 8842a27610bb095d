import { appendFileSync, existsSync, readFileSync } from "node:fs";

/** One delivered message, as recorded in output/<year>/sent-log.jsonl. */
export interface SentEntry {
  readonly recipient: string;
  readonly files: Readonly<Record<string, string>>;
  readonly messageId: string;
  readonly time: string;
  readonly via: "smtp" | "outbox";
}

/**
 * The record of who has been served. One JSON line per delivered message,
 * appended the moment the server accepted it, so a crash half-way loses
 * nothing: the next run reads the log and serves only the rest. A line cut
 * short by a crash is skipped.
 */
export class SentLog {
  private readonly entries: SentEntry[];

  constructor(private readonly file: string) {
    this.entries = existsSync(file)
      ? readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line) => {
            try {
              return line.trim() ? [JSON.parse(line) as SentEntry] : [];
            } catch {
              return [];
            }
          })
      : [];
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
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.entries.push(entry);
  }
}

function sorted(files: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}
