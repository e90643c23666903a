import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FollowUpList } from "../src/followups/model";
import { expectNoSeriousAxeViolations, launchChromium, type TestBrowser } from "./browser";
import { startWorker, type RunningWorker } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;

beforeAll(async () => {
  worker = await startWorker();
  browser = await launchChromium({ width: 360, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function listFollowUps(w: RunningWorker): Promise<FollowUpList> {
  const response = await fetch(`${w.baseUrl}/api/followups`, { headers: { Authorization: `Bearer ${w.apiKey}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as FollowUpList;
}

async function openPane(page: Page, w: RunningWorker): Promise<Page> {
  // No internet here, and a plain browser is not Outlook: office.js fails to load, as it would offline.
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  await page.goto(`${w.baseUrl}/taskpane.html#key=${w.apiKey}`);
  return page;
}

describe("task pane against the real worker and sandbox mailbox", () => {
  it("shows a new acquaintance's follow-up, marks it done, and passes axe", async () => {
    if (!worker || !browser) throw new Error("setup failed");
    const w = worker;
    const page = await openPane(browser.page, w);

    // The key leaves the address bar at once.
    await expect.poll(() => new URL(page.url()).hash).toBe("");

    // The sample script adds new contacts after the first sync; the worker prepares thank-you drafts.
    const rows = page.getByTestId("followup-row");
    await rows.first().waitFor({ state: "visible", timeout: 60_000 }).catch((error: unknown) => {
      throw new Error(`No follow-up appeared in the pane within 60 s.\n${String(error)}\n${w.output()}`);
    });

    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, "taskpane.png"), fullPage: true });

    await expectNoSeriousAxeViolations(page);

    const row = rows.first();
    const id = await row.getAttribute("data-followup-id");
    expect(id).toBeTruthy();
    await row.getByRole("button", { name: /^Done/ }).click();

    await expect.poll(() => page.locator(`[data-followup-id="${id}"]`).count(), { timeout: 15_000 }).toBe(0);
    const after = await listFollowUps(w);
    expect(after.items.map((i) => i.id)).not.toContain(id);

    await page.screenshot({ path: join(resultsDir, "taskpane-after-done.png"), fullPage: true });
  });
});
