import { z } from "zod";

/**
 * What one row of each data file must look like. Numbers are written with a
 * decimal point in the files (machine format); Norwegian formatting happens
 * only on the way out.
 */

const decimalNumber = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, "expected a number with a decimal point (e.g. 13.9)")
  .transform(Number);

const year = z
  .string()
  .regex(/^(19|20)\d\d$/, "expected a four-digit year")
  .transform(Number);

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected an id of lower-case letters, digits and dashes");

export const regionRow = z.object({
  id: z.string().min(1, "expected a region id (municipality number or a name such as asss-med-oslo)"),
  name: z.string().min(1, "expected a name"),
  short_name: z.string().min(1, "expected a short name"),
  kind: z.enum(["kommune", "snitt"], { message: 'expected "kommune" or "snitt"' }),
});

export const units = ["kr", "prosent", "prosentpoeng", "elever", "barn", "timer", "årsverk", "indeks", "poeng"] as const;

export const indicatorRow = z.object({
  id,
  title: z.string().min(1, "expected a Norwegian title"),
  short_title: z.string().min(1, "expected a short title"),
  unit: z.enum(units, { message: `expected one of ${units.join(", ")}` }),
  scale: z.enum(["1", "1000"], { message: 'expected 1 or 1000' }).transform(Number),
  decimals: z.string().regex(/^[0-3]$/, "expected 0 to 3 decimals").transform(Number),
  source: z.string().min(1, "expected a source line (SSB/KOSTRA, asss.no, …)"),
  kostra_function: z
    .string()
    .regex(/^(\d{3}(, ?\d{3})*)?$/, "expected a KOSTRA function such as 202, or nothing")
    .optional()
    .default(""),
});

export const observationRow = z.object({
  indicator: id,
  region: z.string().min(1, "expected a region id"),
  year,
  value: decimalNumber,
  note: z.string().optional().default(""),
});

export const weightRow = z.object({
  indicator: id,
  year,
  weight: decimalNumber,
});

export type RegionRow = z.output<typeof regionRow>;
export type IndicatorRow = z.output<typeof indicatorRow>;
export type ObservationRow = z.output<typeof observationRow>;
export type WeightRow = z.output<typeof weightRow>;
export type Unit = (typeof units)[number];
