import { z } from "zod";

/**
 * The report definition (`data/<year>/report.yaml`): what the document holds
 * and in which order. Adding a chapter means adding entries here, data and
 * commentary, never code: every exhibit kind below is drawn by a generic
 * builder in `src/model/exhibits/`.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected an id of lower-case letters, digits and dashes");
const regionId = z.string().min(1);
const year = z.number().int().min(1900).max(2100);

const common = {
  id,
  /** Caption; defaults to the indicator's title where there is one. */
  title: z.string().min(1).optional(),
  /** Extra sentence under the caption, e.g. what is left out. */
  note: z.string().min(1).optional(),
  /** Alternative text lead; the data part is always generated. */
  chart: z.boolean().default(true),
  table: z.boolean().default(true),
};

/** One indicator, every comparison region, every report year. */
const comparison = z.object({ ...common, kind: z.literal("comparison"), indicator: id }).strict();

/** Several indicators (categories) for one region over the years. */
const breakdown = z
  .object({
    ...common,
    kind: z.literal("breakdown"),
    indicators: z.array(id).min(1),
    region: regionId.optional(),
    /** Stacked bars for shares of a whole, grouped bars otherwise. */
    stacked: z.boolean().default(false),
  })
  .strict();

/** Indicators as rows, years × regions as column groups (nasjonale prøver). */
const matrix = z
  .object({
    ...common,
    kind: z.literal("matrix"),
    indicators: z.array(id).min(1),
    regions: z.array(regionId).min(1),
    years: z.array(year).min(1),
    /** Header of the row-label column, e.g. "Trinn". */
    stub: z.string().default(""),
    /** Text before the year in the column-group header, e.g. "Resultat". */
    group_prefix: z.string().optional(),
  })
  .strict();

/** The municipality's indicators as an index against the average = 100. */
const profile = z
  .object({ ...common, kind: z.literal("profile"), indicators: z.array(id).min(1), year: year.optional() })
  .strict();

/**
 * Key figures of a sector, as an annual report shows them: indicators as
 * rows, the chosen years as columns, for one region (the municipality).
 */
const keyfigures = z
  .object({
    ...common,
    kind: z.literal("keyfigures"),
    chart: z.boolean().default(false),
    indicators: z.array(id).min(1),
    years: z.array(year).min(1),
    region: regionId.optional(),
  })
  .strict();

/** Weights of the production index. */
const weights = z.object({ ...common, kind: z.literal("weights"), year }).strict();

/** Index values of single components against the average = 100 (production index). */
const components = z
  .object({ ...common, kind: z.literal("components"), indicators: z.array(id).min(1), year })
  .strict();

/** Production, cost and the derived efficiency, all against the average = 100. */
const efficiency = z
  .object({ ...common, kind: z.literal("efficiency"), production: id, cost: id, efficiency: id, year })
  .strict();

/**
 * An indicator computed from others, for every region and year where its
 * inputs exist: `ratio: [a, b]` is a ÷ b × 100 (efficiency = production ÷ cost).
 */
const derivedIndicator = z
  .object({
    id,
    title: z.string().min(1),
    short_title: z.string().min(1),
    ratio: z.tuple([id, id]),
  })
  .strict();

export const exhibitSchema = z.discriminatedUnion("kind", [
  comparison,
  breakdown,
  matrix,
  profile,
  weights,
  components,
  efficiency,
  keyfigures,
]);

const section = z
  .object({
    id,
    /** No title: the section's text and exhibits follow the chapter heading (a lead, a closing table). */
    title: z.string().min(1).optional(),
    /** `false` for a section that is only tables and charts; otherwise a commentary file must exist. */
    commentary: z.boolean().default(true),
    exhibits: z.array(exhibitSchema).default([]),
  })
  .strict();

const chapter = z
  .object({
    id,
    title: z.string().min(1),
    /** "Området omfatter: …" */
    scope: z.string().min(1).optional(),
    sections: z.array(section).min(1),
  })
  .strict();

export const definitionSchema = z
  .object({
    /** The document's name: output files are <document>-<year>.pdf, and --document chooses it. */
    document: id.default("kostra-analyse"),
    /** Template set: templates/<style>/ may override partials and add style.css; the Word style set of that name. */
    style: id.optional(),
    /** The table of contents; a one-chapter document may not want one. */
    toc: z.boolean().default(true),
    /** First figure and table number, so a chapter takes its place in a larger report ("Tabell 15"). */
    numbering: z
      .object({ figures: z.number().int().min(1).default(1), tables: z.number().int().min(1).default(1) })
      .strict()
      .default({ figures: 1, tables: 1 }),
    title: z.string().min(1),
    subtitle: z.string().min(1).optional(),
    organisation: z.string().min(1),
    published: z.string().min(1).optional(),
    municipality: regionId,
    /** Every region in the comparison tables, the municipality first. */
    regions: z.array(regionId).min(1),
    /** The region that is 100 in index charts. */
    average: regionId,
    years: z.array(year).min(1),
    derived: z.array(derivedIndicator).default([]),
    /** The e-mail that sends the report: headline figures as commentary expressions. */
    distribution: z
      .object({ headlines: z.array(z.string().min(1)).default([]) })
      .strict()
      .default({ headlines: [] }),
    chapters: z.array(chapter).min(1),
  })
  .strict();

export type ReportDefinition = z.output<typeof definitionSchema>;
export type ChapterDefinition = ReportDefinition["chapters"][number];
export type SectionDefinition = ChapterDefinition["sections"][number];
export type ExhibitDefinition = z.output<typeof exhibitSchema>;
export type ExhibitKind = ExhibitDefinition["kind"];
export type DerivedDefinition = ReportDefinition["derived"][number];

/** Every exhibit of the definition, in reading order. */
export function allExhibits(definition: ReportDefinition): ExhibitDefinition[] {
  return definition.chapters.flatMap((c) => c.sections.flatMap((s) => s.exhibits));
}
