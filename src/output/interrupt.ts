/**
 * What must be undone if the user stops a build (Ctrl+C, SIGTERM from a
 * scheduler): half-written temporary files, Chromium and its profile folder.
 * Each step registers a synchronous clean-up while it holds something and
 * removes it when done; the command line runs whatever is left on a signal.
 */
const cleanups = new Set<() => void>();

export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered clean-up once, newest first; a failing one does not stop the others. */
export function runInterruptCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is about to exit.
    }
  }
}
