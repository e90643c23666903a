import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FollowUpList } from "../src/followups/model";
import { expectNoSeriousAxeViolations, launchChromium, type TestBrowser } from "./browser";
import { layoutProblems } from "./layout";
import { injectOutlook } from "./outlook";
import { startWorker, type RunningWorker, callApi, waitForFollowUps } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let list: FollowUpList;


beforeAll(async () => {
  worker = await startWorker();
  list = await waitForFollowUps(worker, (l) => l.items.filter((i) => i.draftId).length >= 2 && l.items.length >= 3, "No follow-ups with drafts");
  // Long addresses and names are what break a narrow pane: one referral each way, and a promise.
  await callApi(worker!, "/api/referrals", {
    direction: "received",
    partner: { email: "aroha.kingi-whitcombe@clearwaterhr.co.nz", displayName: "Aroha Kingi-Whitcombe" },
    prospect: { displayName: "Bartholomew Ngata-Richardson", email: "bartholomew.ngata-richardson@southernlightsengineering.co.nz" },
    note: "Needs a bookkeeper who understands construction retentions",
    copyPartner: true,
  });
  await callApi(worker!, "/api/referrals", {
    direction: "given",
    partner: { email: "mere@paratalaw.co.nz", displayName: "Mere Parata" },
    prospect: { displayName: "Sam Lee", email: "sam@leeandsons.co.nz" },
  });
  const due = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
  await callApi(worker!, "/api/promises", { person: { email: "bartholomew.ngata-richardson@southernlightsengineering.co.nz", displayName: "Bartholomew Ngata-Richardson" }, text: "Send the retention-accounting checklist", dueAt: due });
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await worker?.stop();
});

/** Every view a user can reach, opened the way a user opens it; `ready` resolves once it has content. */
const views: { name: string; open(page: Page): Promise<void> }[] = [
  {
    name: "today",
    async open(page) {
      await page.getByRole("tab", { name: /^Today/ }).click();
      await page.getByTestId("followup-row").first().waitFor({ state: "visible", timeout: 30_000 });
      const later = page.getByRole("button", { name: /^Show \d+ later/ });
      if (await later.count()) await later.click();
    },
  },
  {
    name: "today-snooze",
    async open(page) {
      const row = page.getByTestId("followup-row").first();
      await row.getByRole("button", { name: /^Snooze/ }).click();
      await row.getByRole("group", { name: /^Snooze .* until$/ }).waitFor({ state: "visible" });
    },
  },
  {
    name: "person",
    async open(page) {
      await page.keyboard.press("Escape");
      await page.getByRole("tab", { name: "Person" }).click();
      await page.getByTestId("person-card").waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "referrals",
    async open(page) {
      await page.getByRole("tab", { name: "Network" }).click();
      await page.getByRole("tab", { name: "Referrals" }).click();
      await page.getByTestId("referral-row").first().waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "referral-form",
    async open(page) {
      await page.getByRole("button", { name: "Log a referral" }).click();
      await page.getByTestId("log-referral-form").waitFor({ state: "visible" });
    },
  },
  {
    name: "promises",
    async open(page) {
      await page.getByTestId("log-referral-form").getByRole("button", { name: "Cancel" }).click();
      await page.getByRole("tab", { name: "Promises" }).click();
      await page.getByRole("button", { name: "Add a promise" }).waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "keep-in-touch",
    async open(page) {
      await page.getByRole("tab", { name: "Keep in touch" }).click();
      await page.locator("#panel-keepInTouch").waitFor({ state: "visible" });
      await page.locator("#panel-keepInTouch [role=progressbar]").waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
    },
  },
  {
    name: "events",
    async open(page) {
      await page.getByRole("tab", { name: "Events" }).click();
      await page.getByTestId("event-row").first().waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "events-all",
    async open(page) {
      await page.getByRole("checkbox", { name: /^Show all events/ }).check();
      await page.getByTestId("event-row").filter({ hasText: "Public holiday" }).waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "scorecard",
    async open(page) {
      await page.getByRole("tab", { name: "Scorecard" }).click();
      await page.getByTestId("scorecard").waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "health",
    async open(page) {
      await page.getByRole("tab", { name: "Health" }).click();
      await page.getByTestId("health").waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "settings",
    async open(page) {
      await page.getByRole("button", { name: "Settings" }).click();
      await page.getByRole("form", { name: "Settings" }).waitFor({ state: "visible", timeout: 15_000 });
    },
  },
  {
    name: "draft-wording",
    async open(page) {
      await page.getByRole("button", { name: "Draft wording…" }).click();
      await page.getByRole("heading", { name: "Draft wording" }).waitFor({ state: "visible", timeout: 15_000 });
      await page.getByTestId("preview-subject").waitFor({ state: "visible", timeout: 15_000 });
    },
  },
];

describe.each([320, 350])("at %i px, every view fits the task pane", (width) => {
  let browser: TestBrowser | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium({ width, height: 900 });
    page = browser.page;
    page.on("pageerror", (e) => errors.push(`${e.message}\n${e.stack ?? ""}`));
    const sender = list.items[0]!.person;
    await injectOutlook(page, { from: { emailAddress: sender.email, displayName: sender.displayName } });
    await page.goto(`${worker!.baseUrl}/taskpane.html#key=${worker!.apiKey}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(views.map((v) => [v.name, v] as const))(
    `%s: no sideways scrolling, nothing wider than the pane, no email broken mid-word, tabs on one row${width === 350 ? ", no serious axe violation" : ""}`,
    async (name, view) => {
      await view.open(page).catch((e: unknown) => {
        throw new Error(`${String(e)}\nPage errors: ${errors.join("\n")}`);
      });
      await page.screenshot({ path: join(resultsDir, `width-${width}-${name}.png`), fullPage: true });
      expect(await layoutProblems(page)).toEqual([]);
      // Every view at the task pane's real width gets an axe run beside its screenshot.
      if (width === 350) await expectNoSeriousAxeViolations(page);
    },
  );

  it("shows a referral card's badge in the same place on every card", async () => {
    // The gear closes Settings (and Draft wording inside it, whose "Back to settings" also matches "Settings" loosely).
    await page.getByRole("button", { name: "Settings", exact: true }).click();
    await page.getByRole("tab", { name: "Network" }).click();
    await page.getByRole("tab", { name: "Referrals" }).click();
    const rows = page.getByTestId("referral-row");
    await rows.first().waitFor({ state: "visible", timeout: 15_000 });
    const offsets = await rows.evaluateAll((cards) =>
      cards.flatMap((card) => {
        const badge = card.querySelector(".fui-Badge");
        if (!badge) return [];
        const c = card.getBoundingClientRect();
        const b = badge.getBoundingClientRect();
        // Top-right of the card, whatever the length of the names.
        return [{ right: Math.round(c.right - b.right), top: Math.round(b.top - c.top) }];
      }),
    );
    expect(offsets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(offsets.map((o) => `${o.right},${o.top}`)).size).toBe(1);
  });

  it("Events hides holds, all-day entries, declined meetings and the colleagues' stand-up until asked, and an all-day event reads All day", async () => {
    await page.keyboard.press("Escape");
    const settings = page.getByRole("form", { name: "Settings" });
    if (await settings.count()) await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("tab", { name: "Events" }).click();
    const rows = page.getByTestId("event-row");
    await rows.first().waitFor({ state: "visible", timeout: 15_000 });
    const showAll = page.getByRole("checkbox", { name: /^Show all events/ });
    await showAll.uncheck();
    await expect.poll(() => rows.filter({ hasText: "Public holiday" }).count()).toBe(0);
    expect(await rows.filter({ hasText: "Hidden by default" }).count()).toBe(0);
    expect(await rows.filter({ hasText: "Chamber of Commerce business mixer" }).count()).toBe(1);
    // The weekly stand-up has only the user's colleagues on it: nobody to meet there.
    expect(await rows.filter({ hasText: "Team stand-up" }).count()).toBe(0);

    await showAll.check();
    const holiday = rows.filter({ hasText: "Public holiday" });
    await holiday.waitFor({ state: "visible" });
    const when = await holiday.locator("time").innerText();
    expect(when).toMatch(/^All day, /);
    expect(when).not.toMatch(/AM|PM|:/);
    expect(await holiday.innerText()).toContain("Hidden by default: An all-day entry.");
    expect(await rows.filter({ hasText: "Team stand-up" }).first().innerText()).toContain("Hidden by default: A recurring meeting with only your colleagues.");
    expect(await layoutProblems(page)).toEqual([]);
  });

  it("the person card shows the Outlook notes, how they were really met, and referrals both ways", async () => {
    const lookUp = async (email: string): Promise<void> => {
      await page.getByRole("tab", { name: "Person" }).click();
      const form = page.getByRole("search", { name: "Look up a person" });
      await form.getByRole("textbox").fill(email);
      await form.getByRole("button", { name: "Look up" }).click();
      await page.locator(`[data-testid=person-card][data-email="${email}"]`).waitFor({ state: "visible", timeout: 15_000 });
    };
    await lookUp("sofia@tidewaterarchitects.co.nz");
    expect(await page.getByTestId("person-notes").innerText()).toContain("co-working space in Te Aro");
    expect(await page.getByTestId("person-how-met").innerText()).toMatch(/^At Chamber of Commerce business mixer/);
    await page.screenshot({ path: join(resultsDir, `width-${width}-person-notes.png`), fullPage: true });
    expect(await layoutProblems(page)).toEqual([]);

    await lookUp("mere@paratalaw.co.nz");
    expect(await page.getByTestId("person-referral").allInnerTexts()).toEqual([expect.stringContaining("You referred Sam Lee to them")]);
    await lookUp("bartholomew.ngata-richardson@southernlightsengineering.co.nz");
    expect(await page.getByTestId("person-referral").allInnerTexts()).toEqual([expect.stringContaining("Aroha Kingi-Whitcombe referred them to you")]);
    expect(await layoutProblems(page)).toEqual([]);
  });
});
