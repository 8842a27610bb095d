import { z } from "zod";
import { id, plainText, type ReportFrame } from "../../config/fields.js";
import { msg } from "../../messages/catalogue.js";
import type { Message } from "../../messages/message.js";
import type { ChartDraft, ExhibitContext, TableDraft } from "./context.js";

/**
 * An exhibit kind (`kind: comparison` in report.yaml) is one module that
 * says everything about it: its fields (a zod shape), the indicators and
 * regions it names (checked against the data when the definition is
 * loaded), the values it shows (the completeness check), and how it is drawn
 * (table and chart drafts). The registry (registry.ts) lists the kinds; the
 * definition's schema, the dispatch and the checks are derived from it.
 *
 * The fields every kind shares are handled here and in the registry, once:
 * `id` names the drafts (`tabell-<id>`, `figur-<id>`), `title` is the
 * caption the kind would otherwise choose, `note` is the first footnote of
 * both the table and the chart, and `table`/`chart` turn them off.
 */

/** What a kind's coverage may read: the report's frame and the data. */
export type CoverageContext = Pick<ExhibitContext, "definition" | "data">;

/** Whether a kind draws a table (or a chart): as `table:` says (default on), always, or never. */
export type Part = "optional" | "always" | "never";

/** The fields of every exhibit, whatever its kind. */
export interface SharedExhibit {
  readonly id: string;
  readonly kind: string;
  /** Caption; defaults to the kind's own (often the indicator's title). */
  readonly title?: string | undefined;
  /** Extra sentence under the caption, e.g. what is left out: the first footnote of table and chart. */
  readonly note?: string | undefined;
  readonly chart: boolean;
  readonly table: boolean;
}

/** Drafts as a kind draws them; the registry adds the ids and the `note:`. */
export type KindTable = Omit<TableDraft, "id">;
export type KindChart = Omit<ChartDraft, "id">;
export interface KindDraft {
  readonly table?: KindTable;
  readonly chart?: KindChart;
}

/** The ids in an exhibit that must exist in the data. */
export interface Names {
  readonly indicators?: readonly string[];
  readonly regions?: readonly string[];
}

/** One indicator for one region in the years given: values an exhibit shows. */
export interface Cells {
  readonly indicator: string;
  readonly region: string;
  readonly years: readonly number[];
}

/** A value at least one of the regions must have in the year, or the exhibit cannot be drawn as it should. */
export interface Requirement {
  readonly indicator: string;
  readonly regions: readonly string[];
  readonly year: number;
}

/** What the completeness check reads: the values shown and those the exhibit cannot do without. */
export interface Coverage {
  /** A missing one prints ".." or leaves a bar out, with a footnote: a warning. */
  readonly shown: readonly Cells[];
  /** A missing one stops the build: an error. */
  readonly required?: readonly Requirement[];
  /** Gaps in other data than observations (the production-index weights): errors. */
  readonly problems?: readonly Message[];
}

/** An exhibit of the kind as the schema gives it: the shared fields and the kind's own. */
export type Exhibit<K extends string, S extends z.ZodRawShape> = SharedExhibit & { readonly kind: K } & z.output<z.ZodObject<S>>;

export interface KindSpec<K extends string, S extends z.ZodRawShape> {
  readonly kind: K;
  /** The kind's own fields, beside the shared ones. */
  readonly fields: S;
  readonly table: Part;
  readonly chart: Part;
  names(exhibit: Exhibit<K, S>): Names;
  /** Only what is drawn: `exhibit.table` and `exhibit.chart` say which. */
  coverage(exhibit: Exhibit<K, S>, context: CoverageContext): Coverage;
  /** Table and chart drafts; the registry drops what `table:`/`chart:` turn off. */
  build(exhibit: Exhibit<K, S>, context: ExhibitContext): KindDraft;
  /** What the schema alone cannot tell (a year outside the report's): each problem at the field it is about. */
  problems?(exhibit: Exhibit<K, S>, frame: ReportFrame): readonly FieldProblem[];
}

/** A problem with one field of an exhibit; report.yaml's loader locates it at that field. */
export interface FieldProblem {
  readonly field: string;
  readonly message: Message;
}

// Method syntax: a kind of one exhibit type stands for a kind of the union in the registry.
export interface KindModule<E extends SharedExhibit> {
  readonly kind: E["kind"];
  readonly schema: z.ZodDiscriminatedUnionOption<"kind">;
  readonly table: Part;
  readonly chart: Part;
  names(exhibit: E): Names;
  coverage(exhibit: E, context: CoverageContext): Coverage;
  build(exhibit: E, context: ExhibitContext): KindDraft;
  problems?(exhibit: E, frame: ReportFrame): readonly FieldProblem[];
}

/** The exhibit type of a kind. */
export type ExhibitOf<T> = T extends KindModule<infer E> ? E : never;

export function defineExhibitKind<K extends string, S extends z.ZodRawShape>(spec: KindSpec<K, S>): KindModule<Exhibit<K, S>> {
  const schema = z
    .object({
      id,
      kind: z.literal(spec.kind),
      title: z.string().min(1).optional(),
      note: plainText.optional(),
      table: partField(spec.table, msg.config.kindHasNoTable(spec.kind).text, msg.config.kindAlwaysTable(spec.kind).text),
      chart: partField(spec.chart, msg.config.kindHasNoChart(spec.kind).text, msg.config.kindAlwaysChart(spec.kind).text),
      ...spec.fields,
    })
    .strict();
  return { ...spec, schema };
}

/** `table:`/`chart:`: a choice (default on), or the one value the kind allows, so a `chart: true` it would ignore is an error. */
function partField(part: Part, never: string, always: string): z.ZodType<boolean, z.ZodTypeDef, unknown> {
  switch (part) {
    case "optional":
      return z.boolean().default(true);
    case "always":
      return z.literal(true, { errorMap: () => ({ message: always }) }).default(true);
    case "never":
      return z.literal(false, { errorMap: () => ({ message: never }) }).default(false);
  }
}
