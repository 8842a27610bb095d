import { allExhibits, type ReportDefinition } from "../config/definitionSchema.js";

/**
 * `{{tabell "nokkeltall"}}` and `{{figur "netto-driftsutgifter"}}` in
 * commentary: "Tabell 15", with the number the exhibit gets in the document.
 * Numbers are known only when the document model is built, so the narrative
 * stage leaves a marker that the model stage replaces.
 */
export const REFERENCE_KINDS = { tabell: "table", figur: "chart" } as const;
export type ReferenceKind = keyof typeof REFERENCE_KINDS;

/** An own key only: "constructor" or "toString" is no reference kind, though `in` would say so. */
export function isReferenceKind(name: string): name is ReferenceKind {
  return Object.hasOwn(REFERENCE_KINDS, name);
}

const OPEN = "\uE000";
const CLOSE = "\uE001";

export function referenceMarker(kind: ReferenceKind, exhibit: string): string {
  return `${OPEN}${kind}:${exhibit}${CLOSE}`;
}

/** Replaces every marker in a text with its label ("Tabell 15"), from the numbers given. */
export function resolveReferences(text: string, labels: ReadonlyMap<string, string>): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(new RegExp(`${OPEN}(tabell|figur):([a-z0-9-]+)${CLOSE}`, "g"), (marker, kind: string, id: string) => labels.get(`${kind}:${id}`) ?? marker);
}

/**
 * The exhibit ids a reference of this kind may name: those that draw a
 * table (or a chart). `table:` and `chart:` say it for every kind: a kind
 * that never draws a chart has `chart: false` (src/model/exhibits/kind.ts).
 */
export function referable(definition: ReportDefinition, kind: ReferenceKind): string[] {
  return allExhibits(definition)
    .filter((exhibit) => (REFERENCE_KINDS[kind] === "table" ? exhibit.table : exhibit.chart))
    .map((exhibit) => exhibit.id);
}
