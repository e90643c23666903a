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

/**
 * The snooze menu: +3 hours, tomorrow 9:00 and next week's Monday 9:00. Wall times are in the
 * mailbox's zone (the one the due times are shown in), so "9:00" stays 9:00 across a DST change.
 */
export function snoozeChoices(now: Date, timeZone: string, locale?: string): SnoozeChoice[] {
  const today = wallTimeIn(now, timeZone);

  const later = new Date(now.getTime() + 3 * 3_600_000);
  const tomorrow = instantAt({ year: today.year, month: today.month, day: today.day + 1, hour: morningHour, minute: 0 }, timeZone);
  const weekday = isoWeekdayIn(now, timeZone);
  // Monday of next week: on a Sunday that is tomorrow, on a Monday it is seven days away.
  const daysToMonday = (8 - weekday) % 7 || 7;
  const monday = instantAt(
    { year: today.year, month: today.month, day: today.day + daysToMonday, hour: morningHour, minute: 0 },
    timeZone,
  );

  const time = (d: Date): string =>
    new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(d);
  const dayAndTime = (d: Date): string =>
    new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(d);

  return [
    sameWallDate(later, now, timeZone)
      ? { key: "laterToday", label: "Later today", detail: time(later), until: toIsoWithOffset(later, timeZone), instant: later }
      : { key: "laterToday", label: "In 3 hours", detail: dayAndTime(later), until: toIsoWithOffset(later, timeZone), instant: later },
    { key: "tomorrowMorning", label: "Tomorrow", detail: dayAndTime(tomorrow), until: toIsoWithOffset(tomorrow, timeZone), instant: tomorrow },
    { key: "nextWeek", label: "Next week", detail: dayAndTime(monday), until: toIsoWithOffset(monday, timeZone), instant: monday },
  ];
}
