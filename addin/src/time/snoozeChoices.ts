import { instantAt, isoWeekdayIn, sameWallDate, toIsoWithOffset, wallTimeIn } from "./zonedTime";

export type SnoozeChoiceKey = "laterToday" | "tomorrowMorning" | "nextWeek";

export interface SnoozeChoice {
  key: SnoozeChoiceKey;
  /** Short name for the menu ("Tomorrow"). */
  label: string;
  /** When, in the mailbox zone ("Thu 26 Nov, 09:00"). */
  detail: string;
  /** ISO 8601 with the mailbox zone's offset: the body of POST /snooze. */
  until: string;
  instant: Date;
}

const morningHour = 9;

/** A day the user is away (an all-day out-of-office event or a public holiday on their calendar), as the worker lists it. */
export interface DayOff {
  /** yyyy-MM-dd on the mailbox's calendar. */
  date: string;
  reason: string;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const dateKey = (w: { year: number; month: number; day: number }): string => `${w.year}-${pad(w.month)}-${pad(w.day)}`;

/** The first day from `day` days after today that is not a day off, at most 60 days on. */
function firstFreeDay(today: { year: number; month: number; day: number }, day: number, off: ReadonlyMap<string, string>): { offset: number; skipped: string[] } {
  const skipped: string[] = [];
  let offset = day;
  for (; offset < day + 60; offset++) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const reason = off.get(dateKey({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
    if (reason === undefined) break;
    if (!skipped.includes(reason)) skipped.push(reason);
  }
  return { offset, skipped };
}

/**
 * The snooze menu: +3 hours, tomorrow 9:00 and next week's Monday 9:00. Wall times are in the
 * mailbox's zone (the one the due times are shown in), so "9:00" stays 9:00 across a DST change.
 * Tomorrow and next week move past the user's days off (all-day out-of-office, public holidays on
 * their calendar) to the first day they are back, and say so.
 */
export function snoozeChoices(now: Date, timeZone: string, locale?: string, daysOff: readonly DayOff[] = []): SnoozeChoice[] {
  const today = wallTimeIn(now, timeZone);
  const off = new Map(daysOff.map((d) => [d.date, d.reason]));

  const later = new Date(now.getTime() + 3 * 3_600_000);
  const next = firstFreeDay(today, 1, off);
  const tomorrow = instantAt({ year: today.year, month: today.month, day: today.day + next.offset, hour: morningHour, minute: 0 }, timeZone);
  const weekday = isoWeekdayIn(now, timeZone);
  // Monday of next week: on a Sunday that is tomorrow, on a Monday it is seven days away.
  const daysToMonday = (8 - weekday) % 7 || 7;
  const week = firstFreeDay(today, daysToMonday, off);
  const monday = instantAt(
    { year: today.year, month: today.month, day: today.day + week.offset, hour: morningHour, minute: 0 },
    timeZone,
  );
  const after = (skipped: string[]): string => (skipped.length > 0 ? ` (after ${skipped.join(", ")})` : "");

  const time = (d: Date): string =>
    new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(d);
  const dayAndTime = (d: Date): string =>
    new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(d);

  return [
    sameWallDate(later, now, timeZone)
      ? { key: "laterToday", label: "Later today", detail: time(later), until: toIsoWithOffset(later, timeZone), instant: later }
      : { key: "laterToday", label: "In 3 hours", detail: dayAndTime(later), until: toIsoWithOffset(later, timeZone), instant: later },
    {
      key: "tomorrowMorning",
      label: next.offset === 1 ? "Tomorrow" : "Next day you're in",
      detail: `${dayAndTime(tomorrow)}${after(next.skipped)}`,
      until: toIsoWithOffset(tomorrow, timeZone),
      instant: tomorrow,
    },
    { key: "nextWeek", label: "Next week", detail: `${dayAndTime(monday)}${after(week.skipped)}`, until: toIsoWithOffset(monday, timeZone), instant: monday },
  ];
}
