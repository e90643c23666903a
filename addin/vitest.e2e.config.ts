import { defineConfig } from "vitest/config";

// The browser test: starts the real worker and drives the built pane in Debian's headless Chromium.
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
