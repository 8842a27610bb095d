import { ReportError } from "../errors.js";

/** A file-system error on an output file, as help: which file, what happened, what to do. */
export function outputError(error: unknown, displayPath: string): ReportError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const reasons: Record<string, [string, string]> = {
    EACCES: ["permission denied", "check that you may write to the folder, and that the file is not open in another program"],
    EPERM: ["the file or folder is locked or read-only", "close it in Word or the PDF viewer, or remove the lock (read-only/immutable flag), and build again"],
    EBUSY: ["the file is in use", "close it in the program that has it open and build again"],
    EROFS: ["the disk is read-only", "write the report to another disk (--root) or ask for write access"],
    ENOSPC: ["the disk is full", "free some space and build again; the previous files are unchanged"],
    EDQUOT: ["the disk quota is used up", "free some space and build again; the previous files are unchanged"],
    ENOTDIR: ["a part of the path is a file, not a folder", "remove or rename that file so the folder can be created"],
    EISDIR: ["it is a folder, not a file", "remove or rename the folder"],
    EEXIST: ["a file stands where a folder is needed", "remove or rename that file"],
  };
  const [reason, hint] = reasons[code] ?? [(error as Error).message ?? String(error), "the previous files are unchanged"];
  return new ReportError(`cannot write ${displayPath}: ${reason}`, { location: { file: displayPath }, hint, cause: error });
}
