import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FollowUpList } from "../src/followups/model";
import { openPane, type TestBrowser } from "./browser";
import { startWorker, type RunningWorker, waitForFollowUps } from "./worker";

/*
 * Honest states: a failed action says so on its row; the Today tab counts what is due; when the
 * worker stops, one banner with Retry says so, not one red box per section.
 */

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let page: Page;
let list: FollowUpList;


beforeAll(async () => {
  worker = await startWorker();
  list = await waitForFollowUps(worker, (l) => l.items.length >= 3, "No follow-ups");
  browser = await openPane(worker, { width: 350, height: 900 });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("honest states, against the real worker", () => {
  it("counts on the Today tab what the list shows as overdue or due today", async () => {
    const label = await page.getByRole("tab", { name: /^Today/ }).textContent();
    const shown = async (title: string): Promise<number> => {
      const heading = page.getByRole("heading", { level: 2, name: new RegExp(`^${title} \\(`) });
      return (await heading.count()) ? Number(/\((\d+)\)/.exec((await heading.textContent()) ?? "")?.[1] ?? 0) : 0;
    };
    const due = (await shown("Overdue")) + (await shown("Due today"));
    expect(label).toBe(due > 0 ? `Today (${due})` : "Today");
  });

  it("shows a failed action's error on its row, not at the top of the pane", async () => {
    const row = page.getByTestId("followup-row").first();
    const id = (await row.getAttribute("data-followup-id"))!;
    await page.route(`**/api/followups/${id}/done`, (route) =>
      route.fulfill({ status: 500, contentType: "application/problem+json", body: JSON.stringify({ title: "The store is busy", status: 500 }) }),
    );
    await row.getByRole("button", { name: /^Done/ }).click();
    await expect.poll(() => row.getByTestId("notice").textContent()).toContain("The store is busy");
    expect(await page.getByTestId("notice").count()).toBe(1);
    await row.getByRole("button", { name: "Dismiss message" }).click();
    await page.unroute(`**/api/followups/${id}/done`);
  });

  it("says once that the worker is not reachable, with Retry, on every tab", async () => {
    await worker!.stop();
    await page.getByRole("button", { name: "Refresh" }).click();
    const banner = page.getByTestId("notice").filter({ hasText: /not reachable|Can't reach/ });
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId("notice").count()).toBe(1);
    expect(await banner.getByRole("button", { name: "Retry" }).count()).toBe(1);
    for (const tab of ["Network", "Health", "Scorecard"]) {
      await page.getByRole("tab", { name: tab }).click();
      // The view's own load fails too; it says nothing more than the banner already does.
      await page.waitForTimeout(1500);
      expect(await page.getByTestId("notice").count(), tab).toBe(1);
    }
  });
});
