import { stateBadge, stepHint, stepLabel, type StateBadge } from "../followups/labels";
import type { FollowUp, Step } from "../followups/model";
import { whenDue } from "../today/groupToday";
import type { PersonCard } from "./model";

export const trackOrder: readonly Step[] = ["thankYou", "connect", "oneToOne"];

export interface TrackStep {
  step: Step;
  label: string;
  /** "within 24 hours". */
  hint: string;
  /** Undefined when the track has no such step (yet, or the worker's windows differ). */
  item: FollowUp | undefined;
  badge: StateBadge;
  /** When it was or is due (the snooze end for a snoozed step). */
  due: Date | undefined;
}

/** The 24/7/30 track as three rows in their order, whatever order and subset the worker sent. */
export function trackSteps(card: Pick<PersonCard, "steps">, now: Date): TrackStep[] {
  return trackOrder.map((step) => {
    // A person met twice has two tracks; the latest one is the one in progress.
    const item = card.steps.filter((s) => s.step === step).sort((a, b) => b.dueAt.localeCompare(a.dueAt))[0];
    const due = item ? whenDue(item) : undefined;
    const overdue = item !== undefined && due !== undefined && item.state !== "done" && item.state !== "skipped" && due.getTime() < now.getTime();
    return {
      step,
      label: stepLabel(step),
      hint: stepHint(step) ?? "",
      item,
      badge: item ? stateBadge(item.state, overdue, step) : { text: "Not started", color: "subtle" },
      due,
    };
  });
}

/** "2 of 3 done". */
export function trackProgress(steps: readonly TrackStep[]): string {
  const done = steps.filter((s) => s.item?.state === "done").length;
  return `${done} of ${steps.length} done`;
}

/** The name to show for a card, falling back to what the message said, then the address. */
export function cardName(card: Pick<PersonCard, "displayName" | "email">, fallback?: string): string {
  return card.displayName?.trim() || fallback?.trim() || card.email;
}
