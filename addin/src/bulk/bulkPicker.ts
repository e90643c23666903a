import { emailKey, nudgeFor } from "../prompts/followUpForm";
import type { BulkFollowUpRequest, BulkPerson, BulkPrompt } from "./model";

/** The worker takes ten at most, as after an event: two or three good follow-ups beat ten rushed ones. */
export const mostPicked = 10;

/** A long list shows this many matches at a time; search narrows it. */
export const shownAtOnce = 50;

export { nudgeFor };

/** Counts with thousands separators ("1,234"); a number format, so no date is ever formatted outside src/time/. */
const counts = new Intl.NumberFormat("en");

export function headline(count: number): string {
  return `You added ${counts.format(count)} contacts at once — whom will you follow up with?`;
}

/** Lower case without accents, so "chloe" finds "Chloé". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every word of the query appears in the name, the address or the company. */
export function matches(person: BulkPerson, query: string): boolean {
  const words = fold(query).split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return true;
  const haystack = fold(`${person.displayName} ${person.email} ${person.companyName ?? ""}`);
  return words.every((w) => haystack.includes(w));
}

export interface Visible {
  people: BulkPerson[];
  /** How many match in all; more than shown when the list is long. */
  matching: number;
}

/** The people to show for a query: the picked ones first (so a pick never scrolls out of sight), then the matches. */
export function visiblePeople(prompt: BulkPrompt, query: string, picked: ReadonlySet<string>): Visible {
  const matching = prompt.people.filter((p) => matches(p, query));
  const pickedFirst = [...prompt.people.filter((p) => picked.has(emailKey(p.email))), ...matching.filter((p) => !picked.has(emailKey(p.email)))];
  return { people: pickedFirst.slice(0, Math.max(shownAtOnce, picked.size)), matching: matching.length };
}

/** Picks or unpicks someone; past the most the worker takes, a pick is refused (the set is returned unchanged). */
export function toggle(picked: ReadonlySet<string>, email: string, checked: boolean): ReadonlySet<string> {
  const key = emailKey(email);
  if (checked === picked.has(key)) return picked;
  if (checked && picked.size >= mostPicked) return picked;
  const next = new Set(picked);
  if (checked) next.add(key);
  else next.delete(key);
  return next;
}

export function canPickMore(picked: ReadonlySet<string>): boolean {
  return picked.size < mostPicked;
}

/** The request for the people picked, in the prompt's order, spelled as the worker sent them. */
export function buildBulkRequest(prompt: BulkPrompt, picked: ReadonlySet<string>): BulkFollowUpRequest {
  return { emails: prompt.people.filter((p) => picked.has(emailKey(p.email))).map((p) => p.email) };
}
