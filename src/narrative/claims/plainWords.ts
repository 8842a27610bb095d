import { allExhibits, type ReportDefinition } from "../../config/definitionSchema.js";
import type { Dataset, Indicator } from "../../data/dataset.js";
import type { SectionCommentary } from "../loadCommentary.js";

/**
 * Reads the comparison, trend and position claims an editor wrote in plain
 * words ("er høyere enn gjennomsnittet", "har økt de tre siste årene", "er
 * lavest av"), and ties each to the indicator it is about. Only what it can
 * tie is checked, by these rules in this order — nothing is guessed:
 *
 * 1. an expression in the same sentence that reads exactly one indicator;
 * 2. an indicator whose title (or short title) the sentence names, if that
 *    title has at least TITLE_WORDS_NEEDED words of four letters or more
 *    ("Netto driftsutgifter per elev", not "1.–4. trinn");
 * 3. expressions elsewhere in the paragraph that all read one indicator;
 * 4. the figure/table `[[id]]` the paragraph follows (no heading between),
 *    when it shows one indicator.
 *
 * A claim whose noun names something else ("har lavere *lærertetthet* enn
 * Asker" under the figure for årsverk per lederårsverk) is left alone.
 */

/** A regular expression whose `\b` is a word boundary for Norwegian letters too (JavaScript's own knows only ASCII). */
function re(source: string, flags: string): RegExp {
  return new RegExp(source.replace(/\\b/g, "(?:(?<![\\p{L}\\d])(?=[\\p{L}\\d])|(?<=[\\p{L}\\d])(?![\\p{L}\\d]))"), flags);
}

export type ClaimKind = "sammenligning" | "utvikling" | "plassering";

export interface PlainClaim {
  readonly kind: ClaimKind;
  /** The words as written, e.g. "har holdt seg stabilt de to siste årene". */
  readonly phrase: string;
  /** Offset of the claim word in the section's source. */
  readonly offset: number;
  readonly sentence: string;
  /** Undefined: the claim could not be tied to an indicator (it is listed, never checked). */
  readonly indicator?: Indicator;
  readonly subject: string;
  /** sammenligning: "høyere" | "lavere" | "likt"; utvikling: "økt" | "nedgang" | "stabil"; plassering: "høyest" | "lavest". */
  readonly claimed: string;
  /** plassering: 1 for "høyest", 2 for "nest høyest". */
  readonly place?: number;
  readonly targets: readonly string[];
  readonly year: number;
  /** utvikling: the years the trend spans. */
  readonly span: readonly number[];
  readonly everyYear: boolean;
}

/** A title names an indicator in a sentence only if it has this many words of four letters or more. */
export const TITLE_WORDS_NEEDED = 2;
/** Characters a comparative may stand from its "enn"/"sammenlignet med" ("har flere årsverk per lederårsverk enn"). */
const BETWEEN_COMPARATIVE_AND_THAN = 60;

const COMPARATIVE = re(String.raw`\b(høyere|flere|større|mer|lavere|færre|mindre)\b`, "giu");
const HIGHER = new Set(["høyere", "flere", "større", "mer"]);
const THAN = re(String.raw`^([^.;:!?]*?)\b(enn|sammenlignet med|sammenliknet med)\s+`, "iu");
const POSITIONAL = re(String.raw`\b(ligger|er|var|lå)\s+(#+\s+)?(omtrent\s+)?(over|under|på nivå med|på linje med|omtrent på)\s+`, "giu");
const SAME_AS = re(String.raw`\b(omtrent på|på nivå med|på linje med|omtrent like \p{L}+ som)\s+`, "giu");
const TREND_WORDS: readonly (readonly [RegExp, string])[] = [
  [re(String.raw`\b(har økt|økte|en økning|økningen|har gått opp|gikk opp|har steget|steg)\b`, "giu"), "økt"],
  [re(String.raw`\b(har gått ned|gikk ned|en nedgang|nedgangen|har redusert|har sunket|sank|har falt)\b`, "giu"), "nedgang"],
  [re(String.raw`\b((har )?(holdt seg |vært )?stabil[te]?|uendret)\b`, "giu"), "stabil"],
];
const PLACE_WORD = re(String.raw`\b(den |de )?(nest )?(høyeste|høyest|laveste|lavest|største|størst)\b`, "giu");
const YEAR_IN = re(String.raw`\bi (20\d\d)\b`, "u");
const FROM_TO = re(String.raw`\bfra (år )?(20\d\d) til (år )?(20\d\d)\b`, "u");
const LAST_N = re(String.raw`\bde (siste )?(to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|\d+) (siste )?årene\b`, "iu");
const SINCE = re(String.raw`\b(fra|siden) (20\d\d)\b`, "u");
const SPAN_WORDS = re(String.raw`\b(de (siste )?\p{L}+ (siste )?årene|fra (år )?20\d\d( til (år )?20\d\d)?|i 20\d\d|hvert år)\b`, "iu");
const EVERY_YEAR = re(String.raw`\bhvert år\b`, "iu");
const OWN_YEARS = re(String.raw`\b(fra (år )?20\d\d|de (siste )?\p{L}+ (siste )?årene)`, "iu");
const LIST_GLUE = re(String.raw`^(\s|,|både\b|og\b)*`, "u");
const NUMBER_WORDS: Readonly<Record<string, number>> = { to: 2, tre: 3, fire: 4, fem: 5, seks: 6, sju: 7, syv: 7, åtte: 8, ni: 9, ti: 10 };

export interface ReadContext {
  readonly data: Dataset;
  readonly definition: ReportDefinition;
}

/** Every claim in one commentary file, tied where the rules allow. */
export function readClaims(section: SectionCommentary, context: ReadContext): PlainClaim[] {
  const masked = maskExpressions(section);
  const claims: PlainClaim[] = [];
  let exhibit: Indicator | undefined;
  for (const block of blocks(masked)) {
    const text = block.text.trim();
    const marker = /^\[\[\s*([a-z0-9-]+)\s*\]\]$/.exec(text);
    if (marker) {
      exhibit = singleIndicatorOf(context, marker[1]!);
      continue;
    }
    if (text.startsWith("#")) {
      exhibit = undefined;
      continue;
    }
    const uses = section.expressions.filter((use) => use.indicator && use.start >= block.start && use.end <= block.start + block.text.length);
    const paragraphIndicator = one(uses.map((use) => use.indicator));
    const previous: { span?: readonly number[] } = {};
    for (const sentence of sentences(block.text, block.start)) {
      const inSentence = uses.filter((use) => use.start >= sentence.start && use.end <= sentence.start + sentence.text.length);
      const named = namedIndicator(sentence.text, context, inSentence.map((use) => use.indicator));
      const id = one(inSentence.map((use) => use.indicator)) ?? named ?? paragraphIndicator;
      const indicator = id ? context.data.indicators.get(id) : exhibit;
      claims.push(...claimsIn(sentence.text, sentence.start, section.source, indicator, context, previous));
    }
  }
  return claims;
}

function maskExpressions(section: SectionCommentary): string {
  let text = section.source;
  for (const use of section.expressions) text = text.slice(0, use.start) + "#".repeat(use.end - use.start) + text.slice(use.end);
  return text;
}

function blocks(text: string): { text: string; start: number }[] {
  const result: { text: string; start: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/\n[ \t]*\n/g)) {
    result.push({ text: text.slice(start, match.index!), start });
    start = match.index! + match[0].length;
  }
  result.push({ text: text.slice(start), start });
  return result.filter((b) => b.text.trim() !== "");
}

function sentences(text: string, offset: number): { text: string; start: number }[] {
  const result: { text: string; start: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?](\s+)(?=[A-ZÆØÅ#])/gu)) {
    const end = match.index! + 1;
    result.push({ text: text.slice(start, end), start: offset + start });
    start = end + match[1]!.length;
  }
  result.push({ text: text.slice(start), start: offset + start });
  return result;
}

const one = (ids: readonly string[]): string | undefined => (new Set(ids).size === 1 ? ids[0] : undefined);

/** The one indicator a figure/table shows, if it shows one. */
export function singleIndicatorOf(context: ReadContext, exhibitId: string): Indicator | undefined {
  const exhibit = allExhibits(context.definition).find((e) => e.id === exhibitId) as { indicator?: unknown; indicators?: unknown } | undefined;
  if (!exhibit) return undefined;
  const ids = typeof exhibit.indicator === "string" ? [exhibit.indicator] : Array.isArray(exhibit.indicators) ? exhibit.indicators : [];
  return ids.length === 1 && typeof ids[0] === "string" ? context.data.indicators.get(ids[0]) : undefined;
}

const normal = (text: string) => text.toLowerCase().replace(/\s*[-–]\s*/g, "–").replace(/\s+/g, " ");
const longWords = (text: string) => normal(text).match(/\p{L}{4,}/gu) ?? [];

/** Rule 2: the longest distinctive title the sentence names (among `among`, if the sentence has expressions). */
function namedIndicator(sentence: string, context: ReadContext, among: readonly string[]): string | undefined {
  const text = normal(sentence);
  let best: { id: string; length: number } | undefined;
  for (const { id, title } of lexiconOf(context.data).titles) {
    if ((among.length > 0 && !among.includes(id)) || !text.includes(title)) continue;
    if (!best || title.length > best.length) best = { id, length: title.length };
  }
  return best?.id;
}

/** Does the noun a claim is about belong to the indicator's title? ("skoler" → "Elever per skole"). */
function nounFits(noun: string | undefined, indicator: Indicator): boolean {
  if (!noun) return true;
  const stem = SYNONYM_STEMS[noun.toLowerCase().slice(0, 5)] ?? noun.toLowerCase().slice(0, 5);
  return [...longWords(indicator.title), ...longWords(indicator.short_title)].some((word) => word.startsWith(stem) || word.includes(stem) || noun.toLowerCase().startsWith(word.slice(0, 5)));
}

/** Nouns that name the same thing as a title word: "kostnader" are "utgifter". */
const SYNONYM_STEMS: Readonly<Record<string, string>> = { kostn: "utgif" };

interface Mention {
  readonly region: string;
  readonly start: number;
  readonly end: number;
}

const ASSS_SNITTET = re(String.raw`\bASSS-snittet\b`, "gu");
const AVERAGE_WORDS = re(String.raw`(?<![\p{L}-])(gjennomsnittet|snittet)( (av|for|i) (ASSS|ASSS-kommunene|ASSS-kommunen|ASSS-området))?(?![\p{L}-])`, "giu");
const LANDSSNITT = re(String.raw`\blandsgjennomsnittet\b`, "giu");

/** What the reader looks for, made once per dataset: each region's name as a pattern, and the titles that name an indicator. */
interface Lexicon {
  readonly regions: readonly (readonly [RegExp, string])[];
  readonly titles: readonly { readonly id: string; readonly title: string }[];
}
const lexicons = new WeakMap<Dataset, Lexicon>();

function lexiconOf(data: Dataset): Lexicon {
  let lexicon = lexicons.get(data);
  if (!lexicon) {
    const regions = [...data.regions.values()].flatMap((region) =>
      [...new Set([region.name, region.short_name])].map((name) => [new RegExp(`(?<![\\p{L}-])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}-])`, "gu"), region.id] as const),
    );
    const titles = [...data.indicators.values()].flatMap((indicator) =>
      [indicator.title, indicator.short_title].map(normal).filter((title) => longWords(title).length >= TITLE_WORDS_NEEDED).map((title) => ({ id: indicator.id, title })),
    );
    lexicon = { regions, titles };
    lexicons.set(data, lexicon);
  }
  return lexicon;
}

/** Region names in the text: "Bærum", "Asker", "gjennomsnittet av ASSS-kommunene", "ASSS-snittet". */
function mentions(text: string, context: ReadContext): Mention[] {
  const found: Mention[] = [];
  const average = context.definition.average;
  const add = (pattern: RegExp, region: string) => {
    for (const match of text.matchAll(pattern)) {
      if (found.some((m) => match.index! < m.end && match.index! + match[0].length > m.start)) continue;
      found.push({ region, start: match.index!, end: match.index! + match[0].length });
    }
  };
  add(ASSS_SNITTET, average);
  add(AVERAGE_WORDS, average);
  if (context.data.regions.has("EAK")) add(LANDSSNITT, "EAK");
  for (const [pattern, region] of lexiconOf(context.data).regions) add(pattern, region);
  return found.sort((a, b) => a.start - b.start);
}

/** The regions named from `at` on: "Asker og gjennomsnittet av ASSS-kommunene", "både Asker og …". */
function targetsFrom(text: string, at: number, all: readonly Mention[]): Mention[] {
  const targets: Mention[] = [];
  let position = at;
  for (;;) {
    const skip = LIST_GLUE.exec(text.slice(position))![0].length;
    const next = all.find((m) => m.start === position + skip);
    if (!next) return targets;
    targets.push(next);
    position = next.end;
  }
}

function yearOf(text: string, context: ReadContext): number {
  const named = YEAR_IN.exec(text);
  const year = named ? Number(named[1]) : undefined;
  return year !== undefined && context.definition.years.includes(year) ? year : Math.max(...context.definition.years);
}

/** The years a trend spans, from the words of its clause (or sentence); the last step when none. */
function spanOf(clause: string, sentence: string, context: ReadContext): readonly number[] {
  const years = [...context.definition.years].sort((a, b) => a - b);
  for (const text of [clause, sentence]) {
    const fromTo = FROM_TO.exec(text);
    if (fromTo) return years.filter((y) => y >= Number(fromTo[2]) && y <= Number(fromTo[4]));
    const last = LAST_N.exec(text);
    if (last) return years.slice(-(NUMBER_WORDS[last[2]!.toLowerCase()] ?? Number(last[2])));
    const since = SINCE.exec(text);
    if (since) return years.filter((y) => y >= Number(since[2]));
    const inYear = YEAR_IN.exec(text);
    if (inYear) return years.filter((y) => y === Number(inYear[1]) - 1 || y === Number(inYear[1]));
  }
  return years.slice(-2);
}

function clauseAround(sentence: string, at: number): string {
  const start = Math.max(sentence.lastIndexOf(",", at - 1), sentence.lastIndexOf(" mens ", at)) + 1;
  const comma = sentence.indexOf(",", at);
  return sentence.slice(start, comma === -1 ? sentence.length : comma);
}

/** "økningen", "nedgangen": a trend already told, whose years are those of the trend before it in the paragraph. */
const DEFINITE = re(String.raw`^(økningen|nedgangen)$`, "iu");

function claimsIn(sentence: string, offset: number, source: string, indicator: Indicator | undefined, context: ReadContext, previous: { span?: readonly number[] }): PlainClaim[] {
  const all = mentions(sentence, context);
  const claims: PlainClaim[] = [];
  const usedAsTarget = new Set<Mention>();
  const municipality = context.definition.municipality;
  const subjectBefore = (at: number) => [...all].reverse().find((m) => m.end <= at && !usedAsTarget.has(m))?.region ?? municipality;
  const base = (kind: ClaimKind, at: number, length: number, claimed: string, noun?: string) => ({
    kind,
    phrase: source.slice(offset + at, offset + at + length).replace(/\{\{[^}]*\}\}/g, "…").replace(/\s+/g, " "),
    offset: offset + at,
    sentence: sentence.replace(/#+/g, "…").replace(/\s+/g, " ").trim(),
    ...(indicator && nounFits(noun, indicator) ? { indicator } : {}),
    claimed,
    year: yearOf(sentence, context),
    span: [] as readonly number[],
    everyYear: false,
  });

  const comparison = (at: number, wordsLength: number, targetsAt: number, claimed: string, noun?: string) => {
    const targets = targetsFrom(sentence, targetsAt, all);
    if (targets.length === 0) return;
    const subject = subjectBefore(at);
    targets.forEach((t) => usedAsTarget.add(t));
    const others = targets.map((t) => t.region).filter((r) => r !== subject);
    if (others.length === 0) return;
    const end = targets.at(-1)!.end;
    claims.push({ ...base("sammenligning", at, Math.max(wordsLength, end - at), claimed, noun), subject, targets: others });
  };

  for (const match of sentence.matchAll(COMPARATIVE)) {
    const rest = sentence.slice(match.index! + match[0].length);
    const than = THAN.exec(rest);
    if (!than || than[1]!.length > BETWEEN_COMPARATIVE_AND_THAN || new RegExp(COMPARATIVE.source, "iu").test(than[1]!)) continue;
    const noun = /^\s*(\p{L}+)/u.exec(than[1]!)?.[1];
    const targetsAt = match.index! + match[0].length + than[0].length;
    comparison(match.index!, match[0].length, targetsAt, HIGHER.has(match[1]!.toLowerCase()) ? "høyere" : "lavere", noun && !/^(per|enn|i|på|av|og)$/i.test(noun) ? noun : undefined);
  }
  for (const match of sentence.matchAll(POSITIONAL)) {
    const word = match[4]!.toLowerCase();
    const claimed = word === "over" ? "høyere" : word === "under" ? "lavere" : "likt";
    if (claims.some((c) => c.offset === offset + match.index!)) continue;
    comparison(match.index!, match[0].length, match.index! + match[0].length, claimed);
  }
  for (const match of sentence.matchAll(SAME_AS)) {
    if (claims.some((c) => c.kind === "sammenligning" && c.offset <= offset + match.index! && offset + match.index! < c.offset + c.phrase.length)) continue;
    comparison(match.index!, match[0].length, match.index! + match[0].length, "likt");
  }

  for (const [pattern, claimed] of TREND_WORDS) {
    for (const match of sentence.matchAll(pattern)) {
      const clause = clauseAround(sentence, match.index!);
      const ownYears = OWN_YEARS.test(clause);
      const span = DEFINITE.test(match[0]) && previous.span && !ownYears ? previous.span : spanOf(clause, sentence, context);
      previous.span = span;
      const spanWords = SPAN_WORDS.exec(sentence.slice(match.index!));
      const length = spanWords && spanWords.index! < 40 ? spanWords.index! + spanWords[0].length : match[0].length;
      claims.push({ ...base("utvikling", match.index!, length, claimed), subject: subjectBefore(match.index!), targets: [], span, everyYear: EVERY_YEAR.test(clause) });
    }
  }

  for (const match of sentence.matchAll(PLACE_WORD)) {
    const top = /høy|stør/i.test(match[3]!);
    const noun = /^\s*(\p{L}+)/u.exec(sentence.slice(match.index! + match[0].length))?.[1];
    claims.push({
      ...base("plassering", match.index!, match[0].length, top ? "høyest" : "lavest", match[1] && noun && !/^(av|i|blant|sammenlignet)$/i.test(noun) ? noun : undefined),
      subject: subjectBefore(match.index!),
      targets: [],
      place: match[2] ? 2 : 1,
    });
  }
  return claims.sort((a, b) => a.offset - b.offset);
}
