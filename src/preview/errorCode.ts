/** The `code` of a Node system error (`EADDRINUSE`, `ENOENT` …), without casting. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
