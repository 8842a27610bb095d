/**
 * npm run bench: how long the build takes and how much memory it uses.
 * Speed is measured here, never asserted in tests (a loaded CI machine would
 * make a timed test flaky).
 *
 *   npm run bench [-- <year> <runs>]   model and full report in this process, warm, and preview latency (scripts/bench/preview.ts)
 *   npm run bench -- --full            a synthetic full-size report through the real command line, cold, against the
 *                                      bare stages (scripts/bench/full.ts, docs/benchmark.md)
 *   npm run bench -- --claims          issue 17's rows alone: check -- 2025 with the claim check, and draft on the synthetic project
 */
if (process.argv.includes("--full")) await import("./bench/full.js");
else if (process.argv.includes("--claims")) await import("./bench/claims.js");
else await import("./bench/preview.js");
