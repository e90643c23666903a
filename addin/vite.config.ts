import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * Fluent packages only the lazy views (and the pairing form, lazy too: a paired or Entra-signed-in pane never
 * shows it) use. Listed by hand: every component is reachable from the
 * @fluentui/react-components barrel, so the module graph cannot tell. If the first render ever
 * needs one, the entry imports the views chunk statically and bench-pane.mjs reports it as initial.
 */
const lazyPackages = /\/node_modules\/@fluentui\/(react-select|react-checkbox|react-switch|react-textarea|react-motion-components-preview|react-input|react-field)\//;

type ModuleInfoLookup = (id: string) => { isEntry: boolean; importers: readonly string[] } | null;
const initialMemo = new Map<string, boolean>();

/** Reached from the entry by static imports alone, i.e. loaded before the first render. */
function isInitial(id: string, info: ModuleInfoLookup, visiting = new Set<string>()): boolean {
  const known = initialMemo.get(id);
  if (known !== undefined) return known;
  const module = info(id);
  if (!module) return true;
  if (module.isEntry || /\.html$/.test(id)) return true;
  if (visiting.has(id)) return false;
  visiting.add(id);
  const result = module.importers.some((importer) => isInitial(importer, info, visiting));
  visiting.delete(id);
  initialMemo.set(id, result);
  return result;
}

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
    // React DOM plus Fluent's runtime (Griffel, Tabster, floating-ui) is ~470 kB minified, ~150 kB gzip.
    chunkSizeWarningLimit: 620,
    // The manifest lets scripts/bench-pane.mjs tell the first render's chunks from the lazy ones.
    manifest: true,
    rollupOptions: {
      // Only the pane: auth-redirect.html (the sign-in popup's way back) is vite.redirect-bridge.config.ts's, which says why.
      input: { taskpane: resolve(import.meta.dirname, "taskpane.html") },
      output: {
        // Two chunks, not twenty: what the first render needs, and everything behind a dynamic
        // import() (Person, Events, Scorecard, Health, the prompt card, the dialogs). Many small
        // shared chunks each compress worse and cost a round trip; the budget is in gzip bytes.
        manualChunks(id, meta) {
          // MSAL.js (~80 kB gzip) is left to the bundler's own chunk behind its dynamic import: fetched only
          // inside Outlook with Entra sign-in, never by a browser that pairs. (A named group here pulled
          // Vite's preload helper into it and so made the entry import it statically.)
          if (id.includes("/node_modules/@azure/")) return undefined;
          if (id.includes("/node_modules/")) return lazyPackages.test(id) ? "views" : "taskpane";
          return isInitial(id, meta.getModuleInfo) ? "taskpane" : "views";
        },
      },
    },
  },
});
