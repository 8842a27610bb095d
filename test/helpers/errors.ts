import { ReportError } from "../../src/errors.js";

/** The ReportError `run` throws; anything else (or nothing) fails the test. */
export function errorOf(run: () => unknown): ReportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReportError) return error;
    throw error;
  }
  throw new Error("expected a ReportError");
}
