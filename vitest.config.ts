import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A temp dir of the run's own, checked empty when the run ends.
    globalSetup: ["test/helpers/tempRoot.ts"],
    // End-to-end tests start Chromium; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
