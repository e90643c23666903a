import type { FieldErrors } from "../api/client";
import type { Channel } from "../people/person";
import type { Attendee, FollowUpRequest, PersonToFollowUp, Prompt } from "./model";

/**
 * The "whom will you follow up with?" form as plain data and pure functions: what the user chose,
 * the client-side checks (mirroring the worker's rules so most mistakes never need a round trip),
 * the POST body, and the worker's per-field errors mapped back to the entry they belong to.
 */

export const textMaxLength = 500;
export const nameMaxLength = 200;
export const emailMaxLength = 254;
export const maxPeople = 10;
/** Good practice is two or three follow-ups per event; past this the pane says so, gently. */
export const nudgeAbove = 3;

export interface Notes {
  remember: string;
  promised: string;
}

/** Someone met at the event who was not on the invitation. */
export interface AddedPerson extends Notes {
  /** Local identity for React and error mapping; never sent. */
  key: string;
  displayName: string;
  email: string;
  preferredChannel: Channel | "";
  profileUrl: string;
}

export interface FollowUpChoice {
  /** Chosen attendees by lower-cased email, with their optional notes. */
  chosen: Record<string, Notes>;
  added: AddedPerson[];
}

export type PersonField = "displayName" | "email" | "remember" | "promised" | "preferredChannel" | "profileUrl";
export type EntryErrors = Partial<Record<PersonField, string>>;

export interface FormErrors {
  /** By entry key: attendeeEntry(email) or addedEntry(key). */
  entries: Record<string, EntryErrors>;
  /** Errors that belong to no single field, e.g. too many people. */
  general: string[];
}

export const emptyChoice: FollowUpChoice = { chosen: {}, added: [] };
export const emptyNotes: Notes = { remember: "", promised: "" };

export const emailKey = (email: string): string => email.trim().toLowerCase();
export const attendeeEntry = (email: string): string => `attendee:${emailKey(email)}`;
export const addedEntry = (key: string): string => `added:${key}`;

export function blankPerson(key: string): AddedPerson {
  return { key, displayName: "", email: "", remember: "", promised: "", preferredChannel: "", profileUrl: "" };
}

/** An "add someone" row the user opened and left empty: not a person, so not counted, checked or sent. */
export function isBlankPerson(person: AddedPerson): boolean {
  return (
    person.displayName.trim() === "" &&
    person.email.trim() === "" &&
    person.remember.trim() === "" &&
    person.promised.trim() === "" &&
    person.profileUrl.trim() === "" &&
    person.preferredChannel === ""
  );
}

const filledIn = (choice: FollowUpChoice): AddedPerson[] => choice.added.filter((p) => !isBlankPerson(p));

export function chosenCount(choice: FollowUpChoice): number {
  return Object.keys(choice.chosen).length + filledIn(choice).length;
}

export function nudgeFor(count: number): string | undefined {
  return count > nudgeAbove ? "Two or three good follow-ups beat ten rushed ones." : undefined;
}

/** The shape every mail system accepts: something@domain.tld, no spaces. Deliverability is the worker's business. */
export function validateEmail(email: string): string | undefined {
  const value = email.trim();
  if (value === "") return "Enter their email address.";
  if (value.length > emailMaxLength) return `An email address is at most ${emailMaxLength} characters.`;
  if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value)) return "Enter an email address like name@example.com.";
  return undefined;
}

/** People paste "linkedin.com/in/ana" without a scheme; that is an https link, not an error. */
export function normaliseProfileUrl(input: string): string {
  const value = input.trim();
  if (value === "" || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return `https://${value.replace(/^\/+/, "")}`;
}

/** Only http and https links, so a profile link can never be a javascript: or data: URL. */
export function safeHttpUrl(value: string | null | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") ? url : undefined;
  } catch {
    return undefined;
  }
}

export function validateProfileUrl(input: string): string | undefined {
  const value = normaliseProfileUrl(input);
  if (value === "") return undefined;
  if (value.length > textMaxLength) return `Keep the link under ${textMaxLength} characters.`;
  if (!safeHttpUrl(value)) return "Enter a web link starting with https://, e.g. https://www.linkedin.com/in/their-name.";
  return undefined;
}

function validateNotes(notes: Notes): EntryErrors {
  const errors: EntryErrors = {};
  if (notes.remember.trim().length > textMaxLength) errors.remember = `Keep it under ${textMaxLength} characters.`;
  if (notes.promised.trim().length > textMaxLength) errors.promised = `Keep it under ${textMaxLength} characters.`;
  return errors;
}

export function validateAddedPerson(person: AddedPerson): EntryErrors {
  const errors = validateNotes(person);
  const name = person.displayName.trim();
  if (name === "") errors.displayName = "Enter their name, for the greeting in your thank-you note.";
  else if (name.length > nameMaxLength) errors.displayName = `Keep the name under ${nameMaxLength} characters.`;
  const email = validateEmail(person.email);
  if (email) errors.email = email;
  const url = validateProfileUrl(person.profileUrl);
  if (url) errors.profileUrl = url;
  return errors;
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.values(errors.entries).some((e) => Object.keys(e).length > 0);
}

export function validateChoice(prompt: Prompt, choice: FollowUpChoice): FormErrors {
  const errors: FormErrors = { entries: {}, general: [] };
  const count = chosenCount(choice);
  if (count === 0) errors.general.push("Choose at least one person, or say nobody this time.");
  if (count > maxPeople) errors.general.push(`Choose at most ${maxPeople} people at a time.`);

  for (const [email, notes] of Object.entries(choice.chosen)) {
    const entry = validateNotes(notes);
    if (Object.keys(entry).length > 0) errors.entries[attendeeEntry(email)] = entry;
  }

  const invited = new Set(prompt.attendees.map((a) => emailKey(a.email)));
  const seen = new Set<string>();
  for (const person of filledIn(choice)) {
    const entry = validateAddedPerson(person);
    const email = emailKey(person.email);
    if (!entry.email && invited.has(email)) entry.email = "They are on the invitation: tick them in the list above instead.";
    else if (!entry.email && seen.has(email)) entry.email = "You added this person twice.";
    seen.add(email);
    if (Object.keys(entry).length > 0) errors.entries[addedEntry(person.key)] = entry;
  }
  return errors;
}

const optional = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
};

function personBody(base: { email: string; displayName: string }, notes: Notes, extra: { preferredChannel: Channel | null; profileUrl?: string | undefined }): PersonToFollowUp {
  const body: PersonToFollowUp = { email: base.email.trim(), displayName: base.displayName.trim(), preferredChannel: extra.preferredChannel };
  const remember = optional(notes.remember);
  const promised = optional(notes.promised);
  if (remember) body.remember = remember;
  if (promised) body.promised = promised;
  if (extra.profileUrl) body.profileUrl = extra.profileUrl;
  return body;
}

/**
 * The POST body, attendees in invitation order and then the people added by hand, plus which entry
 * each people[i] came from, so a 400 naming people[i].email lands under the right field.
 */
export function buildFollowUpRequest(prompt: Prompt, choice: FollowUpChoice): { request: FollowUpRequest; entries: string[] } {
  const people: PersonToFollowUp[] = [];
  const entries: string[] = [];
  const byEmail = new Map<string, Attendee>(prompt.attendees.map((a) => [emailKey(a.email), a]));
  for (const [email, notes] of Object.entries(choice.chosen).sort(([a], [b]) => order(prompt, a) - order(prompt, b))) {
    const attendee = byEmail.get(email);
    if (!attendee) continue;
    // The worker needs a name for the greeting; an invitation without one still has the address.
    const displayName = attendee.displayName.trim() || attendee.email;
    people.push(personBody({ email: attendee.email, displayName }, notes, { preferredChannel: null }));
    entries.push(attendeeEntry(email));
  }
  for (const person of filledIn(choice)) {
    people.push(
      personBody(person, person, {
        preferredChannel: person.preferredChannel === "" ? null : person.preferredChannel,
        profileUrl: optional(normaliseProfileUrl(person.profileUrl)),
      }),
    );
    entries.push(addedEntry(person.key));
  }
  return { request: { people }, entries };
}

function order(prompt: Prompt, email: string): number {
  const index = prompt.attendees.findIndex((a) => emailKey(a.email) === email);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

const personFields: readonly PersonField[] = ["displayName", "email", "remember", "promised", "preferredChannel", "profileUrl"];

/**
 * The worker's `errors` ("people[1].email", or "People[1].Email" from a default FluentValidation
 * naming) onto the entries; anything that names no person field stays a general message.
 */
export function mapServerErrors(fieldErrors: FieldErrors | undefined, entries: readonly string[]): FormErrors {
  const errors: FormErrors = { entries: {}, general: [] };
  for (const [path, messages] of Object.entries(fieldErrors ?? {})) {
    const text = messages.join(" ");
    const match = /^people\[(\d+)\]\.(\w+)$/i.exec(path.trim());
    const entry = match ? entries[Number(match[1])] : undefined;
    const field = match ? personFields.find((f) => f.toLowerCase() === match[2]?.toLowerCase()) : undefined;
    const attendeeEmail = entry?.startsWith("attendee:") ? entry.slice("attendee:".length) : undefined;
    if (entry && field && attendeeEmail !== undefined && field !== "remember" && field !== "promised") {
      // An attendee row shows only the notes; anything else about them is said in words.
      errors.general.push(`${attendeeEmail}: ${text}`);
    } else if (entry && field) {
      const current = (errors.entries[entry] ??= {});
      current[field] = current[field] ? `${current[field]} ${text}` : text;
    } else {
      errors.general.push(text);
    }
  }
  return errors;
}
