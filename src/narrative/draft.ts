import { join } from "node:path";
import type { ReportDefinition } from "../config/definitionSchema.js";
import type { Dataset } from "../data/dataset.js";
import { joinNorwegian } from "../format/norwegian.js";
import { renderExpressions } from "./expressions.js";
import { singleIndicatorOf } from "./claims/plainWords.js";

/**
 * `npm run draft`: a first text for each section, written from the data in
 * the house style of the seed, with expressions only — no typed number, no
 * typed claim — so every sentence follows the data when they change. The
 * draft carries DRAFT_MARKER until an editor has read it; `npm run check`
 * reports it as unfinished while it does.
 */

/** The first line of a draft's body; an editor deletes it when the text is read and right. */
export const DRAFT_MARKER = "{{!-- utkast fra npm run draft: les og rett teksten, og slett så denne linjen --}}";

/** A draft beside an editor's text is named like it, with this ending; the build never reads it. */
export const DRAFT_SUFFIX = ".draft.md";

export interface SectionDraft {
  readonly chapter: string;
  readonly section: string;
  /** Relative to the project; beside the editor's file when the section has one. */
  readonly file: string;
  /** The section had no text: the draft is its text. Else it is written beside the editor's. */
  readonly beside: boolean;
  readonly text: string;
}

export interface DraftContext {
  readonly data: Dataset;
  readonly definition: ReportDefinition;
  /** Which file holds each section's text (`chapter/section`); only the file is read, never its expressions. */
  readonly commentary: ReadonlyMap<string, { readonly file: string }>;
  /** The commentary folder, relative to the project (data/2025/commentary). */
  readonly commentaryDir: string;
}

/** A draft for every section (or the one named), in the definition's order. */
export function draftSections(context: DraftContext, only?: string): SectionDraft[] {
  const drafts: SectionDraft[] = [];
  for (const chapter of context.definition.chapters) {
    chapter.sections.forEach((section, index) => {
      if (only !== undefined && section.id !== only) return;
      if (!section.commentary) return;
      const existing = context.commentary.get(`${chapter.id}/${section.id}`);
      const file = existing ? existing.file.replace(/\.md$/, DRAFT_SUFFIX) : join(context.commentaryDir, chapter.id, `${String(index + 1).padStart(2, "0")}-${section.id}.md`);
      const body = section.exhibits.flatMap((exhibit) => [`[[${exhibit.id}]]`, ...paragraphsFor(context, exhibit)]);
      const text = ["---", `chapter: ${chapter.id}`, `section: ${section.id}`, "---", "", DRAFT_MARKER, "", ...body.flatMap((p) => [p, ""])].join("\n");
      drafts.push({ chapter: chapter.id, section: section.id, file, beside: existing !== undefined, text });
    });
  }
  return drafts;
}

/** "ASSS med Oslo" → "ASSS-snittet", as the seed says it; another average → "snittet for <navn>". */
function averageWords(name: string): string {
  const first = name.split(" ")[0]!;
  return /^[A-ZÆØÅ]{2,}$/.test(first) ? `${first}-snittet` : `snittet for ${name}`;
}

const lowerFirst = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/** "Figuren og tabellen", "Figuren" or "Tabellen": what the exhibit shows, from its own `table:` and `chart:` (src/model/exhibits/kind.ts). */
export function shownAs(exhibit: { readonly table: boolean; readonly chart: boolean }): string {
  return exhibit.chart && exhibit.table ? "Figuren og tabellen" : exhibit.chart ? "Figuren" : "Tabellen";
}

/** What the indicator is, the latest value against the comparison regions, and the trend — each sentence kept only if the data bear it. */
function paragraphsFor(context: DraftContext, exhibit: { readonly id: string; readonly table: boolean; readonly chart: boolean }): string[] {
  const { data, definition } = context;
  const indicator = singleIndicatorOf(context, exhibit.id);
  if (!indicator) return [];
  const years = [...definition.years].sort((a, b) => a - b);
  const first = years[0]!;
  const last = years.at(-1)!;
  const nameOf = (id: string) => data.regions.get(id)?.name ?? id;
  const own = nameOf(definition.municipality);
  const id = indicator.id;
  const others = definition.regions.filter((r) => r !== definition.municipality && data.regions.has(r));
  const spoken = (r: string) => (r === definition.average ? averageWords(nameOf(r)) : nameOf(r));
  const builds = (sentence: string) => {
    try {
      renderExpressions(sentence, "utkast.md", 0, { data, definition });
      return true;
    } catch {
      return false; // a value the sentence needs is missing: the draft leaves it out rather than guess
    }
  };
  const about = `${shownAs(exhibit)} viser ${lowerFirst(indicator.short_title)} for ${joinNorwegian([own, ...others.map(spoken)])}.`;
  const against = others
    .map((r) => `{{sammenlign "${id}" "${own}" "${nameOf(r)}" ${last}}} ${spoken(r)} ({{verdi "${id}" "${nameOf(r)}" ${last}}})`)
    .filter((part) => builds(part));
  const value = `I ${last} var verdien i ${own} {{verdi "${id}" "${own}" ${last}}}${against.length ? `, ${joinNorwegian(against)}` : ""}.`;
  const trendOwn = `I ${own} har verdien {{utvikling "${id}" "${own}" ${first} ${last} form="økt"}} fra ${first} til ${last}`;
  const average = definition.average !== definition.municipality ? `{{utvikling "${id}" "${nameOf(definition.average)}" ${first} ${last} form="økt"}}` : "";
  const trend = builds(trendOwn) ? `${trendOwn}${average && builds(average) ? `, mens den for ${spoken(definition.average)} har ${average}` : ""}.` : "";
  return [[about, builds(value) ? value : ""].filter(Boolean).join(" "), trend].filter(Boolean);
}
