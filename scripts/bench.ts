/**
 * npm run bench: how long the build takes and how much memory it uses.
 * Speed is measured here, never asserted in tests (a loaded CI machine would
 * make a timed test flaky).
 *
 *   npm run bench [-- <year> <runs>]   model and full report in this process, warm, and preview latency (scripts/bench/preview.ts)
 *   npm run bench -- --full            a synthetic full-size report through the real command line, cold, against the
 *                                      bare stages (scripts/bench/full.ts, docs/benchmark.md)
 */
if (process.argv.includes("--full")) await import("./bench/full.js");
else await import("./bench/preview.js");
