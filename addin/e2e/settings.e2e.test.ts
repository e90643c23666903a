import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Settings } from "../src/settings/model";
import { expectNoSeriousAxeViolations, openPlainPane, type TestBrowser } from "./browser";
import { startWorker, waitUntilBaselined, type RunningWorker, callApi } from "./worker";

const resultsDir = resolve(import.meta.dirname, "..", "test-results");

let worker: RunningWorker | undefined;
let browser: TestBrowser | undefined;
let page: Page;


async function openSettings(): Promise<ReturnType<Page["getByRole"]>> {
  await page.getByRole("button", { name: "Settings" }).click();
  const form = page.getByRole("form", { name: "Settings" });
  await form.getByRole("textbox", { name: /^Signature/ }).waitFor({ state: "visible", timeout: 30_000 });
  return form;
}

beforeAll(async () => {
  worker = await startWorker();
  // Settings belong to a mailbox: wait until the sandbox mailbox is connected and baselined.
  await waitUntilBaselined(worker);
  browser = await openPlainPane(worker, { width: 320, height: 900 });
  page = browser.page;
  mkdirSync(resultsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("Settings in the pane, against the real worker", () => {
  it("opens from the header's gear at 320 px, accessibly", async () => {
    const form = await openSettings();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Settings");
    expect(await page.getByRole("tablist").isVisible()).toBe(false);
    expect(await form.getByRole("textbox", { name: /^Outlook category/ }).inputValue()).toBe("Networking");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(resultsDir, "settings.png"), fullPage: true });
    await expectNoSeriousAxeViolations(page);
  });

  it("shows a bad value under its field and saves nothing", async () => {
    const form = page.getByRole("form", { name: "Settings" });
    await form.getByRole("spinbutton", { name: /^Meeting length/ }).fill("5");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => form.getByText(/is 10 to 240/).count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    expect((await callApi<Settings>(worker!, "/api/settings")).meetingLengthMinutes).toBe(30);
    await form.getByRole("button", { name: "Undo changes" }).click();
    expect(await form.getByRole("spinbutton", { name: /^Meeting length/ }).inputValue()).toBe("30");
  });

  it("saves a new signature and keyword, and they are still there after a reload", async () => {
    const form = page.getByRole("form", { name: "Settings" });
    await form.getByRole("textbox", { name: /^Signature/ }).fill("Ada, Harbour Bakery");
    const keywords = form.getByRole("textbox", { name: /^Subject keywords/ });
    await keywords.fill(`${await keywords.inputValue()}\nRotary`);
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Settings saved").count(), { timeout: 10_000 }).toBe(1);

    const stored = await callApi<Settings>(worker!, "/api/settings");
    expect(stored.signature).toBe("Ada, Harbour Bakery");
    expect(stored.subjectKeywords).toContain("Rotary");

    await page.reload();
    const again = await openSettings();
    expect(await again.getByRole("textbox", { name: /^Signature/ }).inputValue()).toBe("Ada, Harbour Bakery");
    expect((await again.getByRole("textbox", { name: /^Subject keywords/ }).inputValue()).split("\n")).toContain("Rotary");
    await expectNoSeriousAxeViolations(page);
  });

  it("goes back to the tabs from the gear", async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    await expect.poll(() => page.getByRole("tablist").isVisible()).toBe(true);
    expect(await page.getByRole("form", { name: "Settings" }).count()).toBe(0);
  });

  it("has a way back beside its title, not only the gear", async () => {
    await openSettings();
    await page.getByRole("button", { name: /^Back to / }).click();
    await expect.poll(() => page.getByRole("tablist").isVisible()).toBe(true);
    expect(await page.getByRole("form", { name: "Settings" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Back to / }).count()).toBe(0);
  });
});
