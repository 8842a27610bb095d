import { MISSING_SYMBOLS } from "../format/symbols.js";
import { z } from "zod";
import { msg } from "../messages/catalogue.js";

const say = msg.data;

/**
 * What one row of each data file must look like. Numbers are written with a
 * decimal point in the files (machine format); Norwegian formatting happens
 * only on the way out.
 */

const decimalNumber = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, say.expectDecimal("13.9").text)
  .transform(Number);

/** An empty cell, or a number with a decimal point. */
const optionalNumber = z
  .string()
  .regex(/^(-?\d+(\.\d+)?)?$/, say.expectDecimalOrEmpty("-100").text)
  .optional()
  .transform((text) => (text ? Number(text) : undefined));

const year = z
  .string()
  .regex(/^(19|20)\d\d$/, say.expectYear().text)
  .transform(Number);

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, say.expectId().text);

export const regionRow = z.object({
  id: z.string().min(1, say.expectRegionId().text),
  name: z.string().min(1, say.expectText("et navn").text),
  short_name: z.string().min(1, say.expectText("et kort navn").text),
  kind: z.enum(["kommune", "snitt"], { message: say.expectOneOf(["kommune", "snitt"]).text }),
});

export const units = ["kr", "prosent", "prosentpoeng", "elever", "barn", "timer", "årsverk", "indeks", "poeng"] as const;

export const indicatorRow = z.object({
  id,
  title: z.string().min(1, say.expectText("en norsk tittel").text),
  short_title: z.string().min(1, say.expectText("en kort tittel").text),
  unit: z.enum(units, { message: say.expectOneOf(units).text }),
  scale: z.enum(["1", "1000"], { message: say.expectOneOf(["1", "1000"]).text }).transform(Number),
  decimals: z.string().regex(/^[0-3]$/, say.expectDecimals().text).transform(Number),
  source: z.string().min(1, say.expectText("en kildelinje (SSB/KOSTRA, asss.no …)").text),
  kostra_function: z
    .string()
    .regex(/^(\d{3}(, ?\d{3})*)?$/, say.expectKostraFunction().text)
    .optional()
    .default(""),
  /** The plausible range, when the unit's own (see `plausibleRange`) does not fit, e.g. a deviation in prosent. */
  min: optionalNumber,
  max: optionalNumber,
  /** Where SSB publishes it: table number, ContentsCode (or the CSV's variable label) … */
  ssb_table: z.string().regex(/^(\d{5})?$/, say.expectSsbTable().text).optional().default(""),
  ssb_contents: z.string().optional().default(""),
  /** … and the other dimensions held fixed, e.g. "KOKfunksjon0000=202 KOKregnskapsomfa0000=B". */
  ssb_dimensions: z
    .string()
    .regex(/^([^=\s]+=[^=\s]+(\s+[^=\s]+=[^=\s]+)*)?$/, say.expectDimensions().text)
    .optional()
    .default(""),
  /** SSB's numbers are in kr (1) or 1 000 kr (1000); they are converted to this indicator's `scale`. */
  ssb_scale: z.enum(["", "1", "1000"], { message: say.expectOneOf(["1", "1000", ""]).text }).optional().default("").transform((text) => (text ? Number(text) : 1)),
  /**
   * How far apart two values may be and still read as "about the same" (src/indicators/tolerance.ts):
   * "0.3" in the indicator's unit, "2%" of the value compared against; empty: the unit's default.
   */
  tolerance: z
    .string()
    .regex(/^((\d+(\.\d+)?)%?)?$/, msg.claims.expectTolerance().text)
    .optional()
    .default("")
    .transform((text) => (text ? { amount: Number(text.replace("%", "")), relative: text.endsWith("%") } : undefined)),
});


/**
 * One value with where it came from. Only the first four columns are needed
 * for a figure typed in by hand; an import from SSB fills in the rest.
 */
export const observationRow = z
  .object({
    indicator: id,
    region: z.string().min(1, say.expectRegionId().text),
    year,
    /** Empty when the source has no number; `status` then says why. */
    value: z
      .string()
      .regex(/^(-?\d+(\.\d+)?)?$/, say.expectDecimal("13.9").text)
      .transform((text) => (text === "" ? undefined : Number(text))),
    status: z.enum(["", ...MISSING_SYMBOLS], { message: say.expectOneOf(["", ...MISSING_SYMBOLS]).text }).optional().default(""),
    /** "SSB 12255", "asss.no", "egne tall"; empty: the indicator's source in indicators.csv. */
    source: z.string().optional().default(""),
    release: z.enum(["", "foreløpig", "endelig"], { message: say.expectOneOf(["foreløpig", "endelig", ""]).text }).optional().default(""),
    /** When SSB last updated the table (its `updated`), ISO 8601. */
    updated: z.string().regex(/^(\d{4}-\d\d-\d\d(T[\d:.]+Z?)?)?$/, say.expectIsoDate().text).optional().default(""),
    /** The day the value was imported, ISO 8601. */
    imported: z.string().regex(/^(\d{4}-\d\d-\d\d)?$/, say.expectIsoDate().text).optional().default(""),
    /** "tekst": read from the source document's prose, not from a table. */
    basis: z.enum(["", "tabell", "tekst"], { message: say.expectOneOf(["tabell", "tekst", ""]).text }).optional().default(""),
    note: z.string().optional().default(""),
  })
  .superRefine((row, ctx) => {
    if (row.value === undefined && row.status === "") {
      ctx.addIssue({ code: "custom", path: ["value"], message: say.numberOrSymbol(MISSING_SYMBOLS.join(" ")).text });
    }
    if (row.value !== undefined && row.status !== "") {
      ctx.addIssue({ code: "custom", path: ["status"], message: say.numberAndSymbol().text });
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
