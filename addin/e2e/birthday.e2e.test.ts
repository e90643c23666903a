import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Birthday, KeepInTouchList } from "../src/keepInTouch/model";
import type { DraftTemplates } from "../src/templates/model";
import { expectNoSeriousAxeViolations, openPlainPane, type TestBrowser } from "./browser";
import { layoutProblems } from "./layout";
import { callApi, startWorker, type RunningWorker } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let page: Page;
let birthday: Birthday;

/** The sandbox's sample script adds a mixer guest whose birthday is tomorrow; their track is open, so the worker prepares a birthday draft. */
async function waitForReadyBirthday(w: RunningWorker): Promise<Birthday> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const list = await callApi<KeepInTouchList>(w, "/api/keep-in-touch");
    const ready = list.birthdays.find((b) => b.draft?.state === "ready");
    if (ready) return ready;
    if (Date.now() > deadline) throw new Error(`No birthday draft was ready within 60 s.\n${w.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  worker = await startWorker();
  birthday = await waitForReadyBirthday(worker);
  browser = await openPlainPane(worker, { width: 350, height: 900 });
  page = browser.page;
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("Birthday drafts in the pane, against the real worker", () => {
  it("Keep in touch shows the birthday with 'Draft ready', and its preview reads the draft from the mailbox", async () => {
    await page.getByRole("tab", { name: "Network" }).click();
    await page.getByRole("tab", { name: "Keep in touch" }).click();
    const row = page.getByRole("article", { name: `${birthday.displayName}'s birthday` });
    await row.waitFor({ state: "visible", timeout: 30_000 });
    expect(await row.getByTestId("birthday-draft-state").textContent()).toBe("Draft ready");
    expect(await row.textContent()).toContain("Tomorrow");

    await row.getByRole("button", { name: `Preview draft: Birthday note for ${birthday.displayName}` }).click();
    const preview = row.getByTestId("draft-preview");
    await preview.getByTestId("draft-state").waitFor({ state: "visible", timeout: 30_000 });
    const firstName = birthday.displayName.split(" ")[0]!;
    expect(await preview.textContent()).toContain(`Happy birthday, ${firstName}`);
    expect(await preview.locator("p").first().textContent()).toBe(`Hi ${firstName},`);
    expect(await preview.locator("script, img, style").count()).toBe(0);
    // Outside Outlook, "Open in Outlook" is the draft's web link.
    const link = preview.getByRole("link", { name: /^Open in Outlook: Birthday note for / });
    expect(await link.getAttribute("href")).toMatch(/^https:\/\//);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "birthday-draft-350.png"), fullPage: true });
    await expectNoSeriousAxeViolations(page);
  });

  it("Skip this year takes the birthday off Today, Keep in touch says so, and Undo brings it back", async () => {
    const onToday = page.locator(`[data-followup-id="${birthday.id}"]`);
    // The birthday may sit behind its person's other steps on the card.
    const showOnToday = async (): Promise<void> => {
      await page.getByRole("tab", { name: /^Today/ }).click();
      const more = page.getByRole("button", { name: new RegExp(`^Show \\d+ more steps? for ${birthday.displayName}$`) });
      await expect.poll(async () => (await onToday.count()) + (await more.count()), { timeout: 40_000 }).toBeGreaterThan(0);
      if ((await onToday.count()) === 0) await more.click();
    };
    await showOnToday();
    await onToday.getByRole("button", { name: /^Skip this year: / }).click();
    await expect.poll(() => onToday.count(), { timeout: 10_000 }).toBe(0);
    const afterSkip = (await callApi<KeepInTouchList>(worker!, "/api/keep-in-touch")).birthdays.find((b) => b.id === birthday.id);
    expect(afterSkip?.draft?.state).toBe("skipped");

    await page.getByRole("tab", { name: "Network" }).click();
    await page.getByRole("tab", { name: "Keep in touch" }).click();
    const row = page.getByRole("article", { name: `${birthday.displayName}'s birthday` });
    await expect.poll(() => row.getByTestId("birthday-draft-state").textContent(), { timeout: 30_000 }).toBe("Skipped this year");
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "birthday-skipped-350.png"), fullPage: true });
    await row.getByRole("button", { name: `Undo skip: ${birthday.displayName}'s birthday` }).click();
    await expect.poll(() => row.getByTestId("birthday-draft-state").textContent(), { timeout: 10_000 }).toBe("Draft ready");

    await showOnToday();
    await expect.poll(() => onToday.count(), { timeout: 40_000 }).toBe(1);
  });

  it("Draft wording in Settings offers the Birthday note with its own slots and a live preview", async () => {
    const defaults = (await callApi<DraftTemplates>(worker!, "/api/templates")).items.find((t) => t.kind === "birthday")!;
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Draft wording…" }).click();
    await page.getByRole("heading", { name: "Draft wording" }).waitFor({ state: "visible", timeout: 30_000 });
    const picker = page.getByRole("combobox", { name: "Draft" });
    await expect.poll(() => picker.locator("option", { hasText: "Birthday note" }).count(), { timeout: 10_000 }).toBe(1);
    await picker.selectOption("birthday");

    const wording = page.getByRole("form", { name: /^Wording: / });
    await expect.poll(() => wording.getByRole("textbox", { name: /^Subject/ }).inputValue(), { timeout: 10_000 }).toBe(defaults.subject);
    expect(await wording.getByRole("button", { name: "Insert {Remembered}" }).isVisible()).toBe(true);
    expect(await wording.getByRole("button", { name: "Insert {EventName}" }).count()).toBe(0);
    await expect.poll(() => page.getByTestId("preview-subject").textContent(), { timeout: 10_000 }).toBe("Happy birthday, Priya");
    expect(await page.getByTestId("template-preview").textContent()).toContain("You mentioned that you are planning a trip to Japan.");
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, "draft-wording-birthday-350.png"), fullPage: true });
  });
});
