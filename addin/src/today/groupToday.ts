import { browserTimeZone, instantAt, startOfNextDay, wallTimeIn } from "../time/zonedTime";
import type { TodayItem } from "./model";

export type TodayGroupKey = "overdue" | "today" | "thisWeek" | "later";

export interface TodayGroup {
  key: TodayGroupKey;
  title: string;
  items: TodayItem[];
}

const titles: Record<TodayGroupKey, string> = {
  overdue: "Overdue",
  today: "Due today",
  thisWeek: "This week",
  later: "Later",
};

/** When the item next needs the user: a snooze pushes it out, so a snoozed overdue item stops nagging. */
export function whenDue(item: Pick<TodayItem, "dueAt" | "state" | "snoozedUntil">): Date {
  const due = new Date(item.dueAt);
  if (item.state === "snoozed" && item.snoozedUntil) {
    const until = new Date(item.snoozedUntil);
    if (until.getTime() > due.getTime()) return until;
  }
  return due;
}

/** Earliest first; ties by name, then key, so rows never reshuffle between refreshes. */
export function compareToday(a: TodayItem, b: TodayItem): number {
  return (
    whenDue(a).getTime() - whenDue(b).getTime() ||
    (a.person.displayName || a.person.email).localeCompare(b.person.displayName || b.person.email) ||
    a.key.localeCompare(b.key)
  );
}

/**
 * Overdue / Due today / This week (the six days after today) / Later, across every source,
 * relative to now in the given zone (the mailbox's, which the due times are shown in). Closed items (done, skipped) are dropped; empty groups
 * are left out.
 */
export function groupToday(
  items: readonly TodayItem[],
  now: Date,
  timeZone: string = browserTimeZone(),
): TodayGroup[] {
  const endOfToday = startOfNextDay(now, timeZone).getTime();
  const w = wallTimeIn(now, timeZone);
  const endOfWeek = instantAt({ year: w.year, month: w.month, day: w.day + 7, hour: 0, minute: 0 }, timeZone).getTime();
  const buckets: Record<TodayGroupKey, TodayItem[]> = { overdue: [], today: [], thisWeek: [], later: [] };
  for (const item of [...items].sort(compareToday)) {
    if (item.state === "done" || item.state === "skipped") continue;
    const due = whenDue(item).getTime();
    const key: TodayGroupKey = due < now.getTime() ? "overdue" : due < endOfToday ? "today" : due < endOfWeek ? "thisWeek" : "later";
    buckets[key].push(item);
  }
  return (Object.keys(buckets) as TodayGroupKey[])
    .filter((key) => buckets[key].length > 0)
    .map((key) => ({ key, title: titles[key], items: buckets[key] }));
}

/** Merges the sources' lists; a source that failed keeps its last good items rather than vanishing. */
export function mergeSources(lists: ReadonlyArray<readonly TodayItem[]>): TodayItem[] {
  const seen = new Set<string>();
  const merged: TodayItem[] = [];
  for (const list of lists) {
    for (const item of list) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      merged.push(item);
    }
  }
  return merged;
}

/** What the Today tab counts: items overdue or due today, not the event prompts or later items. */
export function dueCount(items: readonly TodayItem[], now: Date, timeZone: string): number {
  return groupToday(items, now, timeZone)
    .filter((g) => g.key === "overdue" || g.key === "today")
    .reduce((n, g) => n + g.items.length, 0);
}
