import { describe, expect, it } from "vitest";
import type { FollowUp } from "../followups/model";
import { looksLikeEmail, validateRemember } from "./api";
import { cardName, completionText, howMetText, referralText, trackProgress, trackSteps } from "./personCard";

const now = new Date("2026-11-25T10:00:00+13:00");
const step = (s: FollowUp["step"], state: FollowUp["state"], dueAt: string): FollowUp => ({
  id: `${s}-${dueAt}`,
  person: { displayName: "Aroha", email: "aroha@example.co.nz" },
  step: s,
  dueAt,
  state,
  draftId: null,
  snoozedUntil: null,
});

describe("person card track", () => {
  it("shows the three steps in order with their states", () => {
    const steps = trackSteps(
      { steps: [step("oneToOne", "prepared", "2026-12-20T10:00:00+13:00"), step("thankYou", "done", "2026-11-21T10:00:00+13:00"), step("connect", "pending", "2026-11-24T10:00:00+13:00")] },
      now,
    );
    expect(steps.map((s) => [s.label, s.badge.text])).toEqual([
      ["Thank-you note", "Done"],
      ["Connect", "Overdue"],
      ["One-to-one", "Hold placed"],
    ]);
    expect(trackProgress(steps)).toBe("1 of 3 done");
  });

  it("marks steps the worker has not made yet as not started", () => {
    expect(trackSteps({ steps: [] }, now).map((s) => s.badge.text)).toEqual(["Not started", "Not started", "Not started"]);
  });

  it("takes the latest track for someone met twice", () => {
    const steps = trackSteps({ steps: [step("thankYou", "done", "2026-01-01T10:00:00+13:00"), step("thankYou", "prepared", "2026-11-26T10:00:00+13:00")] }, now);
    expect(steps[0]?.badge.text).toBe("Draft ready");
  });

  it("names the person, falling back to the message's name and then the address", () => {
    expect(cardName({ displayName: "Aroha Ngata", email: "a@x.nz" })).toBe("Aroha Ngata");
    expect(cardName({ displayName: null, email: "a@x.nz" }, "Aroha")).toBe("Aroha");
    expect(cardName({ displayName: " ", email: "a@x.nz" })).toBe("a@x.nz");
  });

  it("checks the one thing to remember as the worker does", () => {
    expect(validateRemember("  ")).toBe("Write the one thing to remember.");
    expect(validateRemember("x".repeat(501))).toBe("Keep it under 500 characters.");
    expect(validateRemember("Designing the library")).toBeUndefined();
  });

  it("checks a looked-up address loosely", () => {
    expect(looksLikeEmail("aroha@example.co.nz")).toBe(true);
    expect(looksLikeEmail("aroha")).toBe(false);
  });
});

describe("the person's story", () => {
  it("an event beats 'Added as a contact', also from an older worker with only the last meeting", () => {
    expect(howMetText({ howMet: { via: "event", subject: "Chamber mixer", eventId: "e1", at: "2026-11-24T17:30:00+13:00" }, eventSubject: null, lastMeeting: null })).toEqual({
      text: "At Chamber mixer",
      at: "2026-11-24T17:30:00+13:00",
    });
    expect(howMetText({ howMet: { via: "contact", subject: null, eventId: null, at: null }, eventSubject: null, lastMeeting: null }).text).toBe("Added as a contact");
    expect(howMetText({ eventSubject: null, lastMeeting: { eventId: "e", subject: "Chamber mixer", start: "2026-11-24T17:30:00+13:00" } }).text).toBe("At Chamber mixer");
  });

  it.each([
    ["partner", "received", "Sam Lee", "Referred Sam Lee to you"],
    ["partner", "given", "Sam Lee", "You referred Sam Lee to them"],
    ["prospect", "received", "Mere Parata", "Mere Parata referred them to you"],
    ["prospect", "given", "Mere Parata", "You referred them to Mere Parata"],
  ] as const)("says a referral where they are the %s, %s, from their side", (role, direction, other, text) => {
    expect(referralText({ id: "r", role, direction, other, referredAt: "2026-11-20T10:00:00+13:00", outcome: null })).toBe(text);
  });

  it("says how a done step was done and when, in the mailbox's zone", () => {
    const at = "2026-11-24T20:00:00Z"; // Wed 25 Nov in Auckland
    expect(completionText({ state: "done", completedVia: "sent", completedAt: at }, "Pacific/Auckland", "en-NZ")).toMatch(/^Sent, Wed,? 25 Nov 2026$/);
    expect(completionText({ state: "done", completedVia: "met", completedAt: at }, "Pacific/Auckland", "en-NZ")).toMatch(/^Met, /);
    expect(completionText({ state: "done", completedVia: "marked", completedAt: null }, "Pacific/Auckland")).toBe("Marked done by you");
    expect(completionText({ state: "pending" }, "Pacific/Auckland")).toBeUndefined();
  });
});
