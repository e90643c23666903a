import { describe, expect, it } from "vitest";
import { stopped, stoppedItem } from "../outbox/fixtures";
import { gaveUpText } from "../outbox/gaveUp";
import type { OutboxStatus } from "../outbox/model";
import { fallbackReconnectAction, formatAgo, friendlyNames, summariseHealth, summariseNotifications, summariseOutbox } from "./health";
import type { NotificationsStatus, ResourceStatus, SyncStatus } from "./model";

function resource(resourceName: string, extra: Partial<ResourceStatus> = {}): ResourceStatus {
  return { resource: resourceName, stage: "Incremental", lastSuccessAt: "2026-11-25T09:00:00Z", lastError: null, failureCount: 0, itemsSkipped: 0, ...extra };
}

function status(sync: ResourceStatus[], connected = true): SyncStatus {
  return { connected, baselinedAt: "2026-11-20T09:00:00Z", acquaintances: 3, sync };
}

describe("sync health", () => {
  it("names resources for people: contacts folders by number, then the calendar", () => {
    const summary = summariseHealth(status([resource("calendar"), resource("contacts/BBB"), resource("contacts/AAA")]));
    expect(summary.resources.map((r) => r.name)).toEqual(["Contacts (folder 1)", "Contacts (folder 2)", "Calendar"]);
    expect(summary).toMatchObject({ headline: "Everything is syncing", tone: "ok", reconnectNeeded: false });
  });

  it("keeps folder numbers stable whatever order the worker lists them in", () => {
    expect(friendlyNames(["contacts/B", "contacts/A"]).get("contacts/A")).toBe("Contacts (folder 1)");
  });

  it("says to reconnect when any resource needs it", () => {
    const summary = summariseHealth(status([resource("calendar"), resource("contacts/A", { stage: "ReconnectNeeded", lastError: "401 Unauthorized", failureCount: 3 })]));
    expect(summary.headline).toBe("Reconnect needed: the mailbox refused the worker's sign-in");
    expect(summary.action).toBe(fallbackReconnectAction);
    expect(summary.tone).toBe("error");
    expect(summary.resources[0]).toMatchObject({ stageText: "Reconnect needed", tone: "error", problem: "401 Unauthorized (3 failed attempts in a row)" });
  });

  it("says why and what to do when the worker's sign-in was refused, in the worker's own words for its mode", () => {
    const action = "An administrator must check the app registration: …; then restart the worker.";
    const refusedAtRefresh = summariseHealth({ ...status([resource("contacts/A")]), signInRefused: "AADSTS700027", reconnectAction: action });
    const refusedBeforeConnecting = summariseHealth({ ...status([], false), signInRefused: "InvalidAuthenticationToken", reconnectAction: action });
    const fine = summariseHealth({ ...status([resource("contacts/A")]), signInRefused: null, reconnectAction: action });

    expect(refusedAtRefresh).toMatchObject({ headline: "Reconnect needed: the mailbox refused the worker's sign-in (AADSTS700027)", tone: "error", reconnectNeeded: true, action });
    expect(refusedBeforeConnecting).toMatchObject({ headline: "Reconnect needed: the mailbox refused the worker's sign-in (InvalidAuthenticationToken)", tone: "error", action });
    expect(fine).toMatchObject({ headline: "Everything is syncing", tone: "ok", reconnectNeeded: false, action: null });
  });

  it("reports skipped items and why", () => {
    const summary = summariseHealth(status([resource("contacts/A", { itemsSkipped: 2 }), resource("calendar", { itemsSkipped: 1 })]));
    expect(summary.resources[0]?.skipped).toBe(
      "2 items skipped: new contacts whose email addresses no draft can be written to, or contacts Outlook sent in a shape the worker could not read. The rest synced normally.",
    );
    expect(summary.resources[1]?.skipped).toBe("1 item skipped: Outlook sent it in a shape the worker could not read. The rest synced normally.");
  });

  it("warns while a resource keeps failing but is not yet a reconnect", () => {
    const summary = summariseHealth(status([resource("calendar", { failureCount: 2, lastError: "Throttled (429)" })]));
    expect(summary).toMatchObject({ tone: "warning", headline: "Sync is having trouble; it keeps retrying" });
    expect(summary.resources[0]?.stageText).toBe("Up to date, retrying");
  });

  it("says when no mailbox is connected", () => {
    expect(summariseHealth(status([], false)).headline).toBe("Not connected to a mailbox yet");
  });

  it("says when a resource has never synced", () => {
    expect(formatAgo(undefined, new Date())).toBe("never");
    expect(formatAgo(new Date("2026-11-25T08:55:00Z"), new Date("2026-11-25T09:00:00Z"), "en")).toBe("5 minutes ago");
  });
});

describe("re-reads after the baseline", () => {
  const at = "2026-11-25T09:00:00Z";

  it("says in plain words that an expired cursor was re-read and what that found", () => {
    const summary = summariseHealth(
      status([resource("contacts/A", { lastResync: { at, reason: "CursorExpired", read: 1234, new: 3, removed: 1 } })]),
      "en",
    );

    expect(summary.resources[0]?.resync).toEqual({
      at: new Date(at),
      text: "Outlook expired the sync cursor, so everything was read again: 1,234 contacts, 3 new since the last sync, 1 removed.",
    });
    expect(summary).toMatchObject({ headline: "Everything is syncing", tone: "ok" });
  });

  it("counts calendar items as events and names a moved window for what it is", () => {
    const summary = summariseHealth(status([resource("calendar", { lastResync: { at, reason: "WindowMoved", read: 1, new: 0, removed: 2 } })]), "en");

    expect(summary.resources[0]?.resync?.text).toBe("The calendar moved on to a new week, so it was read again: 1 event, 0 new since the last sync, 2 removed.");
  });

  it("says nothing when a resource was never read again, or the worker is too old to say", () => {
    const summary = summariseHealth(status([resource("contacts/A", { lastResync: null }), resource("contacts/B")]));

    expect(summary.resources.map((r) => r.resync)).toEqual([null, null]);
  });

  it("shows a re-read in progress as normal work, not trouble", () => {
    const summary = summariseHealth(status([resource("contacts/A", { stage: "Resync" })]));

    expect(summary.resources[0]).toMatchObject({ stageText: "Reading everything again", tone: "ok" });
    expect(summary.headline).toBe("Everything is syncing");
  });
});

const withOutbox = (outbox: OutboxStatus): SyncStatus => ({ ...status([resource("calendar")]), outbox });

describe("the Health view's drafts and holds", () => {
  it("lists each stopped item as what and for whom, with the reason", () => {
    const health = summariseOutbox({ pending: 0, retrying: 0, gaveUp: [stoppedItem(), stoppedItem({ outboxId: "o2", what: "close-the-loop draft", who: "  ", kind: "closeTheLoopDraft" })] });

    expect(health.headline).toBe("2 drafts or holds could not be prepared");
    expect(health.items.map((i) => i.title)).toEqual(["Thank-you draft for Mere Tane", "Close-the-loop draft for someone"]);
    expect(health.items[0]?.reason).toBe(gaveUpText(stopped));
    expect(health.waiting).toBeNull();
  });

  it("says how many wait to be made and how many of those are retrying", () => {
    expect(summariseOutbox({ pending: 1, retrying: 0, gaveUp: [] })).toEqual({ headline: null, waiting: "1 draft or hold waiting to be made", items: [] });
    expect(summariseOutbox({ pending: 3, retrying: 2, gaveUp: [stoppedItem()] }).waiting).toBe("3 drafts or holds waiting to be made, 2 of them retrying after a failure");
  });

  it("says holds waiting for a thank-you apart, not as waiting to be made", () => {
    expect(summariseOutbox({ pending: 0, retrying: 0, gaveUp: [], holdsWaitingForThankYou: 5 }).waiting).toBe("5 holds waiting for a thank-you to be sent");
    expect(summariseOutbox({ pending: 2, retrying: 0, gaveUp: [], holdsWaitingForThankYou: 1 }).waiting).toBe(
      "2 drafts or holds waiting to be made; 1 hold waiting for a thank-you to be sent",
    );
    expect(summariseOutbox({ pending: 0, retrying: 0, gaveUp: [], holdsWaitingForThankYou: 0 }).waiting).toBeNull();
  });

  it("has nothing to say for a worker that reports no outbox", () => {
    expect(summariseOutbox(undefined)).toEqual({ headline: null, waiting: null, items: [] });
    expect(summariseOutbox(null).items).toEqual([]);
  });

  it("turns the headline into a warning when something stopped, while a refused sign-in still comes first", () => {
    expect(summariseHealth(withOutbox({ pending: 0, retrying: 0, gaveUp: [stoppedItem()] }))).toMatchObject({ headline: "1 draft or hold could not be prepared; try again below", tone: "warning" });
    expect(summariseHealth(withOutbox({ pending: 2, retrying: 1, gaveUp: [] }))).toMatchObject({ headline: "Everything is syncing", tone: "ok" });
    expect(summariseHealth({ ...withOutbox({ pending: 0, retrying: 0, gaveUp: [stoppedItem()] }), signInRefused: "AADSTS700027" }).tone).toBe("error");
  });
});

describe("the Health view's change notifications", () => {
  const on = (extra: Partial<NotificationsStatus> = {}): NotificationsStatus => ({ on: true, healthy: true, subscriptions: [], lastError: null, ...extra });
  const refused: Partial<NotificationsStatus> = {
    healthy: false,
    lastError: "ValidationError",
    lastErrorMessage: "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.",
    lastErrorAt: "2026-11-25T09:00:00Z",
  };

  it("has nothing to say when they are off or the worker does not report them", () => {
    expect(summariseNotifications({ on: false, healthy: false, subscriptions: [], lastError: null })).toBeNull();
    expect(summariseNotifications(undefined)).toBeNull();
  });

  it("shows Graph's reason and when, and warns in the headline, when a subscription was refused", () => {
    const summary = summariseHealth({ ...status([resource("calendar")]), notifications: on(refused) });
    expect(summary.notifications).toMatchObject({
      stageText: "Not working",
      tone: "warning",
      problem: "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. (ValidationError)",
      problemAt: new Date("2026-11-25T09:00:00Z"),
    });
    expect(summary).toMatchObject({ headline: "Change notifications are not working; the mailbox is checked at the usual interval", tone: "warning" });
  });

  it("shows the code alone from a worker that gives no message", () => {
    expect(summariseNotifications(on({ healthy: false, lastError: "http503" }))?.problem).toBe("http503");
  });

  it("is calm when they work, or while they are being set up", () => {
    expect(summariseNotifications(on())).toMatchObject({ stageText: "On", tone: "ok", problem: null });
    expect(summariseNotifications(on({ healthy: false }))).toMatchObject({ stageText: "Being set up", tone: "ok", problem: null });
    expect(summariseHealth({ ...status([resource("calendar")]), notifications: on() }).headline).toBe("Everything is syncing");
  });
});
