import { suggest } from "../../errors.js";
import type { Message } from "../../messages/message.js";
import { msg } from "../../messages/catalogue.js";
import type { HelperInput, HelperResult, HelperSpec, OptionKind } from "../helpers.js";
import { compareRegions, isMissing, placeOf, trendOf } from "./evaluate.js";
import { COMPARISON_FORMS, EVERY_YEAR, PLACE_FORMS, placeKey, TREND_FORMS, type Forms } from "./words.js";

/**
 * The claim expressions: a comparison, a trend or a position whose *words*
 * the data choose, by the tolerance rule (src/indicators/tolerance.ts).
 *
 *   {{sammenlign "spesialundervisning-8-10" "Bærum" "ASSS med Oslo" 2024 form="ligger"}}  → over | under | omtrent på
 *   {{utvikling "spesialundervisning-5-7" "Bærum" 2021 2024 form="en"}}                     → en økning | en nedgang | …
 *   {{plassering "netto-driftsutgifter-per-elev" "Bærum" 2024}}                              → lavest | høyest | nest høyest | …
 *
 * A missing value, a span of one year or too few municipalities to rank
 * never produce words: the build stops at the expression's file and line.
 */

const words = (keys: readonly string[]): Readonly<Record<string, OptionKind>> => Object.fromEntries(keys.map((key) => [key, "text" as const]));

/**
 * Characters Markdown reads as markup in running text (emphasis, code, links,
 * HTML, entities, tables, headings). The words are put into the Markdown
 * before it is read, so these would not print as written: they are refused.
 */
const MARKDOWN_CHARACTERS = /[*_`[\]<>\\~&|#]/gu;

/**
 * The editor's own words (`høyere="har flere enn"`), every one of them, not
 * just the one the data choose today: a word that would print nothing, or
 * not as written, is refused now, not the year the data turn to it.
 */
function ownWordsProblem(input: HelperInput): { problem: Message } | undefined {
  for (const [key, value] of input.options) {
    if (key === "form" || typeof value !== "string") continue;
    if (value.trim() === "") return { problem: msg.claims.emptyWord(key) };
    const markup = [...new Set(value.match(MARKDOWN_CHARACTERS) ?? [])];
    if (markup.length > 0) return { problem: msg.claims.markdownInWord(key, markup) };
  }
  return undefined;
}

/** The form's word for the outcome, unless the expression gives its own. */
function choose<K extends string>(helper: string, forms: Forms<K>, fallback: string, input: HelperInput, outcome: K, suffix = ""): HelperResult {
  const form = formOf(helper, Object.keys(forms), fallback, input);
  if (typeof form !== "string") return form;
  const own = input.options.get(outcome);
  return { text: typeof own === "string" ? own : `${forms[form]![outcome]}${suffix}` };
}

function formOf(helper: string, known: readonly string[], fallback: string, input: HelperInput): string | { problem: ReturnType<typeof msg.claims.unknownForm> } {
  const form = input.options.get("form");
  if (form === undefined) return fallback;
  if (typeof form === "string" && known.includes(form)) return form;
  return { problem: msg.claims.unknownForm(helper, String(form), suggest(String(form), known), known) };
}

const sammenlign: HelperSpec = {
  args: ["indicator", "region", "region", "year"],
  example: '{{sammenlign "spesialundervisning-8-10" "Bærum" "ASSS med Oslo" 2024 form="ligger"}}',
  describe: "the first region against the second: høyere enn / lavere enn / på nivå med (form er), over / under / omtrent på (form ligger)",
  options: { form: "text", ...words(["høyere", "lavere", "likt"]) },
  evaluate: (input) => {
    const wrong = ownWordsProblem(input);
    if (wrong) return wrong;
    const { data, average, resolved } = input;
    const [region, other] = resolved.regions as [string, string];
    if (region === other) return { problem: msg.claims.sameRegionTwice(data.regions.get(region)?.name ?? region) };
    const found = compareRegions(data, average, resolved.indicator, region, other, resolved.years[0]!);
    if (isMissing(found)) return found;
    const chosen = choose("sammenlign", COMPARISON_FORMS, "er", input, found.outcome);
    return "text" in chosen ? { ...chosen, claim: { kind: "sammenligning", outcome: found.outcome } } : chosen;
  },
};

const utvikling: HelperSpec = {
  args: ["indicator", "region", "year", "year"],
  example: '{{utvikling "spesialundervisning-5-7" "Bærum" 2021 2024}}',
  describe: "the trend from the first year to the second: har økt / har gått ned / har holdt seg stabil / har variert (form har; also økt, økte, en, økningen)",
  options: { form: "text", hvert_år: "boolean", ...words(["økt", "nedgang", "stabil", "variert"]) },
  evaluate: (input) => {
    const wrong = ownWordsProblem(input);
    if (wrong) return wrong;
    const { data, resolved, reportYears, options } = input;
    const [from, to] = resolved.years as [number, number];
    if (from >= to) return { problem: msg.claims.spanNeedsTwoYears(from, to, utvikling.example) };
    const found = trendOf(data, resolved.indicator, resolved.regions[0]!, reportYears.filter((year) => year >= from && year <= to));
    if (isMissing(found)) return found;
    // "hvert år" is a claim about every step: only when each one held is it added; otherwise the plain word stands.
    const everyYear = options.get("hvert_år") === true && found.everyStep && (found.outcome === "økt" || found.outcome === "nedgang");
    const outcome = found.outcome;
    const suffix = everyYear ? ` ${EVERY_YEAR}` : "";
    const chosen = choose("utvikling", TREND_FORMS, "har", input, outcome, suffix);
    return "text" in chosen ? { ...chosen, claim: { kind: "utvikling", outcome: `${outcome}${suffix}` } } : chosen;
  },
};

const plassering: HelperSpec = {
  args: ["indicator", "region", "year"],
  example: '{{plassering "netto-driftsutgifter-per-elev" "Bærum" 2024}}',
  describe: "the region's place among the municipalities the data hold that year: høyest / nest høyest / lavest / nest lavest / tredje høyest … (form er; also den)",
  options: { form: "text", ...words(["høyest", "nest_høyest", "lavest", "nest_lavest", "ellers"]) },
  evaluate: (input) => {
    const wrong = ownWordsProblem(input);
    if (wrong) return wrong;
    const { data, resolved, options } = input;
    const { indicator } = resolved;
    const year = resolved.years[0]!;
    const region = data.regions.get(resolved.regions[0]!);
    // An average is not one of the municipalities: its place among them says nothing (regions.csv, column kind).
    if (region && region.kind !== "kommune") return { problem: msg.claims.rankNotMunicipality(region.name) };
    const found = placeOf(data, indicator, resolved.regions[0]!, year);
    if (isMissing(found)) return found;
    if (found.among.length < 2) return { problem: msg.claims.tooFewToRank(indicator.id, year, found.among.length) };
    const top = found.fromTop === 1 || (found.fromBottom !== 1 && found.fromTop <= found.fromBottom);
    const place = top ? found.fromTop : found.fromBottom;
    const form = formOf("plassering", Object.keys(PLACE_FORMS), "er", input);
    if (typeof form !== "string") return form;
    const own = options.get(placeKey(place, top));
    const text = typeof own === "string" ? own : PLACE_FORMS[form as keyof typeof PLACE_FORMS](place, top);
    return { text, claim: { kind: "plassering", outcome: PLACE_FORMS.er(place, top) } };
  },
};

/** By name, for the one registry in ../helpers.ts. */
export const CLAIM_HELPERS: ReadonlyMap<string, HelperSpec> = new Map(Object.entries({ sammenlign, utvikling, plassering }));
