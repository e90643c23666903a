import type { Page } from "playwright-core";

/** What the fake Outlook records: [method, ...args]. */
export type Call = [string, ...unknown[]];

export interface FakeAddress {
  emailAddress: string;
  displayName: string;
}

export interface FakeItem {
  /** Read mode: the sender. */
  from?: FakeAddress;
  /** Read mode: the EWS id Outlook gives the open message (item.itemId), its subject and To line. */
  itemId?: string;
  subject?: string;
  to?: FakeAddress[];
  /** Compose mode: the To line, read with to.getAsync. */
  composeTo?: FakeAddress[];
}

export interface FakeMailbox {
  /** The signed-in user (userProfile); me@example.com by default. */
  user?: FakeAddress;
  /** What convertToRestId answers for an EWS id; any other id becomes `rest:{id}`. */
  restIds?: Record<string, string>;
}

/**
 * An office-addin-mock-like Outlook, injected before the page's scripts: Office.onReady, a mailbox
 * whose item the test can switch (firing the stored ItemChanged handler, as a pinned pane sees it),
 * and displayMessageForm / displayAppointmentForm / convertToEwsId / convertToRestId that record
 * their calls on window.__calls. The real office.js is blocked, so this is the only Office the pane sees.
 */
export async function injectOutlook(page: Page, initial: FakeItem | null, options: FakeMailbox = {}): Promise<void> {
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
  await page.addInitScript(({ first, user, restIds }: { first: FakeItem | null } & FakeMailbox) => {
    type Handler = (args: unknown) => void;
    const w = window as unknown as Record<string, unknown>;
    const calls: unknown[][] = [];
    const handlers: Record<string, Handler[]> = {};
    const toItem = (spec: FakeItem | null): unknown => {
      if (!spec) return null;
      if (spec.from) return { itemType: "message", itemId: spec.itemId, subject: spec.subject, from: spec.from, to: spec.to ?? [] };
      const to = spec.composeTo ?? [];
      return {
        itemType: "message",
        to: { getAsync: (cb: (r: unknown) => void) => setTimeout(() => cb({ status: "succeeded", value: to }), 0) },
        addHandlerAsync: (type: string, h: Handler) => (handlers[`item:${type}`] ??= []).push(h),
      };
    };
    const mailbox = {
      item: toItem(first),
      userProfile: user ?? { emailAddress: "me@example.com", displayName: "Me" },
      addHandlerAsync(type: string, h: Handler, cb?: (r: unknown) => void) {
        (handlers[type] ??= []).push(h);
        cb?.({ status: "succeeded" });
      },
      displayMessageForm: (id: string) => calls.push(["displayMessageForm", id]),
      displayAppointmentForm: (id: string) => calls.push(["displayAppointmentForm", id]),
      convertToEwsId: (id: string, version: unknown) => {
        calls.push(["convertToEwsId", id, version]);
        return `ews:${id}`;
      },
      convertToRestId: (id: string, version: unknown) => {
        calls.push(["convertToRestId", id, version]);
        return restIds?.[id] ?? `rest:${id}`;
      },
    };
    w.__calls = calls;
    w.__selectItem = (spec: FakeItem | null) => {
      mailbox.item = toItem(spec);
      for (const h of handlers.olkItemSelectedChanged ?? []) h({ type: "olkItemSelectedChanged" });
    };
    w.Office = {
      onReady: (cb?: (info: unknown) => void) => {
        const info = { host: "Outlook", platform: "OfficeOnline" };
        cb?.(info);
        return Promise.resolve(info);
      },
      EventType: { ItemChanged: "olkItemSelectedChanged", RecipientsChanged: "olkRecipientsChanged", OfficeThemeChanged: "officeThemeChanged" },
      MailboxEnums: { RestVersion: { v2_0: "v2.0" } },
      context: { mailbox, officeTheme: { bodyBackgroundColor: "#ffffff" } },
    };
  }, { first: initial, ...options });
}

export async function selectItem(page: Page, spec: FakeItem | null): Promise<void> {
  await page.evaluate((s) => (window as unknown as { __selectItem(x: unknown): void }).__selectItem(s), spec);
}

export async function calls(page: Page): Promise<Call[]> {
  return page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls.slice());
}
