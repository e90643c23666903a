import { describe, expect, it } from "vitest";
import { snoozeChoices } from "./snoozeChoices";
import { instantAt, toIsoWithOffset } from "./zonedTime";

const london = "Europe/London";
const byKey = (now: Date, zone = london) => Object.fromEntries(snoozeChoices(now, zone, "en-GB").map((c) => [c.key, c]));

describe("snooze choices", () => {
  it("offers later today, tomorrow 9:00 and next Monday 9:00 on an ordinary day", () => {
    // Wednesday 25 Nov 2026, 10:00 GMT.
    const c = byKey(new Date("2026-11-25T10:00:00Z"));
    expect(c.laterToday?.until).toBe("2026-11-25T13:00:00+00:00");
    expect(c.tomorrowMorning?.until).toBe("2026-11-26T09:00:00+00:00");
    expect(c.nextWeek?.until).toBe("2026-11-30T09:00:00+00:00");
    expect([c.laterToday?.label, c.laterToday?.detail]).toEqual(["Later today", "13:00"]);
    expect([c.nextWeek?.label, c.nextWeek?.detail]).toEqual(["Next week", "Mon 30 Nov, 09:00"]);
  });

  it("keeps tomorrow 9:00 at 9:00 on the wall clock when the clocks go forward overnight", () => {
    // Saturday 28 Mar 2026, 20:00 GMT; BST starts at 01:00 GMT on Sunday 29 Mar.
    const c = byKey(new Date("2026-03-28T20:00:00Z"));
    expect(c.tomorrowMorning?.until).toBe("2026-03-29T09:00:00+01:00");
    expect(c.tomorrowMorning?.instant.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(c.nextWeek?.until).toBe("2026-03-30T09:00:00+01:00");
  });

  it("adds three real hours across the spring-forward gap", () => {
    // 23:30 GMT on Sat 28 Mar + 3 h = 02:30 UTC = 03:30 BST on Sunday.
    const c = byKey(new Date("2026-03-28T23:30:00Z"));
    expect(c.laterToday?.until).toBe("2026-03-29T03:30:00+01:00");
    expect(c.laterToday?.label).toBe("In 3 hours");
  });

  it("keeps tomorrow 9:00 at 9:00 when the clocks go back overnight", () => {
    // Saturday 24 Oct 2026, 18:00 BST; GMT resumes at 02:00 BST on Sunday 25 Oct.
    const c = byKey(new Date("2026-10-24T17:00:00Z"));
    expect(c.tomorrowMorning?.until).toBe("2026-10-25T09:00:00+00:00");
    expect(c.nextWeek?.until).toBe("2026-10-26T09:00:00+00:00");
  });

  it.each([
    ["Sunday", "2026-11-29T12:00:00Z", "2026-11-30T09:00:00+00:00"],
    ["Monday", "2026-11-30T12:00:00Z", "2026-12-07T09:00:00+00:00"],
    ["Saturday", "2026-11-28T12:00:00Z", "2026-11-30T09:00:00+00:00"],
  ])("on a %s, next week means the coming Monday", (_day, now, expected) => {
    expect(byKey(new Date(now)).nextWeek?.until).toBe(expected);
  });

  it("uses the mailbox zone's calendar, not UTC's, to decide what tomorrow is", () => {
    // 23:30 UTC on Wed 25 Nov is already Thursday 12:30 in Auckland: tomorrow is Friday.
    const c = byKey(new Date("2026-11-25T23:30:00Z"), "Pacific/Auckland");
    expect(c.tomorrowMorning?.until).toBe("2026-11-27T09:00:00+13:00");
  });
});

describe("zoned time", () => {
  it("resolves a wall time inside the spring-forward gap to just after it", () => {
    const t = instantAt({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, london);
    expect(toIsoWithOffset(t, london)).toBe("2026-03-29T02:30:00+01:00");
  });

  it("resolves a wall time shown twice at fall-back to its first occurrence", () => {
    const t = instantAt({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, london);
    expect(t.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("snooze choices around days off", () => {
  // Wednesday 25 Nov 2026, 10:00 GMT.
  const now = new Date("2026-11-25T10:00:00Z");

  it("moves next week past a public holiday on the Monday, and says why", () => {
    const c = Object.fromEntries(snoozeChoices(now, london, "en-GB", [{ date: "2026-11-30", reason: "St Andrew's Day" }]).map((x) => [x.key, x]));
    expect(c.nextWeek?.until).toBe("2026-12-01T09:00:00+00:00");
    expect(c.nextWeek?.detail).toBe("Tue 1 Dec, 09:00 (after St Andrew's Day)");
    expect(c.tomorrowMorning?.until).toBe("2026-11-26T09:00:00+00:00");
  });

  it("moves tomorrow past days out of office to the first day back", () => {
    const off = [
      { date: "2026-11-26", reason: "Out of office" },
      { date: "2026-11-27", reason: "Out of office" },
    ];
    const c = Object.fromEntries(snoozeChoices(now, london, "en-GB", off).map((x) => [x.key, x]));
    expect(c.tomorrowMorning?.until).toBe("2026-11-28T09:00:00+00:00");
    expect([c.tomorrowMorning?.label, c.tomorrowMorning?.detail]).toEqual(["Next day you're in", "Sat 28 Nov, 09:00 (after Out of office)"]);
  });

  it("reads the days on the mailbox's calendar, not UTC's", () => {
    // 10:00 UTC on Wed 25 Nov is 23:00 in Auckland: tomorrow there is Thu 26 Nov.
    const c = Object.fromEntries(snoozeChoices(now, "Pacific/Auckland", "en-GB", [{ date: "2026-11-26", reason: "Out of office" }]).map((x) => [x.key, x]));
    expect(c.tomorrowMorning?.until).toBe("2026-11-27T09:00:00+13:00");
  });

  it("changes nothing without days off", () => {
    expect(snoozeChoices(now, london, "en-GB", [])).toEqual(snoozeChoices(now, london, "en-GB"));
  });
});
