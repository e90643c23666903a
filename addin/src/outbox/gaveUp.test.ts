import { describe, expect, it } from "vitest";
import type { FollowUp } from "../followups/model";
import { followUpToToday, referralToToday, type ReferralJson } from "../today/sources";
import { stopped } from "./fixtures";
import { gaveUpText, gaveUpTitle, retryAnnouncement, retryLabel, retryOutbox } from "./gaveUp";

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
