import { describe, expect, it } from "vitest";
import { parseSnoozePick, toLocalInputValue } from "./snoozePick";

const zone = "Europe/London";
const now = new Date("2026-03-27T12:00:00Z");

describe("picked snooze time", () => {
  it("reads the wall time in the mailbox zone and sends that zone's offset, across DST", () => {
    expect(parseSnoozePick("2026-03-30T09:00", zone, now)).toMatchObject({ ok: true, until: "2026-03-30T09:00:00+01:00" });
    expect(parseSnoozePick("2026-03-28T09:00", zone, now)).toMatchObject({ ok: true, until: "2026-03-28T09:00:00+00:00" });
  });

  it.each([
    ["", "Pick a date and a time."],
    ["2026-03-27T11:00", "Pick a time in the future."],
    ["2027-04-01T09:00", "Pick a time within the next year."],
  ])("rejects %j", (value, error) => {
    expect(parseSnoozePick(value, zone, now)).toEqual({ ok: false, error });
  });

  it("fills the field with a wall time in the zone", () => {
    expect(toLocalInputValue(new Date("2026-07-01T08:05:00Z"), zone)).toBe("2026-07-01T09:05");
  });
});
