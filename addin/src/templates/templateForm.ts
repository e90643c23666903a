import type { ApiFailure, FieldErrors, VersionedCall } from "../api/client";
import type { Notice } from "../ui/notice";
import type { DraftTemplateDto } from "./model";

/** The fields of a template the user edits. */
export interface TemplateForm {
  subject: string;
  body: string;
}

export type TemplateField = keyof TemplateForm;

export type TemplateErrors = Partial<Record<TemplateField, string>>;

/** The worker's limits (TemplateRequestValidator). */
export const templateLimits = { subject: 300, body: 8000 } as const;

/** What each kind of draft is for, in the words of the picker. */
export const kindLabels: Record<string, string> = {
  "thank-you": "Thank-you after meeting someone",
  "referral-contact": "Contacting a referral you received",
  "referral-check-in": "Checking on a referral you gave",
  "close-won": "Referral outcome: won",
  "close-in-progress": "Referral outcome: in progress",
  "close-not-a-fit": "Referral outcome: not a fit",
  "close-no-response": "Referral outcome: no response",
  "close-poor-meeting": "Referral outcome: we met, no fit",
  birthday: "Birthday note",
};

export function kindLabel(kind: string): string {
  return kindLabels[kind] ?? kind;
}

/**
 * The slot names a text uses, in order of first appearance, read as the worker reads them: "{" then an ASCII letter,
 * letters or digits, at most 40, then "}". Anything else in braces is just text.
 */
export function slotsIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\{([A-Za-z][A-Za-z0-9]{0,39})\}/g)) {
    if (!found.includes(m[1]!)) found.push(m[1]!);
  }
  return found;
}

/** The message shown under a field that names slots this draft cannot fill; undefined when all are known. */
export function unknownSlotMessage(text: string, known: readonly string[]): string | undefined {
  const unknown = slotsIn(text).filter((s) => !known.includes(s));
  if (unknown.length === 0) return undefined;
  const names = unknown.map((s) => `{${s}}`).join(", ");
  return unknown.length === 1
    ? `${names} is not a slot of this draft. Use one of the slots listed below, or remove the braces.`
    : `${names} are not slots of this draft. Use the slots listed below, or remove the braces.`;
}

/** Every problem the pane can see before saving: a field left empty, too long, or naming an unknown slot. */
export function checkTemplate(form: TemplateForm, known: readonly string[]): TemplateErrors {
  const errors: TemplateErrors = {};
  const subject = form.subject.trim();
  const body = form.body.trim();
  if (subject === "") errors.subject = "Give the subject line.";
  else if (subject.length > templateLimits.subject) errors.subject = `A subject line has at most ${templateLimits.subject} characters.`;
  else if (/[\r\n]/.test(subject)) errors.subject = "A subject line is one line.";
  else errors.subject = unknownSlotMessage(subject, known);
  if (body === "") errors.body = "Give the body.";
  else if (body.length > templateLimits.body) errors.body = `A body has at most ${templateLimits.body} characters.`;
  else errors.body = unknownSlotMessage(body, known);
  if (!errors.subject) delete errors.subject;
  if (!errors.body) delete errors.body;
  return errors;
}

export function hasErrors(errors: TemplateErrors): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}

/** The form as it would be sent (trimmed, line ends as \n), for the preview and the save. */
export function templateRequest(form: TemplateForm): TemplateForm {
  return { subject: form.subject.trim(), body: form.body.replace(/\r\n/g, "\n").trim() };
}

/** True when the form says something other than what is stored. */
export function isChanged(form: TemplateForm, stored: DraftTemplateDto): boolean {
  const sent = templateRequest(form);
  return sent.subject !== stored.subject || sent.body !== stored.body;
}

/** True when the form holds the default wording (Reset would change nothing but the "your wording" mark). */
export function isDefault(form: TemplateForm, stored: DraftTemplateDto): boolean {
  const sent = templateRequest(form);
  return sent.subject === stored.defaultSubject && sent.body === stored.defaultBody;
}

/** How a save or reset names the wording it was made on: If-Match with the kind's tag, so another pane's change is not overwritten unseen. */
export function writeOn(stored: DraftTemplateDto): VersionedCall | undefined {
  return stored.tag ? { ifMatch: stored.tag } : undefined;
}

/** True when the worker refused a save or reset because the wording was changed elsewhere since it was read (412). */
export function changedElsewhere(failure: ApiFailure): boolean {
  return failure.kind === "problem" && failure.status === 412;
}

/** What the editor says after a 412, once it has reloaded the kind: the user's text is kept, so saving again is one click. */
export function changedElsewhereNotice(action: "save" | "reset", kind: string): Notice {
  return {
    intent: "warning",
    title: action === "save" ? "Not saved: this wording was changed elsewhere" : "Not reset: this wording was changed elsewhere",
    messages: [
      `Someone changed the ${kindLabel(kind)} wording in another window or pane after you opened it. ` +
        (action === "save"
          ? "Your text is still in the editor: save again to replace their wording with yours, or undo your changes to see theirs."
          : "Their wording is now the saved one: reset again if you still want the default."),
    ],
  };
}

/** A 400's field errors ("subject", "body") under their fields; anything else as general lines. */
export function templateErrorsFromServer(fieldErrors: FieldErrors): { errors: TemplateErrors; general: string[] } {
  const errors: TemplateErrors = {};
  const general: string[] = [];
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const key = field.toLowerCase();
    if (key === "subject" || key === "body") errors[key] = messages.join(" ");
    else general.push(...messages);
  }
  return { errors, general };
}

/**
 * A slot inserted where the caret is (replacing a selection): the new text and where the caret goes after it.
 * A caret position outside the text (the field was never focused) appends at the end.
 */
export function insertSlot(text: string, slot: string, start: number | null | undefined, end: number | null | undefined): { text: string; caret: number } {
  const token = `{${slot}}`;
  const from = start === null || start === undefined || start < 0 || start > text.length ? text.length : start;
  const to = end === null || end === undefined || end < from || end > text.length ? from : end;
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}
