import { describe, expect, it } from "vitest";
import { networkingReason, splitEvents } from "./eventList";
import type { CalendarEvent } from "./model";

const event = (id: string, start: string, end: string, over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id,
  subject: id,
  start,
  end,
  isNetworking: false,
  reason: null,
  ...over,
});

describe("events view", () => {
  const now = new Date("2026-11-25T12:00:00+13:00");

  it("puts upcoming events soonest first and past ones latest first; one in progress is upcoming", () => {
    const { upcoming, recent } = splitEvents(
      [
        event("mixer", "2026-11-24T17:30:00+13:00", "2026-11-24T19:30:00+13:00"),
        event("chapter", "2026-11-27T07:00:00+13:00", "2026-11-27T08:30:00+13:00"),
        event("lunch", "2026-11-25T11:30:00+13:00", "2026-11-25T13:00:00+13:00"),
        event("breakfast", "2026-11-20T07:00:00+13:00", "2026-11-20T08:00:00+13:00"),
      ],
      now,
    );
    expect(upcoming.map((e) => e.id)).toEqual(["lunch", "chapter"]);
    expect(recent.map((e) => e.id)).toEqual(["mixer", "breakfast"]);
  });

  it.each([
    [true, "category", "It has your Networking category."],
    [true, "keyword", "Its subject sounds like networking."],
    [true, "marked", "You marked it."],
    [false, "marked", "You unmarked it."],
    [false, null, undefined],
  ] as const)("explains isNetworking=%s with reason %s", (isNetworking, reason, text) => {
    expect(networkingReason(event("e", "", "", { isNetworking, reason }))).toBe(text);
  });
});
