/**
 * Wall-clock arithmetic in an IANA time zone using only Intl, so the pane needs no date library.
 * A "wall time" is what a clock on the wall in that zone shows; an instant is a Date.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? "0");
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

/** Offset of the zone from UTC at that instant, in minutes (e.g. +60 for BST). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallTimeIn(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * The instant at which the zone's clocks show the given wall time. Day and month overflow
 * (day 32, …) roll over like Date.UTC. A wall time shown twice (autumn fall-back) resolves to the
 * first; one skipped by a spring-forward gap resolves to the instant just after the gap, as
 * calendar apps do.
 */
export function instantAt(wall: Omit<WallTime, "second"> & { second?: number }, timeZone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  // Offsets half a day either side cover any single DST change around that wall time.
  const before = offsetMinutes(new Date(naive - 12 * 3_600_000), timeZone);
  const after = offsetMinutes(new Date(naive + 12 * 3_600_000), timeZone);
  const candidates = [...new Set([before, after])]
    .map((off) => naive - off * 60_000)
    .filter((t) => {
      const w = wallTimeIn(new Date(t), timeZone);
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) === naive;
    })
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? naive - before * 60_000);
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-03-30T09:00:00+01:00 — what the API expects. */
export function toIsoWithOffset(instant: Date, timeZone: string): string {
  const w = wallTimeIn(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  const pad = (n: number, len = 2): string => String(n).padStart(len, "0");
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Midnight at the start of the next calendar day in the zone. */
export function startOfNextDay(instant: Date, timeZone: string): Date {
  const w = wallTimeIn(instant, timeZone);
  return instantAt({ year: w.year, month: w.month, day: w.day + 1, hour: 0, minute: 0 }, timeZone);
}

/** ISO weekday of the wall date in the zone: Monday = 1 … Sunday = 7. */
export function isoWeekdayIn(instant: Date, timeZone: string): number {
  const w = wallTimeIn(instant, timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function sameWallDate(a: Date, b: Date, timeZone: string): boolean {
  const x = wallTimeIn(a, timeZone);
  const y = wallTimeIn(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
