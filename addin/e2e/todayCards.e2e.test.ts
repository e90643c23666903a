import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FollowUpList } from "../src/followups/model";
import { expectNoSeriousAxeViolations, launchChromium, type TestBrowser } from "./browser";
import { layoutProblems } from "./layout";
import { injectOutlook } from "./outlook";
import { callApi, startWorker, waitForFollowUps, type RunningWorker } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;

beforeAll(async () => {
  worker = await startWorker();
  // At least two people, each with a thank-you draft and later steps.
  await waitForFollowUps(worker, (l) => new Set(l.items.filter((i) => i.draftId).map((i) => i.person.email)).size >= 2, "No two people with drafts");
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await worker?.stop();
});

const followUps = (): Promise<FollowUpList> => callApi<FollowUpList>(worker!, "/api/followups");

describe.each([320, 350])("Today at %i px: one card per person, safe actions", (width) => {
  let browser: TestBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium({ width, height: 900 });
    page = browser.page;
    await injectOutlook(page, null);
    await page.goto(`${worker!.baseUrl}/taskpane.html#key=${worker!.apiKey}`);
    await page.getByTestId("today-card").first().waitFor({ state: "visible", timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows one card per person with their next step, the others one tap away, and fits the pane", async () => {
    const cards = page.getByTestId("today-card");
    const people = await cards.evaluateAll((all) => all.map((c) => c.querySelectorAll('[data-testid="followup-row"]').length));
    // Closed: each card shows only its next step.
    expect(people.every((rows) => rows === 1)).toBe(true);
    const list = await followUps();
    const shownIds = await page.getByTestId("followup-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-followup-id")));
    expect(shownIds.length).toBeLessThan(list.items.length);
    // No two cards for one person.
    const names = await cards.evaluateAll((all) => all.map((c) => c.querySelector("[id]")?.textContent ?? ""));
    expect(new Set(names).size).toBe(names.length);
    expect(await layoutProblems(page)).toEqual([]);

    const more = cards.first().getByRole("button", { name: /^Show \d+ more steps? for / });
    await more.click();
    await expect.poll(() => cards.first().getByTestId("followup-row").count()).toBeGreaterThan(1);
    expect(await cards.first().getByRole("button", { name: /^Hide \d+ more steps? for / }).getAttribute("aria-expanded")).toBe("true");
    await page.screenshot({ path: join(resultsDir, `today-cards-${width}.png`), fullPage: true });
    expect(await layoutProblems(page)).toEqual([]);
    await expectNoSeriousAxeViolations(page);

    // The badge sits top-right on every card, whatever the names.
    const offsets = await cards.evaluateAll((all) =>
      all.map((card) => {
        const c = card.getBoundingClientRect();
        const b = card.querySelector(".fui-Badge")!.getBoundingClientRect();
        return `${Math.round(c.right - b.right)},${Math.round(b.top - c.top)}`;
      }),
    );
    expect(new Set(offsets).size).toBe(1);
  });

  it("marks a step done as a secondary action, and Undo in the toast really reopens it", async () => {
    const card = page.getByTestId("today-card").first();
    const row = card.getByTestId("followup-row").first();
    const id = (await row.getAttribute("data-followup-id"))!;
    const done = row.getByRole("button", { name: /^Done/ });
    // Not the primary button: that is the step's own next action (open the draft or the hold).
    expect(await done.evaluate((b) => b.className.includes("fui-Button") && !/primary/i.test(b.getAttribute("class") ?? ""))).toBe(true);
    await done.click();

    const toast = page.getByTestId("undo-toast");
    await toast.waitFor({ state: "visible", timeout: 10_000 });
    await expect.poll(() => page.locator(`[data-followup-id="${id}"]`).count()).toBe(0);
    expect((await followUps()).items.map((i) => i.id)).not.toContain(id);
    // The step shows at once under "Done lately", as the user's own word.
    const doneLately = page.getByTestId("done-lately");
    await doneLately.getByRole("button", { name: /^Show \d+ done lately$/ }).click();
    await expect.poll(() => doneLately.getByTestId("done-row").allInnerTexts()).toContainEqual(expect.stringContaining("Marked done by you"));
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, `today-undo-${width}.png`), fullPage: true });
    // Keyboard focus on the toast holds it open for as long as the user needs.
    const undo = toast.getByRole("button", { name: /^Undo/ });
    await undo.focus();
    await expectNoSeriousAxeViolations(page);
    await new Promise((r) => setTimeout(r, 9_000));
    expect(await toast.count()).toBe(1);

    await undo.click();
    await expect.poll(() => page.locator(`[data-followup-id="${id}"]`).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => toast.count()).toBe(0);
    expect((await page.getByTestId("done-row").allInnerTexts()).join("\n")).not.toContain("Marked done by you");
    const reopened = (await followUps()).items.find((i) => i.id === id);
    expect(reopened?.state).toMatch(/^(pending|prepared)$/);
    expect(reopened?.completedVia ?? null).toBeNull();
  });

  it("skips with one tap on a common reason, deleting the unsent draft", async () => {
    const withDraft = (await followUps()).items.filter((i) => i.draftId).map((i) => i.id);
    const candidates = await page.getByTestId("followup-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-followup-id")));
    const id = candidates.find((c): c is string => !!c && withDraft.includes(c));
    if (!id) throw new Error("No thank-you with a draft on screen");
    const target = page.locator(`[data-testid="followup-row"][data-followup-id="${id}"]`);
    await target.getByRole("button", { name: /^Skip/ }).click();

    const reasons = target.getByTestId("skip-reasons");
    await reasons.waitFor({ state: "visible" });
    const deleteDraft = reasons.getByRole("checkbox", { name: /delete its unsent draft/ });
    expect(await deleteDraft.isChecked()).toBe(true);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, `today-skip-${width}.png`), fullPage: true });
    await expectNoSeriousAxeViolations(page);

    await reasons.getByRole("button", { name: "Already thanked them in person" }).click();
    await expect.poll(() => page.locator(`[data-followup-id="${id}"]`).count(), { timeout: 10_000 }).toBe(0);
    expect((await followUps()).items.map((i) => i.id)).not.toContain(id);
  });
});
