import type { Indicator } from "../data/dataset.js";
import { formatNumber } from "../format/norwegian.js";
import { msg } from "../messages/catalogue.js";
import type { SectionCommentary } from "../narrative/loadCommentary.js";
import type { CheckInputs } from "./context.js";
import { warning, type Finding } from "./finding.js";

/** A number written in the text: "13,9", "136 522", "5 809 barn", "4,9 %". */
const NUMBER = /(?<![\p{L}\d.,\-–/])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d+))?/gu;
const YEAR = /^(19|20)\d\d$/;

/**
 * A whole number below this, written without a unit, is taken as a count in
 * the prose ("to klasser", "15 elever per lærertime"), not as a value copied
 * from the data: small whole numbers are so common in text that many equal
 * some value in the data by chance. A number from this on, or one with
 * decimals or a unit (%, prosent, kr, kroner), is compared with the data.
 */
export const SMALL_COUNT_BELOW = 100;

/**
 * A number that differs from a value an expression in the same paragraph
 * reads by at most this fraction of that value (|tall − verdi| ≤ 10 % of
 * |verdi|), without being equal to it, is taken as a stale copy of the value.
 */
export const NEAR_FRACTION = 0.1;

/** Characters after a number read for its unit ("4,9 %", "28 349 kroner") and for an ordinal or range ("5. trinn", "6-15 år"). */
const FOLLOWING_CHARACTERS = 12;

interface Literal {
  readonly text: string;
  readonly value: number;
  readonly offset: number;
}

/**
 * Literal numbers in commentary that the data holds should be expressions,
 * or they go stale when the data changes. Reports a literal that equals a
 * value in the data (with the expression to write instead), flags it as a
 * stale copy when it is an older year's value of an indicator whose newest
 * value differs, and warns about a number within NEAR_FRACTION of (but not
 * equal to) a value that an expression in the same paragraph reads. Years,
 * ordinals, ranges and small counts (SMALL_COUNT_BELOW) are left alone.
 */
export function checkLiterals(inputs: CheckInputs): Finding[] {
  const findings: Finding[] = [];
  for (const section of inputs.commentary.values()) {
    for (const literal of literalsIn(section)) {
      const location = locate(section, literal.offset);
      const equal = matchingValues(inputs, literal);
      if (equal.length > 0) {
        const best = equal.find((m) => m.year === latest(inputs)) ?? equal[0]!;
        const newest = inputs.data.value(best.indicator.id, best.region, latest(inputs));
        const regionName = inputs.data.regions.get(best.region)?.name ?? best.region;
        if (best.year !== latest(inputs) && newest !== undefined && formatNumber(newest, best.indicator.decimals) !== literal.text) {
          findings.push(warning(location, msg.check.staleCopy(literal.text, regionName, best.year, best.indicator.id, formatNumber(newest, best.indicator.decimals), latest(inputs))));
        } else {
          findings.push(warning(location, msg.check.literalInData(literal.text, best.indicator.id, regionName, best.year)));
        }
        continue;
      }
      const near = nearbyExpressionValue(inputs, section, literal);
      if (near) findings.push(warning(location, msg.check.closeToExpression(literal.text, near.text, near.indicator)));
    }
  }
  return findings;
}

/** Numbers in the editor's text, leaving out expressions, years, ordinals and ranges. */
export function literalsIn(section: SectionCommentary): Literal[] {
  let text = section.source;
  for (const use of section.expressions) text = text.slice(0, use.start) + " ".repeat(use.end - use.start) + text.slice(use.end);
  const literals: Literal[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + FOLLOWING_CHARACTERS);
    const whole = match[1]!;
    if (/^\.\s*[\p{Ll}\d–-]|^\.\p{L}|^\s*[-–]\s*\d/u.test(after)) continue; // ordinal "5. trinn", range "6-15"
    if (!match[2] && YEAR.test(whole)) continue; // years: checked by checkYears
    const unit = /^\s*(%|prosent|kr\b|kroner)/.test(after);
    const value = Number(`${whole.replace(/[ \u00a0]/g, "")}.${match[2] ?? "0"}`);
    if (!match[2] && !unit && value < SMALL_COUNT_BELOW) continue;
    literals.push({ text: match[0].replace(/ /g, "\u00a0"), value, offset: match.index! });
  }
  return literals;
}

function matchingValues(inputs: CheckInputs, literal: Literal): { indicator: Indicator; region: string; year: number }[] {
  const matches: { indicator: Indicator; region: string; year: number }[] = [];
  for (const row of inputs.data.observations) {
    const indicator = inputs.data.indicators.get(row.value.indicator)!;
    if (row.value.value !== undefined && formatNumber(Math.abs(row.value.value), indicator.decimals) === literal.text) {
      matches.push({ indicator, region: row.value.region, year: row.value.year });
    }
  }
  return matches;
}

function nearbyExpressionValue(inputs: CheckInputs, section: SectionCommentary, literal: Literal): { text: string; indicator: string } | undefined {
  const paragraph = paragraphAround(section.source, literal.offset);
  for (const use of section.expressions) {
    if (use.start < paragraph.start || use.end > paragraph.end) continue;
    const values = inputs.definition.years.flatMap((year) =>
      use.regions.map((region) => inputs.data.value(use.indicator, region, year)).filter((v): v is number => v !== undefined),
    );
    const close = values.find((v) => Math.abs(v) !== literal.value && Math.abs(Math.abs(v) - literal.value) <= Math.abs(v) * NEAR_FRACTION);
    if (close !== undefined) return { text: formatNumber(close, inputs.data.indicators.get(use.indicator)!.decimals), indicator: use.indicator };
  }
  return undefined;
}

function paragraphAround(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf("\n\n", offset);
  const end = text.indexOf("\n\n", offset);
  return { start: start === -1 ? 0 : start, end: end === -1 ? text.length : end };
}

function latest(inputs: CheckInputs): number {
  return Math.max(...inputs.definition.years);
}

export function locate(section: SectionCommentary, offset: number): { file: string; line: number; column: number } {
  const before = section.source.slice(0, offset);
  const line = before.split("\n").length;
  return { file: section.file, line: line + section.bodyLineOffset, column: offset - before.lastIndexOf("\n") };
}
