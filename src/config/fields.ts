import { z } from "zod";
import { msg } from "../messages/catalogue.js";

/**
 * The field types the report definition is made of, shared by its own
 * schema (definitionSchema.ts) and by the exhibit kinds' schemas
 * (src/model/exhibits/), which the definition's schema is built from.
 */

export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, msg.config.idFormat().text);
export const regionId = z.string().min(1);
export const year = z.number().int().min(1900).max(2100);

/** Marks that would be printed as typed in a field of plain text: `{{…}}` expressions and Markdown. */
const NOT_PLAIN = [
  { pattern: /\{\{|\}\}/, message: () => msg.config.plainTextExpression().text },
  { pattern: /\*\*|__|`|\]\(|~~/, message: () => msg.config.plainTextMarkdown().text },
];

/** A text printed as it stands (an exhibit's `note:`): an expression or Markdown in it is refused, not shown as typed. */
export const plainText = NOT_PLAIN.reduce<z.ZodType<string, z.ZodTypeDef, unknown>>(
  (schema, { pattern, message }) => schema.refine((text) => !pattern.test(text), () => ({ message: message() })),
  z.string().min(1),
);

/** What of the report definition an exhibit may read besides its own fields. */
export interface ReportFrame {
  readonly municipality: string;
  /** The region that is 100 in index charts. */
  readonly average: string;
  /** Every region of the comparison tables, the municipality first. */
  readonly regions: readonly string[];
  readonly years: readonly number[];
}

/** The latest of the report's years: the year a single-year exhibit shows unless it names one. */
export function reportYear(frame: ReportFrame): number {
  return Math.max(...frame.years);
}
