import AxeBuilder from "@axe-core/playwright";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { chromiumLaunchOptions } from "./chromium.mjs";
import { injectOutlook } from "./outlook";
import type { RunningWorker } from "./worker";

export { chromiumArgs, chromiumPath } from "./chromium.mjs";

/** A headless Chromium with its own fresh profile. */
export interface TestBrowser {
  context: BrowserContext;
  /** The tab Chromium opened with. */
  page: Page;
  /** Closes the browser and deletes its profile folder. */
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with the project's flags (chromium.mjs) and a new user-data-dir that
 * close() deletes; if the launch fails, the folder is deleted at once. `timezoneId` sets the
 * browser's own zone (a laptop in another zone than the mailbox).
 */
export async function launchChromium(viewport: { width: number; height: number }, options: { timezoneId?: string } = {}): Promise<TestBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), "ofu-e2e-chromium-"));
  const removeProfile = () => rmSync(profileDir, { recursive: true, force: true });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions(), viewport, ...options });
    const page = context.pages()[0] ?? (await context.newPage());
    const launched = context;
    return {
      context: launched,
      page,
      async close() {
        await launched.close().catch(() => undefined);
        removeProfile();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    removeProfile();
    throw error;
  }
}

/** axe-core on the page as it is: no serious or critical violation, each listed with its nodes if any. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Chromium showing the worker's pane in a plain browser (office.js blocked), paired by the key in its link. */
export async function openPlainPane(w: RunningWorker, viewport: { width: number; height: number }): Promise<TestBrowser> {
  const browser = await launchChromium(viewport);
  await browser.page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  await browser.page.goto(`${w.baseUrl}/taskpane.html#key=${w.apiKey}`);
  return browser;
}

/** Chromium showing the worker's pane, paired by its link, inside a fake Outlook with no item open, once the first row is visible. */
export async function openPane(w: RunningWorker, viewport: { width: number; height: number }, options: { timezoneId?: string } = {}): Promise<TestBrowser> {
  const browser = await launchChromium(viewport, options);
  await injectOutlook(browser.page, null);
  await browser.page.goto(`${w.baseUrl}/taskpane.html#key=${w.apiKey}`);
  await browser.page.getByTestId("followup-row").first().waitFor({ state: "visible", timeout: 30_000 });
  return browser;
}
