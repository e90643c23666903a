import { describe, expect, it } from "vitest";
import type { FollowUp } from "../followups/model";
import { summariseHealth } from "../health/health";
import type { SyncStatus } from "../health/model";
import { followUpToToday, referralToToday, type ReferralJson } from "../today/sources";
import { gaveUpText, gaveUpTitle, retryAnnouncement, retryLabel, retryOutbox, summariseOutbox } from "./gaveUp";
import type { GaveUp, GaveUpItem, OutboxStatus } from "./model";

const stopped: GaveUp = {
  outboxId: "o1",
  what: "thank-you draft",
  reason: "Outlook was unavailable (HTTP 503); the worker tried 20 times over 2 hours and stopped.",
  attempts: 20,
  at: "2026-11-25T10:00:00+13:00",
  kind: "thankYouDraft",
};

const item = (patch: Partial<GaveUpItem> = {}): GaveUpItem => ({ ...stopped, who: "Mere Tane", stepId: "s1", referralId: null, ...patch });

function status(outbox: OutboxStatus | null | undefined): SyncStatus {
  return {
    connected: true,
    baselinedAt: "2026-11-20T09:00:00Z",
    acquaintances: 3,
    sync: [{ resource: "calendar", stage: "Incremental", lastSuccessAt: "2026-11-25T09:00:00Z", lastError: null, failureCount: 0, itemsSkipped: 0 }],
    outbox,
  };
}

describe("a draft or hold the worker stopped trying to make", () => {
  it("says on its row what could not be prepared, the worker's reason, and that it can be tried again", () => {
    expect(gaveUpTitle(stopped)).toBe("Couldn't prepare the thank-you draft");
    expect(gaveUpText(stopped)).toBe("Outlook was unavailable (HTTP 503); the worker tried 20 times over 2 hours and stopped. Try again when you are ready.");
  });

  it("still says something when an older worker sent no reason", () => {
    expect(gaveUpText({ ...stopped, reason: " ", attempts: 1 })).toBe("It failed 1 time. Try again when you are ready.");
  });

  it("names the button by its visible text, what and for whom, and announces the retry", () => {
    expect(retryLabel(stopped, "Mere Tane")).toBe("Try again: thank-you draft for Mere Tane");
    expect(retryAnnouncement({ what: "close-the-loop draft" }, "Sam Taylor")).toBe("The close-the-loop draft for Sam Taylor will be tried again.");
  });

  it("travels with a follow-up and with a referral onto their Today rows", () => {
    const followUp: FollowUp = { id: "s1", person: { displayName: "Mere Tane", email: "mere@kiwi.example" }, step: "thankYou", dueAt: "2026-11-25T09:00:00+13:00", state: "pending", draftId: null, snoozedUntil: null, gaveUp: stopped };
    const referral: ReferralJson = {
      id: "r1",
      direction: "received",
      partner: { displayName: "Sam Taylor", email: "sam@taylor.example" },
      prospect: { displayName: "Alex Chen", email: "alex@kiwi.example", phone: null },
      introDraftId: null,
      checkInDraftId: null,
      closeDraftId: null,
      duty: { kind: "contactProspect", dueAt: "2026-11-26T09:00:00+13:00", escalation: "onTrack" },
      gaveUp: { ...stopped, what: "draft to the prospect", kind: "referralIntroDraft" },
    };

    expect(followUpToToday(followUp).gaveUp).toEqual(stopped);
    expect(followUpToToday({ ...followUp, gaveUp: undefined }).gaveUp).toBeNull();
    expect(referralToToday(referral)?.gaveUp?.what).toBe("draft to the prospect");
  });
});

describe("the Health view's drafts and holds", () => {
  it("lists each stopped item as what and for whom, with the reason", () => {
    const health = summariseOutbox({ pending: 0, retrying: 0, gaveUp: [item(), item({ outboxId: "o2", what: "close-the-loop draft", who: "  ", kind: "closeTheLoopDraft" })] });

    expect(health.headline).toBe("2 drafts or holds could not be prepared");
    expect(health.items.map((i) => i.title)).toEqual(["Thank-you draft for Mere Tane", "Close-the-loop draft for someone"]);
    expect(health.items[0]?.reason).toBe(gaveUpText(stopped));
    expect(health.waiting).toBeNull();
  });

  it("says how many wait to be made and how many of those are retrying", () => {
    expect(summariseOutbox({ pending: 1, retrying: 0, gaveUp: [] })).toEqual({ headline: null, waiting: "1 draft or hold waiting to be made", items: [] });
    expect(summariseOutbox({ pending: 3, retrying: 2, gaveUp: [item()] }).waiting).toBe("3 drafts or holds waiting to be made, 2 of them retrying after a failure");
  });

  it("has nothing to say for a worker that reports no outbox", () => {
    expect(summariseOutbox(undefined)).toEqual({ headline: null, waiting: null, items: [] });
    expect(summariseOutbox(null).items).toEqual([]);
  });

  it("turns the headline into a warning when something stopped, while a refused sign-in still comes first", () => {
    expect(summariseHealth(status({ pending: 0, retrying: 0, gaveUp: [item()] }))).toMatchObject({ headline: "1 draft or hold could not be prepared; try again below", tone: "warning" });
    expect(summariseHealth(status({ pending: 2, retrying: 1, gaveUp: [] }))).toMatchObject({ headline: "Everything is syncing", tone: "ok" });
    expect(summariseHealth({ ...status({ pending: 0, retrying: 0, gaveUp: [item()] }), signInRefused: "AADSTS700027" }).tone).toBe("error");
  });
});

describe("try again", () => {
  it("posts to the entry's retry endpoint, its id escaped", async () => {
    const calls: Array<[string, string]> = [];
    const call = (async (method: string, path: string) => {
      calls.push([method, path]);
      return { outboxId: "a/b", status: "pending" };
    }) as Parameters<typeof retryOutbox>[0];

    await retryOutbox(call, "a/b");

    expect(calls).toEqual([["POST", "/api/outbox/a%2Fb/retry"]]);
  });
});
