import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FollowUpList } from "../src/followups/model";
import { openPane, type TestBrowser } from "./browser";
import { startWorker, type RunningWorker, callApi, waitForFollowUps } from "./worker";

/*
 * Rule 6, "Time is the user's": a laptop set to another zone than the mailbox's (travelling, or a
 * browser left on UTC) still shows every time in the mailbox's zone: the footer's "Updated",
 * Health's "Baseline taken" and a snooze's end.
 */

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let page: Page;
let list: FollowUpList;
let browserZone: string;


/** What the browser's Intl shows for an instant in a zone: the same formatting the pane's helper uses. */
function shown(p: Page, iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): Promise<string> {
  return p.evaluate(({ iso, timeZone, options }) => new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(iso)), { iso, timeZone, options });
}

beforeAll(async () => {
  worker = await startWorker();
  list = await waitForFollowUps(worker, (l) => l.items.some((i) => i.draftId), "No follow-up with a draft");
  // Half a day away from the mailbox, whatever its zone is.
  browserZone = list.timeZone === "America/Los_Angeles" ? "Pacific/Auckland" : "America/Los_Angeles";
  browser = await openPane(worker, { width: 350, height: 900 }, { timezoneId: browserZone });
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe(`the pane in a browser set to another zone than the mailbox's`, () => {
  it("is really in another zone", async () => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(browserZone);
    expect(browserZone).not.toBe(list.timeZone);
  });

  it("shows the footer's Updated time in the mailbox's zone", async () => {
    const time = page.getByTestId("last-updated").locator("time");
    const iso = (await time.getAttribute("datetime"))!;
    const clock = { hour: "2-digit", minute: "2-digit" } as const;
    expect(await time.textContent()).toBe(await shown(page, iso, list.timeZone, clock));
    expect(await time.textContent()).not.toBe(await shown(page, iso, browserZone, clock));
  });

  it("shows Health's Baseline taken in the mailbox's zone", async () => {
    await page.getByRole("tab", { name: "Health" }).click();
    const time = page.getByTestId("baseline-taken").locator("time");
    await time.waitFor({ state: "visible", timeout: 15_000 });
    const iso = (await time.getAttribute("datetime"))!;
    const full = { dateStyle: "medium", timeStyle: "short" } as const;
    expect(await time.textContent()).toBe(await shown(page, iso, list.timeZone, full));
    expect(await time.textContent()).not.toBe(await shown(page, iso, browserZone, full));
  });

  it("says a snooze to tomorrow ends at 09:00 in the mailbox's zone", async () => {
    await page.getByRole("tab", { name: /^Today/ }).click();
    const item = list.items.find((i) => i.draftId && i.state !== "snoozed")!;
    const row = page.locator(`[data-testid="followup-row"][data-followup-id="${item.id}"]`);
    const later = page.getByRole("button", { name: /^Show \d+ later/ });
    if (await later.count()) await later.click();
    await row.getByRole("button", { name: /^Snooze/ }).click();
    await row.getByRole("group", { name: /^Snooze .* until$/ }).getByRole("button", { name: /^Tomorrow/ }).click();
    await expect.poll(() => row.locator("time").textContent(), { timeout: 10_000 }).toMatch(/^Snoozed until tomorrow 0?9:00/);
    const snoozed = (await callApi<FollowUpList>(worker!, "/api/followups")).items.find((i) => i.id === item.id)!;
    expect(await shown(page, snoozed.snoozedUntil!, list.timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })).toBe("09:00");
  });
});
