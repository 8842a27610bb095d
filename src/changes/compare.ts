import { makeDataset, type Dataset } from "../data/dataset.js";
import type { ObservationRow } from "../data/schemas.js";
import { withDerivedIndicators } from "../indicators/derive.js";
import { formatValue } from "../format/norwegian.js";
import type { ReportDefinition } from "../config/definitionSchema.js";
import type { Commentary } from "../narrative/loadCommentary.js";
import { renderExpressions } from "../narrative/expressions.js";
import { describeProvenance } from "../import/merge.js";
import { msg } from "../messages/catalogue.js";
import { readClaims } from "../narrative/claims/plainWords.js";
import { judge } from "../narrative/claims/verdict.js";
import type { SectionCommentary } from "../narrative/loadCommentary.js";

export interface MovedValue {
  readonly indicator: string;
  readonly region: string;
  readonly year: number;
  readonly before: string;
  readonly after: string;
  readonly detail: string;
}

export interface RereadSentence {
  readonly file: string;
  readonly line: number;
  readonly before: string;
  readonly after: string;
  readonly sentence: string;
  /** The sentence now means something else: a claim's words changed ("høyere enn" → "lavere enn"), or a claim in plain words the data agreed with now contradicts them. */
  readonly flipped: boolean;
}

const key = (row: ObservationRow) => `${row.indicator}\u0000${row.region}\u0000${row.year}`;

/** Every value that is not what it was: new, gone, or another number or symbol. */
export function movedValues(before: readonly ObservationRow[], after: Dataset): MovedValue[] {
  const show = (row: ObservationRow | undefined) => {
    if (!row) return "–";
    const indicator = after.indicators.get(row.indicator);
    return row.value === undefined ? row.status : formatValue(row.value, indicator?.unit ?? "", indicator?.decimals ?? 1);
  };
  const old = new Map(before.map((row) => [key(row), row]));
  const moved: MovedValue[] = [];
  for (const { value: row } of after.observations) {
    if (after.indicators.get(row.indicator)?.derivedFrom) continue;
    const earlier = old.get(key(row));
    old.delete(key(row));
    if (earlier && earlier.value === row.value && earlier.status === row.status) continue;
    moved.push({ indicator: row.indicator, region: row.region, year: row.year, before: show(earlier), after: show(row), detail: `${earlier ? describeProvenance(earlier) : msg.changes.newValue().text} → ${describeProvenance(row)}` });
  }
  for (const row of old.values()) moved.push({ indicator: row.indicator, region: row.region, year: row.year, before: show(row), after: "–", detail: msg.changes.removedValue().text });
  return moved;
}

/**
 * The commentary sentences whose expressions print another number with the
 * old data than with today's: exactly what an editor must reread. Each
 * section is rendered again against a dataset made of the old values.
 */
export function sentencesToReread(
  before: readonly ObservationRow[],
  current: Dataset,
  definition: ReportDefinition,
  commentary: Commentary,
  definitionFile: string,
): RereadSentence[] {
  const located = before.map((value, i) => ({ value, file: "build-record.json", line: i + 1 }));
  const catalogue = new Map([...current.indicators].filter(([, indicator]) => !indicator.derivedFrom));
  const oldData = withDerivedIndicators(makeDataset(current.regions, catalogue, located, current.weights), definition.derived, definitionFile);
  const result: RereadSentence[] = [];
  for (const section of commentary.values()) {
    let oldUses: readonly { text: string; claim?: { outcome: string } }[] | undefined;
    try {
      oldUses = renderExpressions(section.source, section.file, section.bodyLineOffset, { data: oldData, definition }).uses;
    } catch {
      oldUses = undefined; // the old data lacked a value this section now uses
    }
    section.expressions.forEach((use, i) => {
      const then = oldUses?.[i];
      const was = then?.text ?? msg.changes.noValueThen().text;
      if (was === use.text) return;
      const flipped = use.claim !== undefined && then?.claim !== undefined && then.claim.outcome !== use.claim.outcome;
      result.push({ file: section.file, line: use.line, before: was, after: use.text, sentence: sentenceAround(section.source, use.start, use.end, use.text), flipped });
    });
    result.push(...plainClaimsFlipped(section, oldData, current, definition));
  }
  // Sentences that now mean something else first: these an editor must reread before anything else.
  const byPlace = (a: RereadSentence, b: RereadSentence) => a.file.localeCompare(b.file) || a.line - b.line;
  return [...result.filter((s) => s.flipped).sort(byPlace), ...result.filter((s) => !s.flipped)];
}

/** Claims written in plain words that the old data bore out and today's data contradict. */
function plainClaimsFlipped(section: SectionCommentary, oldData: Dataset, current: Dataset, definition: ReportDefinition): RereadSentence[] {
  const then = new Map(readClaims(section, { data: oldData, definition }).map((claim) => [claim.offset, judge(claim, { data: oldData, definition })]));
  return readClaims(section, { data: current, definition }).flatMap((claim) => {
    const now = judge(claim, { data: current, definition });
    if (now.status !== "contradicts" || then.get(claim.offset)?.status !== "agrees") return [];
    const line = section.source.slice(0, claim.offset).split("\n").length + section.bodyLineOffset;
    return [{ file: section.file, line, before: msg.claims.claimHeld(claim.phrase).text, after: msg.claims.claimContradicted(now.says.text).text, sentence: claim.sentence, flipped: true }];
  });
}

/** The sentence that holds source[start, end), with the expression shown as the text it prints. */
function sentenceAround(source: string, start: number, end: number, printed: string): string {
  const boundary = /[.!?]\s+(?=[A-ZÆØÅ0-9{])|\n\s*\n/g;
  let from = 0;
  let to = source.length;
  for (const match of source.matchAll(boundary)) {
    const at = match.index! + match[0].length;
    if (at <= start) from = at;
    else if (match.index! >= end) {
      to = match.index! + 1;
      break;
    }
  }
  const text = `${source.slice(from, start)}«${printed}»${source.slice(end, to)}`;
  return text.replace(/\{\{[^}]*\}\}/g, "…").replace(/\s+/g, " ").trim();
}
