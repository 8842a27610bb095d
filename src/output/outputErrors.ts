import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

/** A file-system error on an output file, as help: which file, what happened, what to do. */
export function outputError(error: unknown, displayPath: string): ReportError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const detail = error instanceof Error ? error.message : String(error);
  return new ReportError(msg.render.cannotWrite(displayPath, code, detail), { location: { file: displayPath }, cause: error });
}
