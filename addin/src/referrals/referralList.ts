import type { Escalation, Referral } from "./model";

/** How the Referrals view names, orders and groups referrals. Pure. */

export type BadgeColor = "danger" | "warning" | "informative" | "subtle" | "success" | "brand";

export interface EscalationBadge {
  text: string;
  color: BadgeColor;
  /** Urgent and overdue stand out (filled badge, first in the list). */
  prominent: boolean;
}

const escalationRank: Record<Escalation, number> = { urgent: 3, overdue: 2, due: 1, onTrack: 0 };

export function escalationBadge(escalation: Escalation): EscalationBadge {
  switch (escalation) {
    case "urgent":
      return { text: "Urgent", color: "danger", prominent: true };
    case "overdue":
      return { text: "Overdue", color: "danger", prominent: true };
    case "due":
      return { text: "Due", color: "warning", prominent: false };
    case "onTrack":
      return { text: "On track", color: "informative", prominent: false };
  }
}

export function partnerName(r: Referral): string {
  return r.partner.displayName.trim() || r.partner.email;
}

export function prospectName(r: Referral): string {
  return r.prospect.displayName.trim() || r.prospect.email || r.prospect.phone || "the prospect";
}

/** "From Mere Parata" / "To Tama Ngata": who the referral came from or went to. */
export function directionText(r: Referral): string {
  return r.direction === "received" ? `Received from ${partnerName(r)}` : `Given to ${partnerName(r)}`;
}

export function daysSinceText(days: number, direction: Referral["direction"]): string {
  const verb = direction === "received" ? "Received" : "Given";
  if (days <= 0) return `${verb} today`;
  return `${verb} ${days} day${days === 1 ? "" : "s"} ago`;
}

/** What the referral asks of the user now, in a few words; undefined when nothing does. */
export function dutyText(r: Referral): string | undefined {
  switch (r.duty?.kind) {
    case "contactProspect":
      return `Contact ${prospectName(r)}`;
    case "checkInWithPartner":
      return `Ask ${partnerName(r)} whether they reached ${prospectName(r)}`;
    case "nudgePartner":
      return `Nudge ${partnerName(r)} to get in touch with ${prospectName(r)}`;
    case "recordOutcome":
      return r.outcome === "inProgress" ? `Update how it is going with ${prospectName(r)}` : `Record how it went with ${prospectName(r)}`;
    default:
      return undefined;
  }
}

export interface ReferralGroups {
  /** A duty that is due, overdue or urgent: most urgent first, then the earliest due. */
  needsYou: Referral[];
  /** A duty not yet due: the earliest first. */
  upcoming: Referral[];
  /** Nothing left to do: the latest first. */
  closed: Referral[];
}

export function groupReferrals(items: readonly Referral[]): ReferralGroups {
  const due = (r: Referral): number => (r.duty ? new Date(r.duty.dueAt).getTime() : 0);
  const needsYou = items
    .filter((r) => r.duty && r.duty.escalation !== "onTrack")
    .sort((a, b) => escalationRank[b.duty!.escalation] - escalationRank[a.duty!.escalation] || due(a) - due(b));
  const upcoming = items.filter((r) => r.duty?.escalation === "onTrack").sort((a, b) => due(a) - due(b));
  const closedAt = (r: Referral): number => new Date(r.outcomeAt ?? r.referredAt).getTime();
  const closed = items.filter((r) => !r.duty).sort((a, b) => closedAt(b) - closedAt(a));
  return { needsYou, upcoming, closed };
}

/** The draft that belongs with the referral now: the close-the-loop note once there is one, else the duty's. */
export function currentDraft(r: Referral): { id: string; label: string } | undefined {
  if (r.closeDraftId) return { id: r.closeDraftId, label: "Close-the-loop draft" };
  if (r.duty?.kind === "contactProspect" && r.introDraftId) return { id: r.introDraftId, label: `Draft to ${prospectName(r)}` };
  if (r.duty?.kind === "checkInWithPartner" && r.checkInDraftId) return { id: r.checkInDraftId, label: `Check-in draft to ${partnerName(r)}` };
  return undefined;
}

/** Unique partners by address, for the reciprocity picker; the name last used wins. */
export function partnersOf(items: readonly Referral[]): { email: string; displayName: string }[] {
  const byKey = new Map<string, { email: string; displayName: string }>();
  for (const r of items) byKey.set(r.partner.email.toLowerCase(), { email: r.partner.email, displayName: partnerName(r) });
  return [...byKey.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
