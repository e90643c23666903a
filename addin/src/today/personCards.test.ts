import { describe, expect, it } from "vitest";
import type { FollowUp } from "../followups/model";
import type { TodayItem } from "./model";
import { groupByPerson, personContext, readyLabel } from "./personCards";
import { followUpToToday, referralToToday } from "./sources";

const zone = "Pacific/Auckland";
// Wednesday 25 Nov 2026, 10:00 in Auckland (+13:00).
const now = new Date("2026-11-25T10:00:00+13:00");

function step(who: string, stepKind: FollowUp["step"], dueAt: string, extra: Partial<FollowUp> = {}): TodayItem {
  return followUpToToday({
    id: `${who}-${stepKind}`,
    person: { displayName: who, email: `${who.toLowerCase()}@example.com` },
    step: stepKind,
    dueAt,
    state: "pending",
    draftId: null,
    snoozedUntil: null,
    ...extra,
  });
}

describe("Today as one card per person", () => {
  const items = [
    step("Aroha", "thankYou", "2026-11-24T09:00:00+13:00"),
    step("Aroha", "connect", "2026-12-01T09:00:00+13:00"),
    step("Aroha", "oneToOne", "2026-12-23T09:00:00+13:00"),
    step("Ben", "connect", "2026-11-25T15:00:00+13:00"),
    step("Ben", "oneToOne", "2026-12-20T09:00:00+13:00"),
    // Same person, the address in another case.
    { ...step("Ben", "thankYou", "2026-11-26T09:00:00+13:00"), person: { displayName: "Ben", email: "BEN@example.com" } },
  ];

  it("shows seven people with three steps each as seven cards, not 21 rows", () => {
    const many = ["A", "B", "C", "D", "E", "F", "G"].flatMap((p) => [
      step(p, "thankYou", "2026-11-25T12:00:00+13:00"),
      step(p, "connect", "2026-12-01T12:00:00+13:00"),
      step(p, "oneToOne", "2026-12-24T12:00:00+13:00"),
    ]);
    const groups = groupByPerson(many, now, zone);
    expect(groups.flatMap((g) => g.cards)).toHaveLength(7);
    expect(groups.flatMap((g) => g.cards).every((c) => c.next.kind === "thankYou" && c.others.length === 2)).toBe(true);
  });

  it("puts each card in the group of the person's next step, with the other steps earliest first", () => {
    const groups = groupByPerson(items, now, zone);
    expect(groups.map((g) => [g.key, g.cards.map((c) => c.next.id)])).toEqual([
      ["overdue", ["Aroha-thankYou"]],
      ["today", ["Ben-connect"]],
    ]);
    expect(groups[1]?.cards[0]?.others.map((o) => o.id)).toEqual(["Ben-thankYou", "Ben-oneToOne"]);
  });

  it("moves a person's card when their next step is snoozed past the others", () => {
    const snoozed = items.map((i) => (i.id === "Aroha-thankYou" ? { ...i, state: "snoozed" as const, snoozedUntil: "2026-11-28T09:00:00+13:00" } : i));
    const groups = groupByPerson(snoozed, now, zone);
    const aroha = groups.flatMap((g) => g.cards).find((c) => c.key === "aroha@example.com");
    expect(aroha?.next.id).toBe("Aroha-thankYou");
    expect(groups.find((g) => g.cards.includes(aroha!))?.key).toBe("thisWeek");
  });

  it("leaves done and skipped steps out of a card", () => {
    const closed = items.map((i) => (i.id === "Aroha-thankYou" ? { ...i, state: "done" as const } : i));
    const aroha = groupByPerson(closed, now, zone).flatMap((g) => g.cards).find((c) => c.key === "aroha@example.com");
    expect(aroha?.next.id).toBe("Aroha-connect");
    expect(aroha?.others.map((o) => o.id)).toEqual(["Aroha-oneToOne"]);
  });

  it("gives a duty with no address its own card", () => {
    const referral = referralToToday({
      id: "r1",
      direction: "received",
      partner: { displayName: "Ana", email: "ana@example.com" },
      prospect: { displayName: "Wiremu", email: null, phone: "021 555 0100" },
      introDraftId: null,
      checkInDraftId: null,
      closeDraftId: null,
      duty: { kind: "contactProspect", dueAt: "2026-11-25T18:00:00+13:00", escalation: "none" },
    });
    const cards = groupByPerson([referral!, { ...referral!, key: "referrals:r2", id: "r2" }], now, zone).flatMap((g) => g.cards);
    expect(cards).toHaveLength(2);
  });
});

describe("what is ready", () => {
  it("says the hold at its own time in the mailbox's zone", () => {
    const hold = step("Aroha", "oneToOne", "2026-12-23T09:00:00+13:00", { holdEventId: "h1", holdStartsAt: "2026-11-26T01:45:00Z", state: "prepared" });
    expect(readyLabel(hold, zone, "en-US")).toBe("Hold: Thu 02:45 PM");
    expect(readyLabel(hold, "Europe/London", "en-GB")).toBe("Hold: Thu 01:45");
  });

  it("says a hold without a known time, a draft, and a referral duty", () => {
    expect(readyLabel(step("A", "oneToOne", "2026-12-23T09:00:00+13:00", { holdEventId: "h1" }), zone)).toBe("Hold placed");
    expect(readyLabel(step("A", "thankYou", "2026-12-23T09:00:00+13:00", { draftId: "d1" }), zone)).toBe("Draft ready");
    expect(readyLabel({ source: "referrals", kind: "referral:contactProspect", draftId: null, holdEventId: null }, zone)).toBe("Referral duty");
    expect(readyLabel(step("A", "connect", "2026-12-23T09:00:00+13:00"), zone)).toBeNull();
  });

  it("gives the person's context: company and how they met", () => {
    expect(personContext({ company: "Kauri Consulting", context: "Met at Chamber mixer" })).toBe("Kauri Consulting · Met at Chamber mixer");
    expect(personContext({ company: " ", context: "Met at Chamber mixer" })).toBe("Met at Chamber mixer");
    expect(personContext({ company: null, context: null })).toBeNull();
  });
});
