import { describe, expect, it } from "vitest";
import { chartBars, formatHours, formatShare, scoreTiles, rateHint } from "./scorecard";

describe("scorecard formatting", () => {
  it.each([
    [0.5, "50%"],
    [1, "100%"],
    [0, "0%"],
    [0.666, "67%"],
    [null, "—"],
  ] as const)("shows share %j as %j", (share, text) => {
    expect(formatShare(share, "en")).toBe(text);
  });

  it.each([
    [12.5, "12.5 h"],
    [0.25, "15 min"],
    [72, "3 days"],
    [null, "—"],
  ] as const)("shows median hours %j as %j", (hours, text) => {
    expect(formatHours(hours, "en")).toBe(text);
  });

  it("lays out the tiles in reading order", () => {
    const tiles = scoreTiles({ acquaintances: 12, thankedWithin24Hours: 0.75, connectedWithin7Days: null, metWithin30Days: 0.25, medianHoursToThankYou: 12.5, weeks: [] }, "en");
    expect(tiles.map((t) => [t.label, t.value])).toEqual([
      ["New acquaintances", "12"],
      ["Thanked within 24 hours", "75%"],
      ["Connected within 7 days", "—"],
      ["Met within 30 days", "25%"],
      ["Median time to thank-you", "12.5 h"],
    ]);
  });

  it("adds the referral tiles when the worker reports them", () => {
    const tiles = scoreTiles({
      acquaintances: 0, thankedWithin24Hours: null, connectedWithin7Days: null, metWithin30Days: null, medianHoursToThankYou: null, weeks: [],
      referrals: { received: 4, contactedWithin24Hours: 0.5, loopsClosed: 2, outcomesRecorded: 3 },
    }, "en");
    expect(tiles.slice(-2).map((t) => [t.label, t.value, t.hint])).toEqual([
      ["Referrals contacted within 24 hours", "50%", "of 4 received"],
      ["Loops closed", "2", "close-the-loop notes sent to whoever referred"],
    ]);
  });

  it("scales the weeks to the busiest one, oldest first", () => {
    const bars = chartBars(
      [
        { weekStart: "2026-11-23", newAcquaintances: 2, thankedWithin24Hours: 1 },
        { weekStart: "2026-11-16", newAcquaintances: 4, thankedWithin24Hours: 3 },
      ],
      "en-GB",
    );
    expect(bars.map((b) => [b.weekStart, b.label, b.newHeight, b.thankedHeight])).toEqual([
      ["2026-11-16", "16 Nov", 1, 0.75],
      ["2026-11-23", "23 Nov", 0.5, 0.25],
    ]);
  });

  it("keeps an empty chart flat rather than dividing by zero", () => {
    expect(chartBars([{ weekStart: "2026-11-16", newAcquaintances: 0, thankedWithin24Hours: 0 }])[0]).toMatchObject({ newHeight: 0, thankedHeight: 0 });
  });
});

describe("rate counts (issue 12)", () => {
  it("shows each rate's counts and marked-by-you apart from what was sent or met", () => {
    const tiles = scoreTiles(
      {
        acquaintances: 11,
        thankedWithin24Hours: 8 / 11,
        connectedWithin7Days: 0.5,
        metWithin30Days: 0,
        medianHoursToThankYou: 3,
        weeks: [],
        thanked: { onTime: 8, of: 11, markedOnTime: 1 },
        connected: { onTime: 4, of: 8, markedOnTime: 3 },
        met: { onTime: 0, of: 2, markedOnTime: 0 },
      },
      "en",
    );
    expect(tiles.filter((t) => ["thanked", "connected", "met"].includes(t.key)).map((t) => [t.value, t.hint])).toEqual([
      ["73%", "8 of 11 sent · 1 more marked by you"],
      ["50%", "4 of 8, 3 marked by you"],
      ["0%", "0 of 2 met"],
    ]);
  });

  it("keeps the old hints for a worker that sends no counts", () => {
    expect(rateHint(undefined, "sent", "of those whose day has passed")).toBe("of those whose day has passed");
  });
});
