import type { FieldErrors } from "../api/client";
import type { Detection, Direction, LogReferralRequest } from "./model";

/** The "Log a referral" form as plain data: what the fields hold, their checks, the POST body. */

export const nameMaxLength = 200;
export const emailMaxLength = 254;
export const noteMaxLength = 1000;

export interface ReferralForm {
  direction: Direction;
  partnerEmail: string;
  partnerName: string;
  prospectName: string;
  prospectEmail: string;
  prospectPhone: string;
  note: string;
  /** Received only: copy the partner on the note to the prospect. */
  copyPartner: boolean;
  /** The open message it was logged from, so logging it twice is refused. */
  sourceMessageId?: string;
}

export type ReferralField = "direction" | "partnerEmail" | "partnerName" | "prospectName" | "prospectEmail" | "prospectPhone" | "note" | "copyPartner";
export type ReferralFormErrors = Partial<Record<ReferralField, string>> & { general?: string[] };

export const emptyReferralForm: ReferralForm = {
  direction: "received",
  partnerEmail: "",
  partnerName: "",
  prospectName: "",
  prospectEmail: "",
  prospectPhone: "",
  note: "",
  copyPartner: false,
};

/** The worker's rule (EmailAddresses.LooksValid): one @, something before it, a dot in the domain, no spaces. */
export function looksLikeEmail(value: string): boolean {
  const v = value.trim();
  const at = v.indexOf("@");
  return at > 0 && at === v.lastIndexOf("@") && at < v.length - 3 && v.indexOf(".", at) > at + 1 && !/\s/.test(v);
}

/** The worker's rule: digits with the usual separators, 6 to 20 digits. */
export function looksLikePhone(value: string): boolean {
  const v = value.trim();
  const digits = v.replace(/\D/g, "").length;
  return /^\+?[0-9 ()./-]+$/.test(v) && digits >= 6 && digits <= 20;
}

function emailError(value: string, missing: string): string | undefined {
  const v = value.trim();
  if (v === "") return missing;
  if (v.length > emailMaxLength) return `An email address is at most ${emailMaxLength} characters.`;
  return looksLikeEmail(v) ? undefined : "Enter an email address like name@example.com.";
}

/** Mirrors the worker's checks, so most mistakes are named before a round trip; the worker has the last word. */
export function validateReferralForm(form: ReferralForm, ownAddress?: string): ReferralFormErrors {
  const errors: ReferralFormErrors = {};
  const own = ownAddress?.trim().toLowerCase();
  const partnerEmail = form.partnerEmail.trim().toLowerCase();
  const prospectEmail = form.prospectEmail.trim().toLowerCase();

  const partner = emailError(form.partnerEmail, "Enter the partner's email address.");
  if (partner) errors.partnerEmail = partner;
  else if (own && partnerEmail === own) errors.partnerEmail = "That is your own address: a referral is between you and someone else.";
  if (form.partnerName.trim().length > nameMaxLength) errors.partnerName = `Keep the name under ${nameMaxLength} characters.`;

  if (form.prospectName.trim() === "") errors.prospectName = "Enter the prospect's name.";
  else if (form.prospectName.trim().length > nameMaxLength) errors.prospectName = `Keep the name under ${nameMaxLength} characters.`;

  if (prospectEmail === "" && form.prospectPhone.trim() === "") {
    errors.prospectEmail = "Enter the prospect's email address or phone number.";
  } else if (prospectEmail !== "") {
    const problem = emailError(form.prospectEmail, "");
    if (problem) errors.prospectEmail = problem;
    else if (own && prospectEmail === own) errors.prospectEmail = "That is your own address: you cannot be the prospect of your own referral.";
    else if (prospectEmail === partnerEmail) errors.prospectEmail = "The prospect and the partner are the same person.";
  }
  if (form.prospectPhone.trim() !== "" && !looksLikePhone(form.prospectPhone)) errors.prospectPhone = "Enter a phone number, e.g. +64 21 555 0123.";

  if (form.note.trim().length > noteMaxLength) errors.note = `Keep the note under ${noteMaxLength} characters.`;
  return errors;
}

export function hasErrors(errors: ReferralFormErrors): boolean {
  return Object.entries(errors).some(([key, value]) => (key === "general" ? (value as string[]).length > 0 : value !== undefined));
}

/** The POST body: blanks left out, copyPartner only on a referral received. */
export function buildLogRequest(form: ReferralForm): LogReferralRequest {
  const optional = (value: string): string | undefined => (value.trim() === "" ? undefined : value.trim());
  const partnerName = optional(form.partnerName);
  const email = optional(form.prospectEmail);
  const phone = optional(form.prospectPhone);
  const note = optional(form.note);
  return {
    direction: form.direction,
    partner: { email: form.partnerEmail.trim(), ...(partnerName ? { displayName: partnerName } : {}) },
    prospect: { displayName: form.prospectName.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
    ...(note ? { note } : {}),
    ...(form.direction === "received" ? { copyPartner: form.copyPartner } : {}),
    ...(form.sourceMessageId ? { sourceMessageId: form.sourceMessageId } : {}),
  };
}

const serverFields: Record<string, ReferralField> = {
  direction: "direction",
  partner: "partnerEmail",
  "partner.email": "partnerEmail",
  "partner.displayname": "partnerName",
  prospect: "prospectName",
  "prospect.displayname": "prospectName",
  "prospect.email": "prospectEmail",
  "prospect.phone": "prospectPhone",
  note: "note",
  copypartner: "copyPartner",
};

/** A 400's `errors` under the field they name; anything else (referredAt, sourceMessageId) goes above the form. */
export function mapReferralErrors(fieldErrors: FieldErrors | undefined): ReferralFormErrors {
  const errors: ReferralFormErrors = {};
  const general: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = serverFields[key.toLowerCase()];
    if (field) errors[field] = [errors[field], ...messages].filter(Boolean).join(" ");
    else general.push(...messages);
  }
  if (general.length > 0) errors.general = general;
  return errors;
}

/** The detected parties as a filled-in form; null when the message is not an introduction. */
export function formFromDetection(detection: Detection, messageId: string): ReferralForm | null {
  if (!detection.isIntroduction || !detection.direction || !detection.partner || !detection.prospect) return null;
  const name = (p: { displayName: string; email: string }): string => (p.displayName.trim() && p.displayName.trim() !== p.email ? p.displayName.trim() : "");
  return {
    ...emptyReferralForm,
    direction: detection.direction,
    partnerEmail: detection.partner.email,
    partnerName: name(detection.partner),
    prospectName: name(detection.prospect) || detection.prospect.email,
    prospectEmail: detection.prospect.email,
    sourceMessageId: messageId,
  };
}

/**
 * Swaps partner and prospect, for an introduction the user made where detection had to guess who
 * was asked for help (the partner) and who needs it (the prospect). The phone stays blank: detection has none.
 */
export function swapRoles(form: ReferralForm): ReferralForm {
  return {
    ...form,
    partnerEmail: form.prospectEmail,
    partnerName: form.prospectName === form.prospectEmail ? "" : form.prospectName,
    prospectEmail: form.partnerEmail,
    prospectName: form.partnerName || form.partnerEmail,
  };
}
