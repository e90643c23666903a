import { describe, expect, it } from "vitest";
import { describeRelative, formatCalendarDate, formatClockTime, formatDate, formatDateTime, formatDueTime, formatEventRange, formatWeekdayDate, zoneNote } from "./formatDue";

const now = new Date("2026-11-25T14:00:00+13:00");
const auckland = "Pacific/Auckland";

describe("due time text", () => {
  it("says today or tomorrow for the next two days, in the mailbox's zone", () => {
    expect(formatDueTime(new Date("2026-11-25T18:30:00+13:00"), auckland, now, "en-GB")).toBe("today 18:30");
    expect(formatDueTime(new Date("2026-11-26T09:00:00+13:00"), auckland, now, "en-GB")).toBe("tomorrow 09:00");
  });

  it("says yesterday for the day before, as a prompt's event end reads", () => {
    expect(formatDueTime(new Date("2026-11-24T19:30:00+13:00"), auckland, now, "en-GB")).toBe("yesterday 19:30");
  });

  it("writes an event's span once for the day, fully when it crosses midnight", () => {
    expect(formatEventRange(new Date("2026-11-24T17:30:00+13:00"), new Date("2026-11-24T19:30:00+13:00"), auckland, now, "en-GB")).toBe("yesterday 17:30–19:30");
    expect(formatEventRange(new Date("2026-11-24T22:00:00+13:00"), new Date("2026-11-25T01:00:00+13:00"), auckland, now, "en-GB")).toBe(
      "yesterday 22:00 – today 01:00",
    );
  });

  it("shows the mailbox's wall time even when the instant is written with another offset", () => {
    expect(formatDueTime(new Date("2026-11-25T20:00:00Z"), auckland, now, "en-GB")).toBe("tomorrow 09:00");
  });

  it("shows weekday and date further out, with the year only when it differs", () => {
    // Punctuation between the parts varies with the ICU version, so only the parts are pinned.
    const thisYear = formatDueTime(new Date("2026-12-02T09:00:00+13:00"), auckland, now, "en-GB");
    expect(thisYear).toMatch(/^Wed,? 2 Dec,? 09:00$/);
    expect(formatDueTime(new Date("2027-01-05T09:00:00+13:00"), auckland, now, "en-GB")).toMatch(/^Tue,? 5 Jan 2027,? 09:00$/);
  });

  it.each([
    ["2026-11-25T09:00:00+13:00", "5 hours overdue"],
    ["2026-11-22T14:00:00+13:00", "3 days overdue"],
    ["2026-11-25T16:00:00+13:00", "in 2 hours"],
    ["2026-11-25T14:00:20+13:00", "now"],
  ])("describes %s relative to now as %j", (due, text) => {
    expect(describeRelative(new Date(due), now, "en")).toBe(text);
  });

  it("notes the zone only when the viewer is elsewhere", () => {
    expect(zoneNote(auckland, auckland)).toBeUndefined();
    expect(zoneNote("America/New_York", auckland)).toBe("Times shown in America/New York");
  });
});

describe("the one time helper renders in the mailbox's zone, whatever the browser's", () => {
  // 2026-11-30T20:30Z is 09:30 on 1 December in Auckland (NZDT, +13).
  const instant = new Date("2026-11-30T20:30:00Z");

  it("clock time", () => {
    expect(formatClockTime(instant, "Pacific/Auckland", "en-GB")).toBe("09:30");
    expect(formatClockTime(instant, "UTC", "en-GB")).toBe("20:30");
  });

  it("date and time", () => {
    expect(formatDateTime(instant, "Pacific/Auckland", "en-GB")).toBe("1 Dec 2026, 09:30");
  });

  it("dates", () => {
    expect(formatDate(instant, "Pacific/Auckland", "en-GB")).toBe("1 Dec 2026");
    expect(formatWeekdayDate(instant, "Pacific/Auckland", "en-GB")).toBe("Tue, 1 Dec 2026");
    expect(formatCalendarDate(2026, 12, 1, "en-GB")).toBe("Tue 1 Dec");
    expect(formatCalendarDate(2026, 12, 1, "en-GB", false)).toBe("1 Dec");
  });
});
