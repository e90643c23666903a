import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FollowUpList } from "../src/followups/model";
import type { Scorecard } from "../src/insights/model";
import { formatHours, formatShare } from "../src/insights/scorecard";
import type { SyncStatus } from "../src/health/model";
import { expectNoSeriousAxeViolations, launchChromium, type TestBrowser } from "./browser";
import { calls, injectOutlook, selectItem } from "./outlook";
import { startWorker, type RunningWorker, callApi } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let page: Page;
let list: FollowUpList;


async function expectFitsWidth(p: Page): Promise<void> {
  // Readable at 320 px: nothing makes the page scroll sideways.
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

beforeAll(async () => {
  worker = await startWorker();
  const w = worker;
  // The sample script adds new contacts after the first sync; wait until their tracks exist.
  const deadline = Date.now() + 60_000;
  for (;;) {
    list = await callApi<FollowUpList>(w, "/api/followups");
    if (list.items.filter((i) => i.draftId).length >= 2 && list.items.length >= 3) break;
    if (Date.now() > deadline) throw new Error(`No follow-ups with drafts within 60 s.\n${w.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await launchChromium({ width: 320, height: 900 });
  page = browser.page;
  const sender = list.items[0]!.person;
  await injectOutlook(page, { from: { emailAddress: sender.email, displayName: sender.displayName } });
  await page.goto(`${w.baseUrl}/taskpane.html#key=${w.apiKey}`);
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

function row(id: string) {
  return page.locator(`[data-testid="followup-row"][data-followup-id="${id}"]`);
}

/** Today shows one card per person: their other steps are one tap away. */
async function expandCards(): Promise<void> {
  const more = page.getByRole("button", { name: /^Show \d+ more steps? for / });
  while ((await more.count()) > 0) await more.first().click();
}

describe("the pane as the daily home, in a fake Outlook against the real worker", () => {
  it("shows Today with what is due, at 320 px, accessibly", async () => {
    await page.getByTestId("followup-row").first().waitFor({ state: "visible", timeout: 30_000 });
    await expect.poll(() => page.getByTestId("followup-row").count()).toBeGreaterThan(0);
    // Later items are one click away: the worker sends the due window, and the later pages load on the click.
    const later = page.getByRole("button", { name: /^Show \d+ later/ });
    if (await later.count()) await later.click();
    await expandCards();
    const visible = async () => {
      await expandCards();
      return page.getByTestId("followup-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-followup-id")));
    };
    // The sandbox keeps adding people, so the pane may already show more than the list read earlier.
    await expect.poll(visible, { timeout: 10_000 }).toEqual(expect.arrayContaining(list.items.map((i) => i.id)));
    await page.screenshot({ path: join(resultsDir, "today.png"), fullPage: true });
    await expectFitsWidth(page);
    await expectNoSeriousAxeViolations(page);
  });

  it("opens the prepared draft in Outlook by its EWS id", async () => {
    const item = list.items.find((i) => i.draftId)!;
    await row(item.id).getByRole("button", { name: /^Open draft/ }).click();
    const made = await calls(page);
    expect(made).toContainEqual(["convertToEwsId", item.draftId, "v2.0"]);
    expect(made).toContainEqual(["displayMessageForm", `ews:${item.draftId}`]);
  });

  it("snoozes until tomorrow, and until a picked date and time", async () => {
    const [first, second] = list.items.filter((i) => i.draftId);
    const toggle = row(first!.id).getByRole("button", { name: /^Snooze/ });
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const choices = row(first!.id).getByRole("group", { name: /^Snooze .* until$/ });
    // Opening moves focus to the first time; Escape closes the choices and gives focus back.
    await expect.poll(() => choices.getByRole("button").first().evaluate((b) => b === document.activeElement)).toBe(true);
    await expectFitsWidth(page);
    mkdirSync(resultsDir, { recursive: true });
    await row(first!.id).screenshot({ path: join(resultsDir, "today-snooze.png") });
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect.poll(() => choices.count()).toBe(0);
    expect(await toggle.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect((await callApi<FollowUpList>(worker!, "/api/followups")).items.find((i) => i.id === first!.id)?.state).not.toBe("snoozed");

    await page.keyboard.press("Enter");
    await choices.getByRole("button", { name: /^Tomorrow/ }).click();
    await expect.poll(async () => (await callApi<FollowUpList>(worker!, "/api/followups")).items.find((i) => i.id === first!.id)?.state, { timeout: 10_000 }).toBe("snoozed");
    // The row says when the snooze ends (tomorrow 09:00 in the mailbox's zone), not when the step is due,
    // and its draft is still ready.
    await expect.poll(() => row(first!.id).locator("time").textContent(), { timeout: 10_000 }).toMatch(/^Snoozed until tomorrow 0?9:00/);
    expect(await row(first!.id).getByText("Draft ready", { exact: true }).count()).toBe(1);

    await row(second!.id).getByRole("button", { name: /^Snooze/ }).click();
    await row(second!.id).getByRole("button", { name: /Pick a date and time/ }).click();
    const form = page.getByRole("form", { name: /^Snooze the/ });
    const picked = await form.locator('input[type="datetime-local"]').inputValue();
    expect(picked).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await form.getByRole("button", { name: "Snooze" }).click();
    await expect.poll(async () => (await callApi<FollowUpList>(worker!, "/api/followups")).items.find((i) => i.id === second!.id)?.snoozedUntil?.slice(0, 16), { timeout: 10_000 }).toBe(picked);
  });

  it("skips with a reason", async () => {
    const target = list.items.find((i) => !i.draftId) ?? list.items[list.items.length - 1]!;
    await expandCards();
    await row(target.id).getByRole("button", { name: /^Skip/ }).click();
    // One tap on a common reason, or "Other…" to type one.
    await row(target.id).getByTestId("skip-reasons").getByRole("button", { name: "Other…" }).click();
    const form = page.getByRole("form", { name: /^Skip the/ });
    await form.getByRole("button", { name: "Skip" }).click();
    await expect(form.getByText("Say in a few words why you are skipping this.").isVisible()).resolves.toBe(true);
    await form.getByRole("textbox").fill("Already met for coffee");
    await form.getByRole("button", { name: "Skip" }).click();
    await expect.poll(() => row(target.id).count(), { timeout: 10_000 }).toBe(0);
    expect((await callApi<FollowUpList>(worker!, "/api/followups")).items.map((i) => i.id)).not.toContain(target.id);
  });

  it("shows the selected message's sender, follows ItemChanged, and is empty with no item", async () => {
    const sender = list.items[0]!.person;
    await page.getByRole("tab", { name: "Person" }).click();
    await expect.poll(() => page.getByTestId("person-name").textContent(), { timeout: 10_000 }).toBe(sender.displayName);
    await expect.poll(() => page.getByTestId("track-step").count()).toBe(3);
    await page.screenshot({ path: join(resultsDir, "person.png"), fullPage: true });
    await expectFitsWidth(page);
    await expectNoSeriousAxeViolations(page);

    const other = list.items.find((i) => i.person.email !== sender.email)!.person;
    await selectItem(page, { from: { emailAddress: other.email, displayName: other.displayName } });
    await expect.poll(() => page.getByTestId("person-name").textContent(), { timeout: 10_000 }).toBe(other.displayName);

    await selectItem(page, null);
    await expect.poll(() => page.getByTestId("person-empty").isVisible()).toBe(true);
    expect(await page.getByTestId("person-card").count()).toBe(0);

    // Compose: the first To recipient.
    await selectItem(page, { composeTo: [{ emailAddress: sender.email, displayName: sender.displayName }] });
    await expect.poll(() => page.getByTestId("person-name").textContent(), { timeout: 10_000 }).toBe(sender.displayName);

    // The one thing to remember is saved through the worker.
    await page.getByRole("button", { name: /^Edit the one thing to remember/ }).click();
    await page.getByRole("textbox", { name: /One thing to remember about/ }).fill("Restoring a 1950s sailing boat");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByTestId("person-remember").textContent(), { timeout: 10_000 }).toBe("Restoring a 1950s sailing boat");
    const card = await callApi<{ remember: string | null }>(worker!, `/api/people/${encodeURIComponent(sender.email)}`);
    expect(card.remember).toBe("Restoring a 1950s sailing boat");
  });

  it("shows the scorecard's numbers as the worker computes them", async () => {
    await page.getByRole("tab", { name: "Scorecard" }).click();
    await page.getByTestId("scorecard").waitFor({ state: "visible", timeout: 10_000 });
    const score = await callApi<Scorecard>(worker!, "/api/scorecard");
    const value = (key: string) => page.getByTestId(`score-${key}`).getByTestId("score-value").textContent();
    expect(await value("acquaintances")).toBe(String(score.acquaintances));
    expect(await value("thanked")).toBe(formatShare(score.thankedWithin24Hours));
    expect(await value("connected")).toBe(formatShare(score.connectedWithin7Days));
    expect(await value("met")).toBe(formatShare(score.metWithin30Days));
    expect(await value("median")).toBe(formatHours(score.medianHoursToThankYou));
    // The chart's text alternative: one table row per week.
    expect(await page.locator("table tbody tr").count()).toBe(score.weeks.length);
    await page.screenshot({ path: join(resultsDir, "scorecard.png"), fullPage: true });
    await expectFitsWidth(page);
    await expectNoSeriousAxeViolations(page);
  });

  it("shows sync health per resource", async () => {
    await page.getByRole("tab", { name: "Health" }).click();
    await page.getByTestId("health").waitFor({ state: "visible", timeout: 10_000 });
    const status = await callApi<SyncStatus>(worker!, "/api/status");
    expect(await page.getByTestId("sync-resource").count()).toBe(status.sync.length);
    await expect.poll(() => page.getByTestId("health").textContent()).toContain("Calendar");
    await expect.poll(() => page.getByTestId("health").textContent()).toContain("Contacts (folder 1)");
    await page.screenshot({ path: join(resultsDir, "health.png"), fullPage: true });
    await expectFitsWidth(page);
    await expectNoSeriousAxeViolations(page);
  });

  it("keeps the Events view accessible too", async () => {
    await page.getByRole("tab", { name: "Events" }).click();
    await page.getByTestId("event-row").first().waitFor({ state: "visible", timeout: 10_000 });
    await expectNoSeriousAxeViolations(page);
  });
});
