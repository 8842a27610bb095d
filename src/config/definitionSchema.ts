import { z } from "zod";
import { exhibitSchema, type ExhibitDefinition } from "../model/exhibits/registry.js";
import { id, regionId, year } from "./fields.js";

/**
 * The report definition (`data/<year>/report.yaml`): what the document holds
 * and in which order. Adding a chapter means adding entries here, data and
 * commentary, never code. The exhibits' schema is made from the exhibit
 * kinds' registry (`src/model/exhibits/registry.ts`): each kind's module
 * says its fields, and how it is checked and drawn.
 */

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
export type { ExhibitDefinition };
export type ExhibitKind = ExhibitDefinition["kind"];
export type DerivedDefinition = ReportDefinition["derived"][number];

/** Every exhibit of the definition, in reading order. */
export function allExhibits(definition: ReportDefinition): ExhibitDefinition[] {
  return definition.chapters.flatMap((c) => c.sections.flatMap((s) => s.exhibits));
}
