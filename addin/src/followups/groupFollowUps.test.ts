import { describe, expect, it } from "vitest";
import { compareFollowUps, effectiveDueAt, groupFollowUps } from "./groupFollowUps";
import type { FollowUp } from "./model";

function item(id: string, dueAt: string, extra: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    person: { displayName: `Person ${id}`, email: `${id}@example.com` },
    step: "thankYou",
    dueAt,
    state: "pending",
    draftId: null,
    snoozedUntil: null,
    ...extra,
  };
}

// 14:00 on Wednesday 25 Nov 2026 in Auckland (UTC+13).
const now = new Date("2026-11-25T14:00:00+13:00");
const auckland = "Pacific/Auckland";

describe("groupFollowUps", () => {
  it("puts past-due items in Overdue, the rest of today in Due today and later ones in Upcoming", () => {
    const groups = groupFollowUps(
      [
        item("later", "2026-11-27T09:00:00+13:00"),
        item("past", "2026-11-25T09:00:00+13:00"),
        item("tonight", "2026-11-25T23:59:00+13:00"),
        item("midnight", "2026-11-26T00:00:00+13:00"),
      ],
      now,
      auckland,
    );
    expect(groups.map((g) => [g.title, g.items.map((i) => i.id)])).toEqual([
      ["Overdue", ["past"]],
      ["Due today", ["tonight"]],
      ["Upcoming", ["midnight", "later"]],
    ]);
  });

  it.each([
    // Same instant, viewed from two zones: 14:00 in Auckland is 01:00 in London, so London's "today" ends 23 hours later.
    ["Pacific/Auckland", "2026-11-26T10:00:00+13:00", "Upcoming"],
    ["Europe/London", "2026-11-26T10:00:00+13:00", "Due today"],
  ])("judges 'today' by the viewer's own midnight (%s)", (zone, dueAt, expected) => {
    const [group] = groupFollowUps([item("a", dueAt)], now, zone);
    expect(group?.title).toBe(expected);
  });

  it("treats an item due this very instant as due today, not overdue", () => {
    const [group] = groupFollowUps([item("a", now.toISOString())], now, auckland);
    expect(group?.key).toBe("today");
  });

  it("leaves out empty groups and closed items", () => {
    const groups = groupFollowUps(
      [item("open", "2026-11-30T09:00:00+13:00"), item("closed", "2026-11-20T09:00:00+13:00", { state: "done" })],
      now,
      auckland,
    );
    expect(groups.map((g) => g.key)).toEqual(["upcoming"]);
  });

  it("returns no groups for an empty list", () => {
    expect(groupFollowUps([], now, auckland)).toEqual([]);
  });

  it("moves an overdue item snoozed until tomorrow out of Overdue", () => {
    const snoozed = item("s", "2026-11-24T09:00:00+13:00", { state: "snoozed", snoozedUntil: "2026-11-26T09:00:00+13:00" });
    const [group] = groupFollowUps([snoozed], now, auckland);
    expect(group?.key).toBe("upcoming");
  });

  it("shows a snoozed item whose snooze has ended as overdue again", () => {
    const snoozed = item("s", "2026-11-24T09:00:00+13:00", { state: "snoozed", snoozedUntil: "2026-11-25T10:00:00+13:00" });
    const [group] = groupFollowUps([snoozed], now, auckland);
    expect(group?.key).toBe("overdue");
  });
});

describe("sorting", () => {
  it("orders by due instant, not by the text of the timestamp, across offsets", () => {
    const a = item("a", "2026-11-26T09:00:00+13:00"); // 2026-11-25T20:00Z
    const b = item("b", "2026-11-25T21:00:00+00:00"); // later instant, earlier-looking text
    expect([b, a].sort(compareFollowUps).map((i) => i.id)).toEqual(["a", "b"]);
  });

  it("breaks ties by person name so the list does not reshuffle between refreshes", () => {
    const due = "2026-11-26T09:00:00+13:00";
    const zoe = item("1", due, { person: { displayName: "Zoë Ångström", email: "zoe@example.com" } });
    const adam = item("2", due, { person: { displayName: "Adam Ng", email: "adam@example.com" } });
    expect([zoe, adam].sort(compareFollowUps).map((i) => i.person.displayName)).toEqual(["Adam Ng", "Zoë Ångström"]);
  });

  it("uses the due time when a snooze ends before it", () => {
    const i = item("x", "2026-11-28T09:00:00+13:00", { state: "snoozed", snoozedUntil: "2026-11-26T09:00:00+13:00" });
    expect(effectiveDueAt(i).toISOString()).toBe("2026-11-27T20:00:00.000Z");
  });
});
