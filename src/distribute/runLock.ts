import { ReportError } from "../errors.js";
import { acquireLock, startedText, type Lock } from "../lock/lockFile.js";
import { msg } from "../messages/catalogue.js";

export interface RunLockContext {
  /** The lock file as the user sees it (relative to the project). */
  readonly display: string;
  readonly year: number;
  readonly log: (line: string) => void;
}

/**
 * One distribution run per year at a time (src/lock/lockFile.ts), so two runs
 * started together do not both read the same sent-log and send everyone the
 * mail twice. Refusals and the take-over of a dead run's lock are told in the
 * distribution's own words.
 */
export function acquireRunLock(file: string, context: RunLockContext): Lock {
  return acquireLock(file, {
    command: "npm run distribute",
    display: context.display,
    guards: context.display,
    refusals: {
      held: (holder) => new ReportError(msg.distribute.runLocked(context.year, holder.pid, startedText(holder), holder.host, context.display)),
      unreadable: () => new ReportError(msg.distribute.lockUnreadable(context.display)),
    },
    onTakeOver: (stale) => context.log(msg.distribute.staleLock(stale.pid, startedText(stale)).text),
  });
}
