import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations, launchChromium, openPane, type TestBrowser } from "./browser";
import { layoutProblems } from "./layout";
import { calls } from "./outlook";
import { startWorker, type RunningWorker, waitForFollowUps } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let draftStepId: string;

beforeAll(async () => {
  worker = await startWorker();
  const list = await waitForFollowUps(worker, (l) => l.items.some((i) => i.draftId && i.state !== "done"), "No follow-up with a prepared draft");
  draftStepId = list.items.find((i) => i.draftId && i.state !== "done")!.id;
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await worker?.stop();
});

async function openPreview(page: Page): Promise<Locator> {
  const row = page.locator(`[data-followup-id="${draftStepId}"]`);
  await row.waitFor({ state: "visible", timeout: 30_000 });
  await row.getByRole("button", { name: /^Preview draft: / }).click();
  const preview = row.getByTestId("draft-preview");
  await preview.getByTestId("draft-state").waitFor({ state: "visible", timeout: 30_000 });
  return preview;
}

describe("Draft preview in the pane, against the real worker", () => {
  it("inside Outlook at 350 px: subject and body from the mailbox, placeholders highlighted, Open in Outlook uses Outlook's form", async () => {
    const browser: TestBrowser = await openPane(worker!, { width: 350, height: 900 });
    try {
      const page = browser.page;
      const preview = await openPreview(page);
      expect(await preview.getByTestId("draft-state").textContent()).toMatch(/^As prepared\./);
      expect(await preview.locator("p").first().textContent()).toMatch(/\S/);
      expect(await preview.locator("script, img, style").count()).toBe(0);
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: join(resultsDir, "draft-preview-350.png"), fullPage: true });
      await expectNoSeriousAxeViolations(page);

      await preview.getByRole("button", { name: /^Open in Outlook: / }).click();
      await expect.poll(async () => (await calls(page)).some(([method]) => method === "displayMessageForm")).toBe(true);

      await page.getByRole("button", { name: /^Preview draft: / }).first().waitFor();
      await page.locator(`[data-followup-id="${draftStepId}"]`).getByRole("button", { name: /^Preview draft: / }).click();
      expect(await page.getByTestId("draft-preview").count()).toBe(0);
    } finally {
      await browser.close();
    }
  });

  it("in a plain browser at 320 px: Open in Outlook is the draft's web link, and nothing scrolls sideways", async () => {
    const browser = await launchChromium({ width: 320, height: 900 });
    try {
      const page = browser.page;
      await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
      await page.goto(`${worker!.baseUrl}/taskpane.html#key=${worker!.apiKey}`);
      const preview = await openPreview(page);
      const link = preview.getByRole("link", { name: /^Open in Outlook: / });
      expect(await link.getAttribute("href")).toMatch(/^https:\/\/outlook\.office365\.com\/owa\/\?ItemID=/);
      expect(await link.getAttribute("rel")).toContain("noopener");
      expect(await layoutProblems(page)).toEqual([]);
      await page.screenshot({ path: join(resultsDir, "draft-preview-320.png"), fullPage: true });
      await expectNoSeriousAxeViolations(page);
    } finally {
      await browser.close();
    }
  });
});
