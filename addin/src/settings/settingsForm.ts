import type { FieldErrors } from "../api/client";
import type { Settings } from "./model";

/**
 * The Settings form as plain data and pure functions. The limits mirror the worker's
 * SettingsRequestValidator (worker/OfficeFollowUp.Worker/Settings/SettingsRequest.cs) so most mistakes never need a round trip;
 * the worker's per-field errors are mapped back under the field they name.
 */

export const limits = {
  maxKeywords: 30,
  keywordLength: 60,
  categoryLength: 255,
  signatureLength: 200,
  meetingLength: { min: 10, max: 240 },
  meetingBuffer: { min: 0, max: 120 },
  cadence: { min: 1, max: 730 },
} as const;

/** What the inputs hold: numbers as typed, keywords one per line. */
export interface SettingsForm {
  networkingCategory: string;
  keywords: string;
  meetingLength: string;
  meetingBuffer: string;
  signature: string;
  referralPartner: string;
  innerCircle: string;
  other: string;
}

export type SettingsField = keyof SettingsForm;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

export function formFrom(settings: Settings): SettingsForm {
  return {
    networkingCategory: settings.networkingCategory,
    keywords: settings.subjectKeywords.join("\n"),
    meetingLength: String(settings.meetingLengthMinutes),
    meetingBuffer: String(settings.meetingBufferMinutes),
    signature: settings.signature,
    referralPartner: String(settings.cadences.referralPartner),
    innerCircle: String(settings.cadences.innerCircle),
    other: String(settings.cadences.other),
  };
}

/** One keyword per line; blank lines are ignored, not errors. */
export function keywordsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

function wholeNumber(text: string, range: { min: number; max: number }, what: string): [number | undefined, string | undefined] {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return [undefined, `Enter ${what} as a whole number.`];
  const n = Number(value);
  if (n < range.min || n > range.max) return [undefined, `${what[0]?.toUpperCase()}${what.slice(1)} is ${range.min} to ${range.max}.`];
  return [n, undefined];
}

export type Checked = { ok: true; settings: Settings } | { ok: false; errors: SettingsErrors };

/** The client-side checks, and the PUT body when they pass. */
export function checkSettings(form: SettingsForm): Checked {
  const errors: SettingsErrors = {};
  const category = form.networkingCategory.trim();
  if (category === "") errors.networkingCategory = "Name the Outlook category that marks a networking event.";
  else if (category.length > limits.categoryLength) errors.networkingCategory = `A category name has at most ${limits.categoryLength} characters.`;

  const keywords = keywordsOf(form.keywords);
  const long = keywords.find((k) => k.length > limits.keywordLength);
  if (keywords.length > limits.maxKeywords) errors.keywords = `At most ${limits.maxKeywords} keywords (you have ${keywords.length}).`;
  else if (long !== undefined) errors.keywords = `“${long.slice(0, 20)}…” is too long: a keyword has at most ${limits.keywordLength} characters.`;

  const [length, lengthError] = wholeNumber(form.meetingLength, limits.meetingLength, "the meeting length in minutes");
  if (lengthError) errors.meetingLength = lengthError;
  const [buffer, bufferError] = wholeNumber(form.meetingBuffer, limits.meetingBuffer, "the buffer in minutes");
  if (bufferError) errors.meetingBuffer = bufferError;

  const signature = form.signature.trim();
  if (signature.length > limits.signatureLength) errors.signature = `A signature has at most ${limits.signatureLength} characters.`;

  const cadence = (field: "referralPartner" | "innerCircle" | "other"): number | undefined => {
    const [days, error] = wholeNumber(form[field], limits.cadence, "a cadence in days");
    if (error) errors[field] = error;
    return days;
  };
  const referralPartner = cadence("referralPartner");
  const innerCircle = cadence("innerCircle");
  const other = cadence("other");

  if (Object.keys(errors).length > 0 || length === undefined || buffer === undefined || referralPartner === undefined || innerCircle === undefined || other === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    settings: {
      networkingCategory: category,
      subjectKeywords: keywords,
      meetingLengthMinutes: length,
      meetingBufferMinutes: buffer,
      signature,
      cadences: { referralPartner, innerCircle, other },
    },
  };
}

const serverFields: Record<string, SettingsField> = {
  networkingcategory: "networkingCategory",
  subjectkeywords: "keywords",
  meetinglengthminutes: "meetingLength",
  meetingbufferminutes: "meetingBuffer",
  signature: "signature",
  cadences: "referralPartner",
  "cadences.referralpartner": "referralPartner",
  "cadences.innercircle": "innerCircle",
  "cadences.other": "other",
};

/**
 * The worker's 400 `errors` under the fields they name. "subjectKeywords[2]" points into the list
 * that was sent, so the message says which keyword. Unknown names come back as `general`.
 */
export function errorsFromServer(fieldErrors: FieldErrors, sent: Settings): { errors: SettingsErrors; general: string[] } {
  const errors: SettingsErrors = {};
  const general: string[] = [];
  for (const [name, messages] of Object.entries(fieldErrors)) {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(name.trim());
    const field = match?.[1] ? serverFields[match[1].toLowerCase()] : undefined;
    const text = messages.join(" ");
    if (!field) {
      general.push(text);
      continue;
    }
    const index = match?.[2] === undefined ? undefined : Number(match[2]);
    const keyword = index === undefined ? undefined : sent.subjectKeywords[index];
    const message = keyword === undefined ? text : `“${keyword}”: ${text}`;
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  return { errors, general };
}

/** Each field's name as its label reads, for messages that list fields. */
export const fieldLabels: Record<SettingsField, string> = {
  networkingCategory: "Outlook category",
  keywords: "Subject keywords",
  meetingLength: "Meeting length",
  meetingBuffer: "Free time around it",
  signature: "Signature",
  referralPartner: "Keep in touch with referral partners",
  innerCircle: "Keep in touch with the inner circle",
  other: "Keep in touch with everyone else",
};

/** A form put on top of settings someone else saved meanwhile. */
export interface Rebased {
  form: SettingsForm;
  /** Fields the user changed that nobody else did: their value stays in the form. */
  kept: SettingsField[];
  /** Fields both changed, to different values: the user's value stays in the form, the other is in `theirs`. */
  clashed: SettingsField[];
  /** Fields only the other save changed: the form shows its value now. */
  taken: SettingsField[];
}

/**
 * After a 412 (the settings were saved elsewhere since the form was loaded): what the user typed on top of what is saved
 * now. `base` is what the form was loaded from, `mine` what it holds, `theirs` what is saved now. A field the user did
 * not touch takes the saved value; a field they changed keeps their value, whether or not the other save changed it too.
 * Keywords compare as their list, so a trailing blank line is not a change.
 */
export function rebase(base: SettingsForm, mine: SettingsForm, theirs: SettingsForm): Rebased {
  const same = (field: SettingsField, a: SettingsForm, b: SettingsForm): boolean =>
    field === "keywords" ? keywordsOf(a.keywords).join("\n") === keywordsOf(b.keywords).join("\n") : a[field].trim() === b[field].trim();
  const form = { ...theirs };
  const kept: SettingsField[] = [];
  const clashed: SettingsField[] = [];
  const taken: SettingsField[] = [];
  for (const field of Object.keys(fieldLabels) as SettingsField[]) {
    const changedHere = !same(field, base, mine);
    const changedThere = !same(field, base, theirs);
    if (changedHere) {
      form[field] = mine[field];
      if (!changedThere || same(field, mine, theirs)) kept.push(field);
      else clashed.push(field);
    } else if (changedThere) {
      taken.push(field);
    }
  }
  return { form, kept, clashed, taken };
}

/** What the Settings view says after a 412, in plain words: what happened, what the form holds now, what to do. */
export function changedElsewhereMessages(rebased: Rebased, theirs: SettingsForm): string[] {
  const names = (fields: SettingsField[]) => fields.map((f) => fieldLabels[f]).join(", ");
  const shown = (field: SettingsField) => (field === "keywords" ? keywordsOf(theirs.keywords).join(", ") || "none" : theirs[field].trim() || "empty");
  const messages = [
    "Someone saved your settings after you opened them: another Outlook window, or another OfficeFollowUp process working for your team. Your changes were not saved yet.",
  ];
  if (rebased.taken.length > 0) messages.push(`Now showing what they saved for: ${names(rebased.taken)}.`);
  if (rebased.kept.length > 0) messages.push(`Your changes are still in the form: ${names(rebased.kept)}.`);
  for (const field of rebased.clashed) messages.push(`${fieldLabels[field]}: you both changed it; the form keeps yours (they saved “${shown(field)}”).`);
  messages.push(rebased.kept.length + rebased.clashed.length > 0 ? "Check the form and save again." : "You had changed nothing; the form shows the saved settings.");
  return messages;
}
