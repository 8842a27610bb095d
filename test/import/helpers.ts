import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ReportError } from "../../src/errors.js";

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "ssb");
export const fixture = (name: string): string => readFileSync(join(fixtures, name), "utf8");
export const fixtureBytes = (name: string): Buffer => readFileSync(join(fixtures, name));

export { errorOf } from "../helpers/errors.js";

export async function asyncErrorOf(run: () => Promise<unknown>): Promise<ReportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ReportError) return error;
    throw error;
  }
  throw new Error("expected a ReportError");
}
