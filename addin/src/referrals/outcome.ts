import type { FieldErrors } from "../api/client";
import type { Outcome, OutcomeRequest, Referral } from "./model";

/** "Record outcome": the five outcomes, what each asks for, its checks and the POST body. */

export const outcomeNoteMaxLength = 1000;
export const betterFitMaxLength = 300;
const maxValue = 1_000_000_000_000;

export const outcomeOptions: ReadonlyArray<{ value: Outcome; label: string; hint: string }> = [
  { value: "won", label: "Won", hint: "They became a client." },
  { value: "inProgress", label: "In progress", hint: "Talking; not decided yet." },
  { value: "notAFit", label: "Not a fit", hint: "Say who would be a better fit." },
  { value: "noResponse", label: "No response / no-show", hint: "You tried and could not connect." },
  { value: "poorMeeting", label: "Poor meeting", hint: "You met and found no way to help each other now." },
];

export function outcomeLabel(outcome: Outcome): string {
  return outcomeOptions.find((o) => o.value === outcome)?.label ?? outcome;
}

/** Every outcome but "in progress" closes the referral; changing a closed one needs `change: true`. */
export function isFinal(outcome: Outcome | null): boolean {
  return outcome !== null && outcome !== "inProgress";
}

export interface OutcomeForm {
  outcome: Outcome | "";
  /** Won only; free text so "12 000" and "12,000.50" are accepted. */
  value: string;
  /** Not a fit only. */
  betterFit: string;
  note: string;
}

export type OutcomeField = "outcome" | "value" | "betterFit" | "note";
export type OutcomeFormErrors = Partial<Record<OutcomeField, string>>;

export const emptyOutcomeForm: OutcomeForm = { outcome: "", value: "", betterFit: "", note: "" };

/** The form for a referral that already has an outcome starts from it. */
export function outcomeFormFor(referral: Referral): OutcomeForm {
  return {
    outcome: referral.outcome ?? "",
    value: referral.outcomeValue === null ? "" : String(referral.outcomeValue),
    betterFit: referral.betterFit ?? "",
    note: referral.outcomeNote ?? "",
  };
}

/** "12 000", "12,000.50", "$1200" → a number; undefined when it is not one. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.trim().replace(/^[$€£]/, "").replace(/[\s,']/g, "");
  if (cleaned === "" || !/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

export function validateOutcomeForm(form: OutcomeForm): OutcomeFormErrors {
  const errors: OutcomeFormErrors = {};
  if (form.outcome === "") errors.outcome = "Choose how it went.";
  if (form.outcome === "won" && form.value.trim() !== "") {
    const amount = parseAmount(form.value);
    if (amount === undefined) errors.value = "Enter an amount, e.g. 12000, or leave it blank.";
    else if (amount >= maxValue) errors.value = "That amount is too large.";
  }
  if (form.outcome === "notAFit" && form.betterFit.trim().length > betterFitMaxLength) errors.betterFit = `Keep it under ${betterFitMaxLength} characters.`;
  if (form.note.trim().length > outcomeNoteMaxLength) errors.note = `Keep the note under ${outcomeNoteMaxLength} characters.`;
  return errors;
}

/** The POST body: value only with "won", better fit only with "not a fit" (the worker refuses them otherwise). */
export function buildOutcomeRequest(form: OutcomeForm, change = false): OutcomeRequest {
  if (form.outcome === "") throw new Error("No outcome chosen.");
  const amount = form.outcome === "won" ? parseAmount(form.value) : undefined;
  const betterFit = form.outcome === "notAFit" ? form.betterFit.trim() : "";
  const note = form.note.trim();
  return {
    outcome: form.outcome,
    ...(amount !== undefined ? { value: amount } : {}),
    ...(betterFit ? { betterFit } : {}),
    ...(note ? { note } : {}),
    ...(change ? { change: true } : {}),
  };
}

export function mapOutcomeErrors(fieldErrors: FieldErrors | undefined): OutcomeFormErrors {
  const errors: OutcomeFormErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = (["outcome", "value", "betterFit", "note"] as const).find((f) => f.toLowerCase() === key.toLowerCase());
    if (field) errors[field] = messages.join(" ");
  }
  return errors;
}

/** Only a referral received gets a close-the-loop note: it goes to the partner who gave it. */
export function expectsCloseDraft(referral: Referral): boolean {
  return referral.direction === "received" && referral.outcome !== null;
}
