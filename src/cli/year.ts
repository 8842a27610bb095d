import { ReportError } from "../errors.js";

/** The report year from the positional arguments: four digits, e.g. 2025. */
export function yearArgument(positionals: readonly string[], command: string): number {
  const text = positionals[0];
  if (text === undefined) throw new ReportError(`which year? e.g. npm run ${command} -- 2025`);
  if (!/^\d{4}$/.test(text)) throw new ReportError(`"${text}" is not a year`, { hint: `give the report year with four digits, e.g. npm run ${command} -- 2025` });
  return Number(text);
}
