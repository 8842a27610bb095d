/**
 * One error type for everything a user can fix: bad data, a typo in the
 * report definition or commentary, a missing year. It carries where the
 * problem is and reads like help; the CLI prints it in one line and exits 1.
 * Anything else is a bug and is shown with its stack.
 */

import { msg } from "./messages/catalogue.js";
import type { Message } from "./messages/message.js";

export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ReportErrorOptions {
  readonly location?: SourceLocation;
  readonly cause?: unknown;
  readonly exitCode?: number;
}

export class ReportError extends Error {
  /** The catalogue id ("config.duplicateChapter"); tests match on it. */
  readonly id: string;
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;
  readonly exitCode: number;

  /** Only a catalogue Message (src/messages/): a text written here would escape the review in one place. */
  constructor(message: Message, options: ReportErrorOptions = {}) {
    super(message.text, { cause: options.cause });
    this.name = "ReportError";
    this.id = message.id;
    this.location = options.location;
    this.hint = message.hint;
    this.exitCode = options.exitCode ?? 1;
  }

  /** `data/2025/observations.csv:12:4: ventet et tall i kolonnen «value», men der står «13,9x»` */
  format(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : "";
    const hint = this.hint ? ` (${this.hint})` : "";
    return `${where}${this.message}${hint}`;
  }
}

export function formatLocation(location: SourceLocation): string {
  let text = location.file;
  if (location.line !== undefined) text += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) text += `:${location.column}`;
  return text;
}

export function isReportError(error: unknown): error is ReportError {
  return error instanceof ReportError;
}

/** Closest candidates by edit distance, for "mente du …?" hints. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** `mente du «Bærum»?`, or undefined when no candidate is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = suggest(word, candidates);
  return match ? msg.common.didYouMean(match).text : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
