/**
 * One run of `task` at a time: a call while it runs joins that run and gets
 * its result; a call after it has finished starts a new one.
 */
export interface Joined<T> {
  (): Promise<T>;
  /** The run under way, if any. */
  running(): Promise<T> | undefined;
}

export function joinRunning<T>(task: () => Promise<T>): Joined<T> {
  let current: Promise<T> | undefined;
  const run = (): Promise<T> => {
    current ??= task().finally(() => {
      current = undefined;
    });
    return current;
  };
  return Object.assign(run, { running: () => current });
}
