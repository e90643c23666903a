import { instantAt, toIsoWithOffset, wallTimeIn } from "./zonedTime";

/** The value for `<input type="datetime-local">`, "2026-11-26T09:00", of an instant in the zone. */
export function toLocalInputValue(instant: Date, timeZone: string): string {
  const w = wallTimeIn(instant, timeZone);
  const pad = (n: number, len = 2): string => String(n).padStart(len, "0");
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

export type SnoozePick = { ok: true; until: string; instant: Date } | { ok: false; error: string };

/**
 * A picked date and time is a wall time in the mailbox's zone (the zone due times are shown in),
 * sent with that zone's offset. It must be in the future, and within a year.
 */
export function parseSnoozePick(value: string, timeZone: string, now: Date): SnoozePick {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return { ok: false, error: "Pick a date and a time." };
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return { ok: false, error: "Pick a date and a time." };
  const instant = instantAt({ year, month, day, hour, minute }, timeZone);
  if (instant.getTime() <= now.getTime()) return { ok: false, error: "Pick a time in the future." };
  if (instant.getTime() - now.getTime() > 365 * 24 * 3_600_000) return { ok: false, error: "Pick a time within the next year." };
  return { ok: true, until: toIsoWithOffset(instant, timeZone), instant };
}
