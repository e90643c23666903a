import { sameWallDate } from "./zonedTime";

/*
 * Every time and date the pane shows is rendered here, in the mailbox's zone (rule 6, "Time is the
 * user's"): never the browser's. timeRendering.test.ts fails if a view formats a Date itself.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "09:00" (or "9:00 AM" where the locale says so) on the zone's clock. */
export function formatClockTime(instant: Date, timeZone: string, locale?: string): string {
  return formatter(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(instant);
}

/** "Tue 09:12" on the zone's calendar and clock: when something happened this week or so. */
export function formatWeekdayClock(instant: Date, timeZone: string, locale?: string): string {
  return formatter(locale, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(instant).replace(",", "");
}

/** "3 Nov 2026, 09:00" on the zone's calendar and clock: for a past moment worth its full date. */
export function formatDateTime(instant: Date, timeZone: string, locale?: string): string {
  return formatter(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(instant);
}

/** "3 Nov 2026": the date in the zone. */
export function formatDate(instant: Date, timeZone: string, locale?: string): string {
  return formatter(locale, { timeZone, day: "numeric", month: "short", year: "numeric" }).format(instant);
}

/** "Thu 3 Nov 2026": the date in the zone, with its weekday. */
export function formatWeekdayDate(instant: Date, timeZone: string, locale?: string): string {
  return formatter(locale, { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(instant);
}

/**
 * "Thu 26 Nov" (or "26 Nov" without the weekday): a date that is not an instant (a birthday, a
 * week's start). Formatted at noon UTC so no zone moves it to the day before.
 */
export function formatCalendarDate(year: number, month: number, day: number, locale?: string, weekday = true): string {
  return formatter(locale, { timeZone: "UTC", ...(weekday ? { weekday: "short" } : {}), day: "numeric", month: "short" }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/**
 * Formats due times in the mailbox's zone (the API's timeZone), not the browser's: "Time is the
 * user's" — a laptop set to another zone while travelling must not move the 9:00 thank-you.
 */
export function formatDueTime(instant: Date, timeZone: string, now: Date, locale?: string): string {
  const time = formatClockTime(instant, timeZone, locale);
  if (sameWallDate(instant, now, timeZone)) return `today ${time}`;
  const tomorrow = new Date(now.getTime() + 24 * 3_600_000);
  if (sameWallDate(instant, tomorrow, timeZone)) return `tomorrow ${time}`;
  const yesterday = new Date(now.getTime() - 24 * 3_600_000);
  if (sameWallDate(instant, yesterday, timeZone)) return `yesterday ${time}`;
  const sameYear =
    new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(instant) ===
    new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(now);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(instant);
}

/** "3 days overdue", "in 2 hours" — coarse, for a glance. */
export function describeRelative(instant: Date, now: Date, locale?: string): string {
  const diffMs = instant.getTime() - now.getTime();
  const abs = Math.abs(diffMs);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;
  if (abs < minute) return "now";
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < hour ? [Math.round(diffMs / minute), "minute"] : abs < day ? [Math.round(diffMs / hour), "hour"] : [Math.round(diffMs / day), "day"];
  if (diffMs < 0) {
    const n = Math.abs(value);
    const unitText = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(n);
    return `${unitText} overdue`;
  }
  return rtf.format(value, unit);
}

/** Short label of the viewer's offset from the mailbox zone, shown once when they differ. */
export function zoneNote(mailboxZone: string, viewerZone: string): string | undefined {
  return mailboxZone === viewerZone ? undefined : `Times shown in ${mailboxZone.replace(/_/g, " ")}`;
}

/** "yesterday 17:30–19:30", or both ends in full when the event crosses midnight. */
export function formatEventRange(start: Date, end: Date, timeZone: string, now: Date, locale?: string): string {
  const from = formatDueTime(start, timeZone, now, locale);
  if (!sameWallDate(start, end, timeZone)) return `${from} – ${formatDueTime(end, timeZone, now, locale)}`;
  return `${from}–${formatClockTime(end, timeZone, locale)}`;
}
