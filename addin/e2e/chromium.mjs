// How every test and bench browser starts, in one place: Debian's Chromium, headless, with these flags,
// and a fresh user-data-dir. Plain JavaScript so that scripts/bench-pane.mjs (run by node, not compiled)
// imports the same list as the e2e tests (through browser.ts); chromium.d.mts types it for tsc.
//
// The fresh user-data-dir is the caller's part: launchPersistentContext gets a new mkdtemp folder
// (browser.ts's launchChromium), and chromium.launch makes its own temporary profile
// (playwright_chromiumdev_profile-*, passed as --user-data-dir and deleted when the browser closes).

/** CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The project's rule, plus --disable-quic and --no-first-run: nothing reaches out, nothing asks. */
export const chromiumArgs = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
]);

/** Options for chromium.launch / launchPersistentContext: the executable, headless, the flags. */
export function chromiumLaunchOptions() {
  return { executablePath: chromiumPath, headless: true, args: [...chromiumArgs] };
}
