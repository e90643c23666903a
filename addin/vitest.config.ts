import { defineConfig } from "vitest/config";

// Unit tests only: pure list logic, the API client and the office.js wiring (office-addin-mock).
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
