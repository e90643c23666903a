import { describe, expect, it } from "vitest";
import type { FollowUp } from "../followups/model";
import { compareToday, dueCount, groupToday, mergeSources, whenDue } from "./groupToday";
import type { TodayItem } from "./model";
import { followUpToToday, keepInTouchToToday, promiseToToday, referralToToday } from "./sources";

const zone = "Pacific/Auckland";
// Wednesday 25 Nov 2026, 10:00 in Auckland (+13:00).
const now = new Date("2026-11-25T10:00:00+13:00");

function followUp(id: string, dueAt: string, extra: Partial<FollowUp> = {}): FollowUp {
  return { id, person: { displayName: `Person ${id}`, email: `${id}@example.com` }, step: "thankYou", dueAt, state: "prepared", draftId: `d-${id}`, snoozedUntil: null, ...extra };
}

/** A referral duty as a future source would map it: same row shape, another source name. */
function referral(id: string, dueAt: string): TodayItem {
  return {
    key: `referrals:${id}`,
    source: "referrals",
    id,
    person: { displayName: `Prospect ${id}`, email: `p${id}@example.com` },
    kind: "contactProspect",
    why: "Call the prospect Ana referred",
    dueAt,
    state: "pending",
    snoozedUntil: null,
    preferredChannel: "phone",
    draftId: null,
    holdEventId: null,
    profileUrl: null,
    context: "Referred by Ana",
    note: null,
  };
}

describe("Today grouping across sources", () => {
  const items = [
    followUpToToday(followUp("late", "2026-11-24T09:00:00+13:00")),
    followUpToToday(followUp("noon", "2026-11-25T12:00:00+13:00")),
    referral("r1", "2026-11-25T23:30:00+13:00"),
    followUpToToday(followUp("fri", "2026-11-27T09:00:00+13:00", { step: "connect" })),
    referral("r2", "2026-12-01T23:59:00+13:00"),
    followUpToToday(followUp("dec", "2026-12-02T00:00:00+13:00", { step: "oneToOne" })),
  ];

  it.each([
    ["overdue", ["followUps:late"]],
    ["today", ["followUps:noon", "referrals:r1"]],
    ["thisWeek", ["followUps:fri", "referrals:r2"]],
    ["later", ["followUps:dec"]],
  ] as const)("puts %s items in their group, whatever their source", (key, keys) => {
    const group = groupToday(items, now, zone).find((g) => g.key === key);
    expect(group?.items.map((i) => i.key)).toEqual(keys);
  });

  it("titles the groups for people and leaves empty ones out", () => {
    expect(groupToday(items.slice(1, 2), now, zone).map((g) => g.title)).toEqual(["Due today"]);
    expect(groupToday([], now, zone)).toEqual([]);
  });

  it("moves a snoozed overdue item to when the snooze ends", () => {
    const snoozed = followUpToToday(followUp("s", "2026-11-20T09:00:00+13:00", { state: "snoozed", snoozedUntil: "2026-11-26T09:00:00+13:00" }));
    expect(groupToday([snoozed], now, zone)[0]?.key).toBe("thisWeek");
  });

  it("drops done and skipped items", () => {
    const closed = [followUpToToday(followUp("a", "2026-11-24T09:00:00+13:00", { state: "done" })), followUpToToday(followUp("b", "2026-11-24T09:00:00+13:00", { state: "skipped" }))];
    expect(groupToday(closed, now, zone)).toEqual([]);
  });

  it("orders by due time, then name, so rows do not reshuffle", () => {
    const a = followUpToToday(followUp("b", "2026-11-25T12:00:00+13:00"));
    const b = followUpToToday(followUp("a", "2026-11-25T12:00:00+13:00"));
    expect(groupToday([a, b], now, zone)[0]?.items.map((i) => i.id)).toEqual(["a", "b"]);
  });

  it("merges sources without duplicating a key", () => {
    const one = followUpToToday(followUp("x", "2026-11-25T12:00:00+13:00"));
    expect(mergeSources([[one], [one, referral("r", "2026-11-25T12:00:00+13:00")]]).map((i) => i.key)).toEqual(["followUps:x", "referrals:r"]);
  });
});

describe("Today's edges", () => {
  // 14:00 on Wednesday 25 Nov 2026 in Auckland (UTC+13), 01:00 the same day in London.
  const afternoon = new Date("2026-11-25T14:00:00+13:00");

  it.each([
    // Same instant, seen from two zones: London's "today" ends 23 hours after Auckland's.
    ["Pacific/Auckland", "thisWeek"],
    ["Europe/London", "today"],
  ] as const)("judges 'today' by the zone's own midnight (%s)", (timeZone, expected) => {
    const [group] = groupToday([followUpToToday(followUp("a", "2026-11-26T10:00:00+13:00"))], afternoon, timeZone);
    expect(group?.key).toBe(expected);
  });

  it("treats an item due this very instant as due today, not overdue", () => {
    const [group] = groupToday([followUpToToday(followUp("a", afternoon.toISOString()))], afternoon, zone);
    expect(group?.key).toBe("today");
  });

  it("shows a snoozed item whose snooze has ended as overdue again", () => {
    const snoozed = followUpToToday(followUp("s", "2026-11-24T09:00:00+13:00", { state: "snoozed", snoozedUntil: "2026-11-25T10:00:00+13:00" }));
    expect(groupToday([snoozed], afternoon, zone)[0]?.key).toBe("overdue");
  });

  it("orders by due instant, not by the text of the timestamp, across offsets", () => {
    const a = followUpToToday(followUp("a", "2026-11-26T09:00:00+13:00")); // 2026-11-25T20:00Z
    const b = followUpToToday(followUp("b", "2026-11-25T21:00:00+00:00")); // later instant, earlier-looking text
    expect([b, a].sort(compareToday).map((i) => i.id)).toEqual(["a", "b"]);
  });

  it("uses the due time when a snooze ends before it", () => {
    const item = followUp("x", "2026-11-28T09:00:00+13:00", { state: "snoozed", snoozedUntil: "2026-11-26T09:00:00+13:00" });
    expect(whenDue(item).toISOString()).toBe("2026-11-27T20:00:00.000Z");
  });
});

describe("follow-up rows", () => {
  it("say why, where they met and the preferred channel", () => {
    const row = followUpToToday(followUp("x", "2026-11-25T12:00:00+13:00", { step: "connect", eventSubject: "Chamber mixer", preferredChannel: "LinkedIn" as never }));
    expect(row).toMatchObject({ key: "followUps:x", why: "Connect", context: "Met at Chamber mixer", preferredChannel: "linkedIn", draftId: "d-x" });
  });
});

describe("referral and promise rows", () => {
  it("make a received referral's duty a row about the prospect, with the intro draft", () => {
    const row = referralToToday({
      id: "r1",
      direction: "received",
      partner: { displayName: "Ana Silva", email: "ana@example.com" },
      prospect: { displayName: "Tom Reed", email: "tom@example.com", phone: null },
      introDraftId: "draft-1",
      checkInDraftId: null,
      closeDraftId: null,
      duty: { kind: "contactProspect", dueAt: "2026-11-26T09:00:00+13:00", escalation: "due" },
    });
    expect(row).toMatchObject({ key: "referrals:r1", person: { email: "tom@example.com" }, why: "Contact Tom Reed, referred by Ana Silva", draftId: "draft-1", kind: "referral:contactProspect" });
  });

  it("leave a referral with no duty out", () => {
    expect(
      referralToToday({ id: "r2", direction: "given", partner: { displayName: "A", email: "a@x.com" }, prospect: { displayName: "P", email: null, phone: null }, introDraftId: null, checkInDraftId: null, closeDraftId: null, duty: null }),
    ).toBeNull();
  });

  it("say what was promised, and an open promise is pending", () => {
    const row = promiseToToday({ id: "p1", person: { displayName: "Mere", email: "mere@example.nz" }, text: "an intro to our lawyer", dueAt: "2026-11-27T09:00:00+13:00", state: "open", snoozedUntil: null, eventSubject: "Chamber mixer", preferredChannel: "phone" });
    expect(row).toMatchObject({ key: "promises:p1", why: "You promised: an intro to our lawyer", state: "pending", context: "Promised at Chamber mixer", preferredChannel: "phone" });
  });
});

describe("keep-in-touch rows", () => {
  it("make overdue people and birthdays rows, the birthday due that morning in the mailbox zone", () => {
    const rows = keepInTouchToToday({
      timeZone: "Pacific/Auckland",
      overdue: [{ person: { displayName: "Ana", email: "Ana@x.com" }, tier: "referralPartner", cadenceDays: 14, lastTouch: "2026-11-01T10:00:00+13:00", dueAt: "2026-11-15T10:00:00+13:00", daysOverdue: 10, preferredChannel: "whatsApp" }],
      birthdays: [{ displayName: "Tom", email: null, date: "2026-11-27", daysAway: 2, preferredChannel: null }],
    });
    expect(rows.map((r) => [r.key, r.why, r.context, r.preferredChannel])).toEqual([
      ["keepInTouch:ana@x.com", "Keep in touch (every 14 days)", "Last in touch 2026-11-01 · referral partner", "whatsApp"],
      ["keepInTouch:birthday:tom", "Birthday in 2 days", null, null],
    ]);
    expect(rows[1]?.dueAt).toBe("2026-11-26T20:00:00.000Z");
  });
});

describe("the Today tab's count", () => {
  const zone = "Pacific/Auckland";
  const now = new Date("2026-11-25T14:00:00+13:00");
  const at = (iso: string, state: TodayItem["state"] = "pending", snoozedUntil: string | null = null): TodayItem => ({
    key: `followUps:${iso}:${state}`,
    source: "followUps",
    id: iso,
    person: { email: "a@example.com", displayName: "A" },
    kind: "thankYou",
    why: "Thank-you note",
    dueAt: iso,
    state,
    snoozedUntil,
    preferredChannel: null,
    draftId: null,
    holdEventId: null,
    profileUrl: null,
    context: null,
    note: null,
  });

  it("counts what is overdue or due today, not later items, snoozed-away items or closed ones", () => {
    const items = [
      at("2026-11-24T09:00:00+13:00"), // overdue
      at("2026-11-25T17:00:00+13:00"), // today
      at("2026-11-27T09:00:00+13:00"), // this week
      at("2026-11-24T09:00:00+13:00", "snoozed", "2026-11-28T09:00:00+13:00"), // snoozed past today
      at("2026-11-24T10:00:00+13:00", "done"),
    ];
    expect(dueCount(items, now, zone)).toBe(2);
    expect(dueCount([], now, zone)).toBe(0);
  });
});
