import type { FollowUp } from "./model";
import { startOfNextDay } from "../time/zonedTime";

export type GroupKey = "overdue" | "today" | "upcoming";

export interface FollowUpGroup {
  key: GroupKey;
  title: string;
  items: FollowUp[];
}

const titles: Record<GroupKey, string> = {
  overdue: "Overdue",
  today: "Due today",
  upcoming: "Upcoming",
};

/**
 * When the item next needs the user. A snoozed item waits until its snooze ends, so an overdue
 * step snoozed to tomorrow is not nagging in "Overdue" today.
 */
export function effectiveDueAt(item: FollowUp): Date {
  const due = new Date(item.dueAt);
  if (item.state === "snoozed" && item.snoozedUntil) {
    const until = new Date(item.snoozedUntil);
    if (until.getTime() > due.getTime()) return until;
  }
  return due;
}

/** Earliest first; ties by person name, then id, so the list never reshuffles between refreshes. */
export function compareFollowUps(a: FollowUp, b: FollowUp): number {
  return (
    effectiveDueAt(a).getTime() - effectiveDueAt(b).getTime() ||
    a.person.displayName.localeCompare(b.person.displayName) ||
    a.id.localeCompare(b.id)
  );
}

export function isOverdue(item: FollowUp, now: Date): boolean {
  return effectiveDueAt(item).getTime() < now.getTime();
}

/**
 * Overdue / Due today / Upcoming relative to now; "today" ends at the next midnight in the
 * viewer's zone (the browser's, by default). Empty groups are left out; done and skipped items
 * are not open and are dropped.
 */
export function groupFollowUps(
  items: readonly FollowUp[],
  now: Date,
  viewerTimeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
): FollowUpGroup[] {
  const endOfToday = startOfNextDay(now, viewerTimeZone).getTime();
  const buckets: Record<GroupKey, FollowUp[]> = { overdue: [], today: [], upcoming: [] };
  for (const item of [...items].sort(compareFollowUps)) {
    if (item.state === "done" || item.state === "skipped") continue;
    const due = effectiveDueAt(item).getTime();
    const key: GroupKey = due < now.getTime() ? "overdue" : due < endOfToday ? "today" : "upcoming";
    buckets[key].push(item);
  }
  return (Object.keys(buckets) as GroupKey[])
    .filter((key) => buckets[key].length > 0)
    .map((key) => ({ key, title: titles[key], items: buckets[key] }));
}
