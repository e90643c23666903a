import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The worker serves dist/ at the site root, so absolute asset URLs ("/assets/…") are right;
// the manifest points at /taskpane.html and /assets/icon-*.png.
export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // React DOM plus Fluent's runtime (Griffel, Tabster, floating-ui) is ~600 kB minified, ~180 kB
    // gzip, as one file served from the worker on this machine; splitting it would not load less.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: { taskpane: resolve(import.meta.dirname, "taskpane.html") },
    },
  },
});
