import type { FieldErrors } from "../api/client";
import type { Channel } from "../people/person";
import { looksLikeEmail } from "../referrals/referralForm";
import { toLocalInputValue } from "../time/snoozePick";
import { instantAt, toIsoWithOffset, wallTimeIn } from "../time/zonedTime";
import type { PromiseItem, PromiseRequest } from "./model";

/** The "Add a promise" form as plain data: checks mirroring the worker's, the POST body, server errors per field. */

export const promiseTextMaxLength = 500;
const nameMaxLength = 200;
const dayMs = 24 * 3_600_000;

export interface PromiseForm {
  email: string;
  name: string;
  text: string;
  /** `<input type="datetime-local">` value, a wall time in the mailbox's zone. */
  due: string;
  /** How the user will keep it; "email" means the mail they send the person keeps it, with no click. */
  channel: Channel | "";
}

export type PromiseField = keyof PromiseForm;
export type PromiseFormErrors = Partial<Record<PromiseField, string>>;

/** A promise is usually "by the end of the week": default to three days ahead, 9:00, in the mailbox's zone. */
export function emptyPromiseForm(now: Date, timeZone: string): PromiseForm {
  const w = wallTimeIn(new Date(now.getTime() + 3 * dayMs), timeZone);
  return { email: "", name: "", text: "", channel: "", due: toLocalInputValue(instantAt({ year: w.year, month: w.month, day: w.day, hour: 9, minute: 0 }, timeZone), timeZone) };
}

function parseDue(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  return instantAt({ year, month, day, hour, minute }, timeZone);
}

export function validatePromiseForm(form: PromiseForm, timeZone: string, now: Date): PromiseFormErrors {
  const errors: PromiseFormErrors = {};
  if (form.email.trim() === "") errors.email = "Enter their email address.";
  else if (form.email.trim().length > 254 || !looksLikeEmail(form.email)) errors.email = "Enter an email address like name@example.com.";
  if (form.name.trim().length > nameMaxLength) errors.name = `Keep the name under ${nameMaxLength} characters.`;
  if (form.text.trim() === "") errors.text = "Say what you promised.";
  else if (form.text.trim().length > promiseTextMaxLength) errors.text = `Keep it under ${promiseTextMaxLength} characters.`;
  const due = parseDue(form.due, timeZone);
  if (!due) errors.due = "Pick a date and a time.";
  else if (due.getTime() <= now.getTime() - 30 * dayMs) errors.due = "That date is long past.";
  else if (due.getTime() >= now.getTime() + 2 * 365 * dayMs) errors.due = "Keep promises within two years.";
  return errors;
}

/** The body, with the due time sent at the mailbox zone's offset. Call after validation. */
export function buildPromiseRequest(form: PromiseForm, timeZone: string): PromiseRequest {
  const due = parseDue(form.due, timeZone);
  if (!due) throw new Error("No due date.");
  const name = form.name.trim();
  return {
    person: { email: form.email.trim(), ...(name ? { displayName: name } : {}) },
    text: form.text.trim(),
    dueAt: toIsoWithOffset(due, timeZone),
    ...(form.channel ? { channel: form.channel } : {}),
  };
}

const serverFields: Record<string, PromiseField> = { person: "email", "person.email": "email", "person.displayname": "name", text: "text", dueat: "due", channel: "channel" };

/** Field errors under their field; others (eventId) in `general`. */
export function mapPromiseErrors(fieldErrors: FieldErrors | undefined): { fields: PromiseFormErrors; general: string[] } {
  const fields: PromiseFormErrors = {};
  const general: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = serverFields[key.toLowerCase()];
    if (field) fields[field] = [fields[field], ...messages].filter(Boolean).join(" ");
    else general.push(...messages);
  }
  return { fields, general };
}

/** Overdue first, then by when they are due; a snoozed promise counts from when it wakes. */
export function sortPromises(items: readonly PromiseItem[]): PromiseItem[] {
  const at = (p: PromiseItem): number => new Date(p.state === "snoozed" && p.snoozedUntil ? p.snoozedUntil : p.dueAt).getTime();
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || at(a) - at(b));
}
