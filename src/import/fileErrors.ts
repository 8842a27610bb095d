/**
 * A file-system failure said as what the user can do about it, with the file
 * named: a folder given where a file was meant, a full disk, no access. Any
 * other failure is left as it is (a bug, shown as "intern feil").
 */
import { ReportError } from "../errors.js";
import { msg } from "../messages/catalogue.js";

export function explainFileError(error: unknown, display: string, action: "les" | "skriv"): ReportError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const location = { location: { file: display }, cause: error };
  switch (code) {
    case "EISDIR":
      return new ReportError(msg.importing.isDirectory(), location);
    case "ENOSPC":
    case "EDQUOT":
      return new ReportError(msg.importing.diskFull(), location);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      // The code (EACCES …) stays in the cause, for --debug; the message says it in words.
      return new ReportError(msg.importing.noAccess(action === "les" ? "lese" : "skrive", code === "EROFS"), location);
    case "ENOENT":
      return action === "les" ? new ReportError(msg.importing.fileNotFound(), location) : undefined;
    default:
      return undefined;
  }
}

/** Runs a file operation; a failure the user can fix becomes a located ReportError. */
export function withFileErrors<T>(display: string, action: "les" | "skriv", run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw explainFileError(error, display, action) ?? error;
  }
}
