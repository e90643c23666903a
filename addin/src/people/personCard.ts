import { formatWeekdayDate } from "../time/formatDue";
import { stateBadge, stepHint, stepLabel, type StateBadge } from "../followups/labels";
import type { FollowUp, Step } from "../followups/model";
import { whenDue } from "../today/groupToday";
import type { PersonCard, PersonReferral } from "./model";

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

/** "At Chamber mixer" / "Added as a contact": an event beats the contact (older workers: the card's own event, else the last meeting). */
export function howMetText(card: Pick<PersonCard, "howMet" | "eventSubject" | "lastMeeting">): { text: string; at: string | null } {
  const how = card.howMet;
  if (how) return how.via === "event" && how.subject ? { text: `At ${how.subject}`, at: how.at } : { text: "Added as a contact", at: how.at };
  if (card.eventSubject) return { text: `At ${card.eventSubject}`, at: null };
  if (card.lastMeeting) return { text: `At ${card.lastMeeting.subject || "a meeting"}`, at: card.lastMeeting.start };
  return { text: "Added as a contact", at: null };
}

/** One referral in words, from the person's side ("They referred Sam Lee to you"). */
export function referralText(r: PersonReferral): string {
  if (r.role === "partner") return r.direction === "received" ? `Referred ${r.other} to you` : `You referred ${r.other} to them`;
  return r.direction === "received" ? `${r.other} referred them to you` : `You referred them to ${r.other}`;
}

/** How a done step was done, and when: "Sent, Thu 26 Nov 2026" / "Met, …" / "Marked done by you, …"; undefined for a step not done. */
export function completionText(item: { state: string; completedVia?: string | null; completedAt?: string | null } | undefined, timeZone: string, locale?: string): string | undefined {
  if (!item || item.state !== "done") return undefined;
  const how = item.completedVia === "sent" ? "Sent" : item.completedVia === "met" ? "Met" : "Marked done by you";
  return item.completedAt ? `${how}, ${formatWeekdayDate(new Date(item.completedAt), timeZone, locale)}` : how;
}
