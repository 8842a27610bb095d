/**
 * Recognises the two layouts of SSB's CSV download from the header row:
 *
 *   long:  "region";"statistikkvariabel";"år";"12134: Utvalgte nøkkeltall …"
 *          one row per region × variable × year (× any other dimension),
 *          the number in the last column; "statistikkvariabel" may be absent
 *          when the table has one variable (the last header then names it);
 *   wide:  "region";"Netto driftsutgifter … 2023";"Netto driftsutgifter … 2024"
 *          one row per region (× other dimensions), one column per variable × year;
 *          or "region";"statistikkvariabel";"2023";"2024" with one column per year.
 *
 * Other leading columns ("funksjon", "art" …) are extra dimensions in both.
 */

export type CsvLayout =
  | {
      readonly kind: "csv-long";
      readonly region: number;
      readonly time: number;
      readonly contents: number | undefined;
      readonly value: number;
      readonly dimensions: readonly number[];
    }
  | {
      readonly kind: "csv-wide";
      readonly region: number;
      readonly dimensions: readonly number[];
      /** The variable column when the header has bare years ("region";"statistikkvariabel";"2023";"2024"). */
      readonly contents: number | undefined;
      /** Value columns; `contents` is undefined for a bare year (the variable is then in its row). */
      readonly values: readonly { readonly column: number; readonly contents: string | undefined; readonly year: number }[];
    };

export const KNOWN_LAYOUTS =
  'langt ("region";"statistikkvariabel";"år";<tall>) eller bredt ("region";"<variabel> <år>";… eller "region";"statistikkvariabel";"<år>";…), med koder i kommunekolonnen ("3201 Bærum")';

const REGION = /^(region|kommune|kommuneregion)$/i;
const TIME = /^(år|tid|year|time)$/i;
const CONTENTS = /^(statistikkvariabel|statistikkvariabler|contents)$/i;
const VARIABLE_YEAR = /^(.*\S)\s+(\d{4})$/;

export function detectLayout(header: readonly string[]): CsvLayout | undefined {
  const names = header.map((h) => h.trim());
  const region = names.findIndex((h) => REGION.test(h));
  if (region === -1 || names.length < 2) return undefined;
  const time = names.findIndex((h) => TIME.test(h));
  if (time !== -1) {
    const value = names.length - 1;
    if (value === region || value === time) return undefined;
    const contentsIndex = names.findIndex((h) => CONTENTS.test(h));
    const contents = contentsIndex === -1 ? undefined : contentsIndex;
    const dimensions = names.map((_, i) => i).filter((i) => i !== region && i !== time && i !== contents && i !== value);
    return { kind: "csv-long", region, time, contents, value, dimensions };
  }
  const contentsIndex = names.findIndex((h) => CONTENTS.test(h));
  const contents = contentsIndex === -1 ? undefined : contentsIndex;
  const values: { column: number; contents: string | undefined; year: number }[] = [];
  const dimensions: number[] = [];
  names.forEach((h, column) => {
    if (column === region || column === contents) return;
    const match = VARIABLE_YEAR.exec(h);
    if (match) values.push({ column, contents: match[1]!, year: Number(match[2]) });
    else if (/^\d{4}$/.test(h) && contents !== undefined) values.push({ column, contents: undefined, year: Number(h) });
    else dimensions.push(column);
  });
  return values.length > 0 ? { kind: "csv-wide", region, contents, dimensions, values } : undefined;
}
