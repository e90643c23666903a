import { completionLabel } from "../followups/labels";
import type { TodayItem } from "./model";

/** One line of Today's "Done lately": who, which step, and how and when it was completed, in the mailbox's zone. */
export interface DoneLine {
  key: string;
  name: string;
  email: string;
  /** "Thank-you note", "One-to-one". */
  what: string;
  /** "Sent Tue 09:12", "Met Thu 14:30", "Marked done by you"; "Done" when an older worker did not say how. */
  how: string;
  /** True when the mailbox showed it (sent mail, a meeting held); false for the user's own word. */
  byEvidence: boolean;
}

export function doneLines(items: readonly TodayItem[], timeZone: string, locale?: string): DoneLine[] {
  return items.map((item) => ({
    key: item.key,
    name: item.person.displayName.trim() || item.person.email,
    email: item.person.email,
    what: item.why,
    how: completionLabel(item.completedVia, item.completedAt, timeZone, locale) ?? "Done",
    byEvidence: item.completedVia === "sent" || item.completedVia === "met",
  }));
}

/** The group's title: "Done lately (3)". */
export function doneLatelyTitle(count: number): string {
  return `Done lately (${count})`;
}
