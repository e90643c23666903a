import { formatWeekdayClock } from "../time/formatDue";
import type { CompletedVia, FollowUp, FollowUpState, Step } from "./model";

const stepLabels: Record<Step, string> = {
  thankYou: "Thank-you note",
  connect: "Connect",
  oneToOne: "One-to-one",
};

const stepHints: Record<Step, string> = {
  thankYou: "within 24 hours",
  connect: "within 7 days",
  oneToOne: "within 30 days",
};

/** A step the worker added after this build falls back to its raw name rather than breaking the pane. */
export function stepLabel(step: Step | string): string {
  return (stepLabels as Record<string, string>)[step] ?? step;
}

export function stepHint(step: Step | string): string | undefined {
  return (stepHints as Record<string, string>)[step];
}

export type BadgeColor = "informative" | "success" | "warning" | "danger" | "subtle";

export interface StateBadge {
  text: string;
  color: BadgeColor;
}

/**
 * One badge per row, always in the same place. A snoozed step whose draft or hold is already made
 * keeps saying so ("Draft ready"): the snooze itself is in the row's time ("Snoozed until …").
 */
export function stateBadge(state: FollowUpState | string, overdue: boolean, step?: Step | string, made?: { draftId?: string | null; holdEventId?: string | null }): StateBadge {
  if (state === "snoozed" && (made?.draftId || made?.holdEventId)) return stateBadge("prepared", false, made.holdEventId && !made.draftId ? "oneToOne" : step);
  switch (state) {
    case "prepared":
      // Prepared means a draft for the thank-you, a tentative hold for the one-to-one.
      return { text: step === "oneToOne" ? "Hold placed" : "Draft ready", color: "success" };
    case "snoozed":
      return { text: "Snoozed", color: "subtle" };
    case "done":
      return { text: "Done", color: "success" };
    case "skipped":
      return { text: "Skipped", color: "subtle" };
    case "pending":
      return overdue ? { text: "Overdue", color: "danger" } : { text: "To do", color: "informative" };
    default:
      return { text: state, color: "informative" };
  }
}

/** The name to show; a contact without a display name still reads as a person. */
export function personName(item: FollowUp): string {
  const name = item.person.displayName.trim();
  return name !== "" ? name : item.person.email;
}

/**
 * How a done step was completed, in the mailbox's zone: "Sent Tue 09:12", "Met Thu 14:30", or "Marked done by you"
 * (the user's word, shown as such). Null when the worker did not say (older workers): the plain "Done" badge stays.
 */
export function completionLabel(via: CompletedVia | string | null | undefined, at: string | null | undefined, timeZone: string, locale?: string): string | null {
  const when = at ? ` ${formatWeekdayClock(new Date(at), timeZone, locale)}` : "";
  switch (via) {
    case "sent":
      return `Sent${when}`;
    case "met":
      return `Met${when}`;
    case "marked":
      return "Marked done by you";
    default:
      return null;
  }
}
