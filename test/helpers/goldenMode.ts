/**
 * Whether this run may rewrite golden files: only when asked (UPDATE_GOLDEN=1)
 * and never in CI, where a rewrite would make every golden pass unseen.
 * Kept apart from golden.ts so the run's global setup can ask without loading vitest.
 */
export function goldenUpdateRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const update = isSet(env.UPDATE_GOLDEN);
  if (update && isSet(env.CI)) {
    throw new Error(
      `UPDATE_GOLDEN=${env.UPDATE_GOLDEN} er avvist fordi CI=${env.CI} er satt: i CI skal fasitfilene sammenlignes, aldri skrives på nytt. ` +
        "Kjør UPDATE_GOLDEN=1 npx vitest run test/model lokalt, se over diffen og commit fasitfilene.",
    );
  }
  return update;
}

/** Set, and not one of the ways of saying no. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && !["", "0", "false", "no"].includes(value.trim().toLowerCase());
}
