import { resolve } from "node:path";
import { defineConfig } from "vite";

/**
 * auth-redirect.html, MSAL.js v5's redirect bridge, built after the pane (npm run build runs both) into
 * the same dist/. A build of its own, not a second input of vite.config.ts: there it shares MSAL's
 * modules with the pane's lazy MSAL chunk and the bundler's runtime with the pane's entry chunk, so the
 * page would fetch about 25 kB gzip of MSAL instead of 3, and import (and so run) the pane's entry; the
 * shared runtime would also cost the pane's first render a request. Alone it is one small chunk.
 */
export default defineConfig({
  base: "/",
  // The pane's build has copied public/ already.
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2022",
    sourcemap: false,
    // No polyfill: the page has a single chunk and nothing to preload.
    modulePreload: false,
    // Beside the pane's manifest; scripts/bench-pane.mjs reports this chunk as sign-in only.
    manifest: ".vite/auth-redirect-manifest.json",
    rollupOptions: {
      input: { "auth-redirect": resolve(import.meta.dirname, "auth-redirect.html") },
    },
  },
});
