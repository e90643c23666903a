import type { ApiCall } from "../api/client";
import type { PersonCard } from "./model";

export interface PeopleApi {
  card(email: string, signal?: AbortSignal): Promise<PersonCard>;
  remember(email: string, displayName: string, remember: string): Promise<PersonCard>;
}

export function createPeopleApi(call: ApiCall): PeopleApi {
  const path = (email: string): string => `/api/people/${encodeURIComponent(email.trim())}`;
  return {
    card: (email, signal) => call<PersonCard>("GET", path(email), undefined, signal),
    remember: (email, displayName, remember) => call<PersonCard>("PUT", `${path(email)}/remember`, { displayName, remember }),
  };
}

export const rememberMaxLength = 500;

/** Mirrors the worker's rule (1–500 characters) so the form can say so before a round trip. */
export function validateRemember(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return "Write the one thing to remember.";
  if (trimmed.length > rememberMaxLength) return `Keep it under ${rememberMaxLength} characters.`;
  return undefined;
}

/** Loose check before asking the worker; it has the final word (400 naming `email`). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
