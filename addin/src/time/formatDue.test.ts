import { describe, expect, it } from "vitest";
import { describeRelative, formatDueTime, formatEventRange, zoneNote } from "./formatDue";

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
