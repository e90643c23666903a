import { formatCalendarDate, formatDate } from "../time/formatDue";
import type { FieldErrors } from "../api/client";
import type { Birthday, BirthdayDraft, CadenceRequest, OverdueTouch, Tier } from "./model";

/** Keep-in-touch wording and the cadence editor as plain data. */

export const tierOptions: ReadonlyArray<{ value: Tier; label: string }> = [
  { value: "referralPartner", label: "Referral partner" },
  { value: "innerCircle", label: "Inner circle" },
  { value: "other", label: "Everyone else" },
];

export function tierLabel(tier: string): string {
  return tierOptions.find((t) => t.value.toLowerCase() === tier.toLowerCase())?.label ?? tier;
}

export const minCadenceDays = 1;
export const maxCadenceDays = 730;

export interface CadenceForm {
  tier: Tier;
  /** Blank: the tier's default cadence. */
  cadenceDays: string;
}

export type CadenceFormErrors = Partial<Record<"tier" | "cadenceDays" | "email", string>>;

export function cadenceFormFor(touch: OverdueTouch): CadenceForm {
  return { tier: touch.tier, cadenceDays: String(touch.cadenceDays) };
}

export function validateCadenceForm(form: CadenceForm): CadenceFormErrors {
  const value = form.cadenceDays.trim();
  if (value === "") return {};
  if (!/^\d+$/.test(value) || Number(value) < minCadenceDays || Number(value) > maxCadenceDays) {
    return { cadenceDays: `Enter a whole number of days from ${minCadenceDays} to ${maxCadenceDays}, or leave it blank for the tier's default.` };
  }
  return {};
}

export function buildCadenceRequest(form: CadenceForm, displayName: string): CadenceRequest {
  const days = form.cadenceDays.trim();
  const name = displayName.trim();
  return { tier: form.tier, cadenceDays: days === "" ? null : Number(days), ...(name ? { displayName: name } : {}) };
}

export function mapCadenceErrors(fieldErrors: FieldErrors | undefined): CadenceFormErrors {
  const errors: CadenceFormErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = (["tier", "cadenceDays", "email"] as const).find((f) => f.toLowerCase() === key.toLowerCase());
    if (field) errors[field] = messages.join(" ");
  }
  return errors;
}

/** "12 days overdue" / "Due today". */
export function overdueText(days: number): string {
  if (days <= 0) return "Due today";
  return `${days} day${days === 1 ? "" : "s"} overdue`;
}

/** "Last in touch 3 Nov 2026" or "Not in touch yet", in the mailbox's zone. */
export function lastTouchText(lastTouch: string | null, timeZone: string, locale?: string): string {
  if (!lastTouch) return "Not in touch yet";
  return `Last in touch ${formatDate(new Date(lastTouch), timeZone, locale)}`;
}

/** The reminder a birthday gives: a card in time, which means sending it before the day. */
export function birthdayText(b: Birthday, locale?: string): string {
  const [year, month, day] = b.date.split("-").map(Number) as [number, number, number];
  const date = formatCalendarDate(year, month, day, locale);
  const when = b.daysAway <= 0 ? `Birthday today (${date})` : b.daysAway === 1 ? `Birthday tomorrow (${date})` : `Birthday in ${b.daysAway} days (${date})`;
  if (b.draft?.state === "ready") return `${when}: your note is waiting in Drafts`;
  if (b.draft?.state === "sent") return `${when}: you sent your wishes`;
  if (b.draft?.state === "skipped") return `${when}: skipped this year`;
  if (b.daysAway <= 0) return `${when}: send a message`;
  if (b.daysAway === 1) return `${when}: send a card today`;
  return `${when}: send a card`;
}

/** Where the birthday's draft is: "Draft ready", "Preparing the draft…", "Sent 3 Mar 2027"; null when there is none. */
export function birthdayDraftText(draft: BirthdayDraft | null | undefined, timeZone: string, locale?: string): string | null {
  if (!draft) return null;
  if (draft.state === "ready") return "Draft ready";
  if (draft.state === "preparing") return "Preparing the draft…";
  if (draft.state === "skipped") return "Skipped this year";
  return draft.sentAt ? `Sent ${formatDate(new Date(draft.sentAt), timeZone, locale)}` : "Sent";
}

/** What the birthday offers: "skip" this year while it is open, "undo" once skipped; nothing once sent or without an id (no email, or an older worker). */
export function birthdayAction(b: Birthday): "skip" | "undo" | null {
  if (!b.id) return null;
  if (b.draft?.state === "skipped") return "undo";
  return b.draft?.state === "sent" ? null : "skip";
}

/** The path the pane reads a birthday's draft from, when one is ready. */
export function birthdayDraftPath(draft: BirthdayDraft | null | undefined): string | undefined {
  return draft?.state === "ready" && draft.draftId ? `/api/birthdays/${encodeURIComponent(draft.id)}/draft` : undefined;
}

/** What an empty overdue list covers, honestly: never "everyone" while some contacts have no cadence. */
export function noneOverdueText(list: { tracked?: number; untracked?: number }): string {
  const tracked = list.tracked;
  const untracked = list.untracked ?? 0;
  const covered =
    tracked === undefined ? "Nobody with a cadence is overdue." : tracked === 0 ? "Nobody has a cadence yet." : `Nobody is overdue among the ${tracked} ${tracked === 1 ? "person" : "people"} with a cadence.`;
  if (untracked === 0) return tracked === undefined ? covered : `${covered} Everyone you know is covered.`;
  return `${covered} ${untracked} ${untracked === 1 ? "contact has" : "contacts have"} no cadence yet, so ${untracked === 1 ? "it is" : "they are"} not covered here.`;
}
