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


async function openSettings(pane: Page = page): Promise<ReturnType<Page["getByRole"]>> {
  await pane.getByRole("button", { name: "Settings" }).click();
  const form = pane.getByRole("form", { name: "Settings" });
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

  it("tells a second pane that saves stale settings what happened, keeps what it typed, and its next save lands", async () => {
    // Two Outlook windows on one mailbox: both open Settings, then one saves first.
    const before = (await callApi<Settings>(worker!, "/api/settings")).meetingBufferMinutes;
    expect(before).not.toBe(45);
    const first = await openSettings();
    const other = await browser!.context.newPage();
    await other.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await other.goto(`${worker!.baseUrl}/taskpane.html#key=${worker!.apiKey}`);
    const second = await openSettings(other);

    await first.getByRole("textbox", { name: /^Signature/ }).fill("Ada from the first window");
    await first.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("Settings saved").count(), { timeout: 10_000 }).toBe(1);

    // The second window still holds what it read before that save.
    await second.getByRole("spinbutton", { name: /^Free time around it/ }).fill("45");
    await second.getByRole("button", { name: "Save" }).click();
    const notice = other.getByTestId("notice");
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toMatch(/Not saved: your settings were changed elsewhere/);
    const text = (await notice.textContent()) ?? "";
    expect(text).toMatch(/another Outlook window, or another OfficeFollowUp process/);
    expect(text).toMatch(/Now showing what they saved for: Signature\./);
    expect(text).toMatch(/Your changes are still in the form: Free time around it\./);
    expect((await callApi<Settings>(worker!, "/api/settings")).meetingBufferMinutes).toBe(before);
    expect(await second.getByRole("textbox", { name: /^Signature/ }).inputValue()).toBe("Ada from the first window");
    expect(await second.getByRole("spinbutton", { name: /^Free time around it/ }).inputValue()).toBe("45");
    await expectNoSeriousAxeViolations(other);

    // Saved again, against what is saved now: both changes are kept.
    await second.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => other.getByText("Settings saved").count(), { timeout: 10_000 }).toBe(1);
    const stored = await callApi<Settings>(worker!, "/api/settings");
    expect([stored.signature, stored.meetingBufferMinutes]).toEqual(["Ada from the first window", 45]);
    await other.close();
  });
});
