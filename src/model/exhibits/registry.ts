import { z } from "zod";
import { breakdown } from "./breakdown.js";
import { comparison } from "./comparison.js";
import { components } from "./components.js";
import type { ExhibitContext, ExhibitDraft } from "./context.js";
import { efficiency } from "./efficiency.js";
import { highlight } from "./highlight.js";
import type { Coverage, CoverageContext, ExhibitOf, FieldProblem, KindModule, Names } from "./kind.js";
import type { ReportFrame } from "../../config/fields.js";
import { keyfigures } from "./keyFigures.js";
import { matrix } from "./matrix.js";
import { profile } from "./profile.js";
import { weights } from "./weights.js";

/**
 * Every exhibit kind of report.yaml, one module each (kind.ts says what a
 * kind holds). Adding a kind is a module and a line here: the definition's
 * schema, the cross-check against the data, the completeness check, the
 * references and the model are all read from this list.
 */
export const EXHIBIT_KINDS = [comparison, breakdown, matrix, profile, weights, components, efficiency, keyfigures, highlight] as const;

/** One exhibit of report.yaml, of any kind. */
export type ExhibitDefinition = ExhibitOf<(typeof EXHIBIT_KINDS)[number]>;
type AnyKind = KindModule<ExhibitDefinition>;

const KINDS: ReadonlyMap<string, AnyKind> = new Map<string, AnyKind>(EXHIBIT_KINDS.map((kind) => [kind.kind, kind]));

const [first, second, ...rest] = EXHIBIT_KINDS.map((kind) => kind.schema);
// The one place the union's type is stated rather than inferred: each kind's schema gives exactly its ExhibitOf.
export const exhibitSchema = z.discriminatedUnion("kind", [first!, second!, ...rest]) as unknown as z.ZodType<ExhibitDefinition, z.ZodTypeDef, unknown>;

function kindOf(exhibit: ExhibitDefinition): AnyKind {
  const kind = KINDS.get(exhibit.kind);
  if (!kind) throw new Error(`exhibit kind ${exhibit.kind} is not in the registry`);
  return kind;
}

/** The indicator and region ids an exhibit names, to check against the data. */
export function exhibitNames(exhibit: ExhibitDefinition): Names {
  return kindOf(exhibit).names(exhibit);
}

/** What an exhibit's kind finds wrong with it beyond its schema, each at its field. */
export function exhibitProblems(exhibit: ExhibitDefinition, frame: ReportFrame): readonly FieldProblem[] {
  return kindOf(exhibit).problems?.(exhibit, frame) ?? [];
}

/** The values an exhibit shows and needs, for the completeness check; nothing when it shows nothing. */
export function exhibitCoverage(exhibit: ExhibitDefinition, context: CoverageContext): Coverage {
  if (!exhibit.table && !exhibit.chart) return { shown: [] };
  return kindOf(exhibit).coverage(exhibit, context);
}

/**
 * Exhibit definition → table and/or chart drafts. The shared fields are
 * applied here for every kind alike: the ids, `note:` as the first
 * footnote of both, and `table:`/`chart:`.
 */
export function buildExhibit(exhibit: ExhibitDefinition, context: ExhibitContext): ExhibitDraft {
  const draft = kindOf(exhibit).build(exhibit, context);
  const note = exhibit.note ? [exhibit.note] : [];
  return {
    ...(exhibit.chart && draft.chart ? { chart: { id: `figur-${exhibit.id}`, ...draft.chart, notes: [...note, ...draft.chart.notes] } } : {}),
    ...(exhibit.table && draft.table ? { table: { id: `tabell-${exhibit.id}`, ...draft.table, notes: [...note, ...draft.table.notes] } } : {}),
  };
}
