import { MISSING_SYMBOLS } from "../format/symbols.js";
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

/** An empty cell, or a number with a decimal point. */
const optionalNumber = z
  .string()
  .regex(/^(-?\d+(\.\d+)?)?$/, "expected a number with a decimal point (e.g. -100), or nothing")
  .optional()
  .transform((text) => (text ? Number(text) : undefined));

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
  /** The plausible range, when the unit's own (see `plausibleRange`) does not fit, e.g. a deviation in prosent. */
  min: optionalNumber,
  max: optionalNumber,
  /** Where SSB publishes it: table number, ContentsCode (or the CSV's variable label) … */
  ssb_table: z.string().regex(/^(\d{5})?$/, "expected SSB's five-digit table number, e.g. 12362, or nothing").optional().default(""),
  ssb_contents: z.string().optional().default(""),
  /** … and the other dimensions held fixed, e.g. "KOKfunksjon0000=202 KOKregnskapsomfa0000=B". */
  ssb_dimensions: z
    .string()
    .regex(/^([^=\s]+=[^=\s]+(\s+[^=\s]+=[^=\s]+)*)?$/, 'expected dimension=code pairs separated by spaces, e.g. "KOKfunksjon0000=202"')
    .optional()
    .default(""),
  /** SSB's numbers are in kr (1) or 1 000 kr (1000); they are converted to this indicator's `scale`. */
  ssb_scale: z.enum(["", "1", "1000"], { message: "expected 1 or 1000, or nothing" }).optional().default("").transform((text) => (text ? Number(text) : 1)),
});


/**
 * One value with where it came from. Only the first four columns are needed
 * for a figure typed in by hand; an import from SSB fills in the rest.
 */
export const observationRow = z
  .object({
    indicator: id,
    region: z.string().min(1, "expected a region id"),
    year,
    /** Empty when the source has no number; `status` then says why. */
    value: z
      .string()
      .regex(/^(-?\d+(\.\d+)?)?$/, "expected a number with a decimal point (e.g. 13.9)")
      .transform((text) => (text === "" ? undefined : Number(text))),
    status: z.enum(["", ...MISSING_SYMBOLS], { message: `expected one of SSB's symbols ${MISSING_SYMBOLS.join(" ")} or nothing` }).optional().default(""),
    /** "SSB 12255", "asss.no", "egne tall"; empty: the indicator's source in indicators.csv. */
    source: z.string().optional().default(""),
    release: z.enum(["", "foreløpig", "endelig"], { message: 'expected "foreløpig", "endelig" or nothing' }).optional().default(""),
    /** When SSB last updated the table (its `updated`), ISO 8601. */
    updated: z.string().regex(/^(\d{4}-\d\d-\d\d(T[\d:.]+Z?)?)?$/, "expected an ISO date such as 2025-03-15").optional().default(""),
    /** The day the value was imported, ISO 8601. */
    imported: z.string().regex(/^(\d{4}-\d\d-\d\d)?$/, "expected an ISO date such as 2025-03-15").optional().default(""),
    /** "tekst": read from the source document's prose, not from a table. */
    basis: z.enum(["", "tabell", "tekst"], { message: 'expected "tabell", "tekst" or nothing' }).optional().default(""),
    note: z.string().optional().default(""),
  })
  .superRefine((row, ctx) => {
    if (row.value === undefined && row.status === "") {
      ctx.addIssue({ code: "custom", path: ["value"], message: `expected a number, or a symbol in "status" (${MISSING_SYMBOLS.join(" ")}) saying why there is none` });
    }
    if (row.value !== undefined && row.status !== "") {
      ctx.addIssue({ code: "custom", path: ["status"], message: "a value with a missing-value symbol: leave one of them empty" });
    }
  });

export const weightRow = z.object({
  indicator: id,
  year,
  weight: decimalNumber,
});

/**
 * Values an indicator can take, by unit: a share is 0–100 %, counts,
 * hours, kroner per user and points are never negative. An indicator's own
 * `min`/`max` in indicators.csv override these (a deviation in prosent can be
 * negative; kroner are unbounded because a deviation in kr can be too).
 */
export function plausibleRange(indicator: IndicatorRow): { readonly min: number; readonly max: number } {
  const unit: Record<Unit, readonly [number, number]> = {
    prosent: [0, 100],
    prosentpoeng: [-100, 100],
    kr: [-Infinity, Infinity],
    elever: [0, Infinity],
    barn: [0, Infinity],
    timer: [0, Infinity],
    årsverk: [0, Infinity],
    indeks: [0, Infinity],
    poeng: [0, Infinity],
  };
  const [min, max] = unit[indicator.unit];
  return { min: indicator.min ?? min, max: indicator.max ?? max };
}

export type RegionRow = z.output<typeof regionRow>;
export type IndicatorRow = z.output<typeof indicatorRow>;
export type ObservationRow = z.output<typeof observationRow>;
export type WeightRow = z.output<typeof weightRow>;
export type Unit = (typeof units)[number];
