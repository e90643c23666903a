import { sameWallDate } from "./zonedTime";

/**
 * Formats due times in the mailbox's zone (the API's timeZone), not the browser's: "Time is the
 * user's" — a laptop set to another zone while travelling must not move the 9:00 thank-you.
 */
export function formatDueTime(instant: Date, timeZone: string, now: Date, locale?: string): string {
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(instant);
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
  return `${from}–${new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(end)}`;
}
