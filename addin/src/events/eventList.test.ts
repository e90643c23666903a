import { describe, expect, it } from "vitest";
import { formatEventWhen, hiddenReason, networkingReason, splitEvents, visibleEvents } from "./eventList";
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

describe("events the user might have met people at", () => {
  const now = new Date("2026-11-25T12:00:00+13:00");

  it("hides the worker's hidden events by default and shows them all on request, counting them", () => {
    const events = [
      event("mixer", "2026-11-24T17:30:00+13:00", "2026-11-24T19:30:00+13:00"),
      event("hold", "2026-11-26T10:00:00+13:00", "2026-11-26T10:30:00+13:00", { hidden: "ownHold" }),
      event("gym", "2026-11-26T06:00:00+13:00", "2026-11-26T07:00:00+13:00", { hidden: "recurringPersonal" }),
      event("standup", "2026-11-26T09:00:00+13:00", "2026-11-26T09:15:00+13:00", { hidden: "recurringColleagues" }),
    ];
    expect(visibleEvents(events, false)).toEqual({ shown: [events[0]], hiddenCount: 3 });
    expect(visibleEvents(events, true).shown.map((e) => e.id)).toEqual(["mixer", "hold", "gym", "standup"]);
    expect(events.map(hiddenReason)).toEqual([
      undefined,
      "A hold this add-in placed.",
      "A recurring entry with nobody else on it.",
      "A recurring meeting with only your colleagues.",
    ]);
  });

  it("says All day for an all-day event, never a midnight-to-midnight time range", () => {
    // Stored as UTC midnights: in Auckland that instant is 1 PM.
    const holiday = event("holiday", "2026-12-25T13:00:00+13:00", "2026-12-26T13:00:00+13:00", {
      hidden: "allDay",
      allDay: { first: "2026-12-25", last: "2026-12-25" },
    });
    const text = formatEventWhen(holiday, "Pacific/Auckland", now, "en-NZ");
    expect(text).toMatch(/^All day, Fri,? 25 Dec$/);
    expect(text).not.toMatch(/PM|AM|:/i);
    const conference = event("conf", "", "", { allDay: { first: "2026-12-01", last: "2026-12-02" } });
    expect(formatEventWhen(conference, "Pacific/Auckland", now, "en-NZ")).toMatch(/^All day, Tue,? 1 Dec – Wed,? 2 Dec$/);
    expect(formatEventWhen(event("m", "2026-11-24T17:30:00+13:00", "2026-11-24T19:30:00+13:00"), "Pacific/Auckland", now, "en-NZ")).toMatch(/–/);
  });
});
