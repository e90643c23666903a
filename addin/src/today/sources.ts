import type { ApiCall } from "../api/client";
import { createFollowUpsApi, loadFollowUps, type FollowUpsApi } from "../followups/api";
import { stepLabel } from "../followups/labels";
import type { FollowUp } from "../followups/model";
import type { GaveUp } from "../outbox/model";
import type { Person } from "../people/person";
import { normaliseChannel } from "../people/person";
import { instantAt } from "../time/zonedTime";
import type { TodayItem, TodaySource } from "./model";

export function followUpToToday(f: FollowUp): TodayItem {
  const subject = f.eventSubject?.trim();
  return {
    key: `followUps:${f.id}`,
    source: "followUps",
    id: f.id,
    person: f.person,
    kind: f.step,
    why: stepLabel(f.step),
    dueAt: f.dueAt,
    state: f.state,
    snoozedUntil: f.snoozedUntil,
    preferredChannel: normaliseChannel(f.preferredChannel),
    draftId: f.draftId,
    holdEventId: f.holdEventId ?? null,
    holdStartsAt: f.holdStartsAt ?? null,
    company: f.company ?? null,
    profileUrl: f.profileUrl ?? null,
    context: subject ? `Met at ${subject}` : null,
    note: f.note ?? null,
    gaveUp: f.gaveUp ?? null,
    completedVia: f.completedVia ?? null,
    completedAt: f.completedAt ?? null,
  };
}

/** The 24/7/30 follow-up tracks: GET /api/followups?window=due (and the later pages on request) and its done / snooze / skip actions. */
export function followUpSource(api: FollowUpsApi): TodaySource {
  return {
    name: "followUps",
    label: "follow-ups",
    load: async (signal, withLater = false) => {
      const list = await loadFollowUps(api, withLater, signal);
      return { timeZone: list.timeZone, items: list.items.map(followUpToToday), hiddenLater: list.hiddenLater, done: list.done.map(followUpToToday) };
    },
    done: async (id) => followUpToToday(await api.done(id)),
    snooze: async (id, until) => followUpToToday(await api.snooze(id, until)),
    skip: async (id, reason, deleteDraft) => followUpToToday(await api.skip(id, reason, deleteDraft)),
    reopen: async (id) => followUpToToday(await api.reopen(id)),
  };
}

/** GET /api/promises: "I'll get back to you with …". */
export interface PromiseJson {
  id: string;
  person: Person;
  text: string;
  dueAt: string;
  state: "open" | "snoozed" | "done";
  snoozedUntil: string | null;
  eventSubject: string | null;
  preferredChannel: string | null;
}

export function promiseToToday(p: PromiseJson): TodayItem {
  const subject = p.eventSubject?.trim();
  return {
    key: `promises:${p.id}`,
    source: "promises",
    id: p.id,
    person: p.person,
    kind: "promise",
    why: `You promised: ${p.text}`,
    dueAt: p.dueAt,
    state: p.state === "open" ? "pending" : p.state,
    snoozedUntil: p.snoozedUntil,
    preferredChannel: normaliseChannel(p.preferredChannel),
    draftId: null,
    holdEventId: null,
    profileUrl: null,
    context: subject ? `Promised at ${subject}` : null,
    note: null,
  };
}

/** Promises: done and snooze (the worker has no skip for a promise; it is kept or it is not). */
export function promiseSource(call: ApiCall): TodaySource {
  const item = (id: string, action: string): string => `/api/promises/${encodeURIComponent(id)}/${action}`;
  return {
    name: "promises",
    label: "promises",
    load: async (signal) => {
      const list = await call<{ timeZone: string; items: PromiseJson[] }>("GET", "/api/promises", undefined, signal);
      return { timeZone: list.timeZone, items: list.items.map(promiseToToday) };
    },
    done: async (id) => promiseToToday(await call<PromiseJson>("POST", item(id, "done"))),
    snooze: async (id, until) => promiseToToday(await call<PromiseJson>("POST", item(id, "snooze"), { until })),
  };
}

/** GET /api/referrals: only the fields a Today row needs. */
export interface ReferralJson {
  id: string;
  direction: "received" | "given";
  partner: Person;
  prospect: { displayName: string; email: string | null; phone: string | null };
  introDraftId: string | null;
  checkInDraftId: string | null;
  closeDraftId: string | null;
  duty: { kind: "contactProspect" | "checkInWithPartner" | "nudgePartner" | "recordOutcome" | string; dueAt: string; escalation: string } | null;
  gaveUp?: GaveUp | null;
}

/** A referral with a duty due, or null when nothing is due on it. */
export function referralToToday(r: ReferralJson): TodayItem | null {
  if (!r.duty) return null;
  const partner = r.partner.displayName.trim() || r.partner.email;
  const prospect = r.prospect.displayName.trim() || r.prospect.email || "the prospect";
  const duty =
    r.duty.kind === "contactProspect"
      ? { person: { displayName: prospect, email: r.prospect.email ?? "" }, why: `Contact ${prospect}, referred by ${partner}`, draftId: r.introDraftId }
      : r.duty.kind === "checkInWithPartner"
        ? { person: r.partner, why: `Ask ${partner} whether they reached ${prospect}`, draftId: r.checkInDraftId }
        : r.duty.kind === "nudgePartner"
          ? { person: r.partner, why: `Nudge ${partner} to get in touch with ${prospect}`, draftId: null }
          : { person: r.partner, why: `Say how the referral of ${prospect} went`, draftId: r.closeDraftId };
  return {
    key: `referrals:${r.id}`,
    source: "referrals",
    id: r.id,
    person: duty.person,
    kind: `referral:${r.duty.kind}`,
    why: duty.why,
    dueAt: r.duty.dueAt,
    state: "pending",
    snoozedUntil: null,
    preferredChannel: null,
    draftId: duty.draftId,
    holdEventId: null,
    profileUrl: null,
    context: r.direction === "received" ? `Referral from ${partner}` : `Referral you gave ${partner}`,
    note: r.prospect.phone ? `Phone: ${r.prospect.phone}` : null,
    gaveUp: r.gaveUp ?? null,
  };
}

/**
 * Referral duties. Only "contacted the prospect" is a one-click done; checking in with a partner
 * and recording an outcome need answers (did they? how did it go?) that belong to a referral form.
 */
export function referralSource(call: ApiCall): TodaySource {
  return {
    name: "referrals",
    label: "referral duties",
    load: async (signal) => {
      const list = await call<{ timeZone: string; items: ReferralJson[] }>("GET", "/api/referrals", undefined, signal);
      return { timeZone: list.timeZone, items: list.items.map(referralToToday).filter((i): i is TodayItem => i !== null) };
    },
    done: async (id) => {
      const updated = await call<ReferralJson>("POST", `/api/referrals/${encodeURIComponent(id)}/contacted`);
      // The duty moves on (to recording the outcome); with none left the row closes.
      return referralToToday(updated) ?? closedReferral(id);
    },
    supports: (item, action) => action === "done" && item.kind === "referral:contactProspect",
  };
}

function closedReferral(id: string): TodayItem {
  return { key: `referrals:${id}`, source: "referrals", id, person: { displayName: "", email: "" }, kind: "referral", why: "", dueAt: new Date().toISOString(), state: "done", snoozedUntil: null, preferredChannel: null, draftId: null, holdEventId: null, profileUrl: null, context: null, note: null };
}

/** GET /api/keep-in-touch. */
export interface KeepInTouchJson {
  timeZone: string;
  overdue: { person: Person; tier: string; cadenceDays: number; lastTouch: string | null; dueAt: string; daysOverdue: number; preferredChannel: string | null }[];
  birthdays: {
    displayName: string;
    email: string | null;
    date: string;
    daysAway: number;
    preferredChannel: string | null;
    draft?: { id: string; state: "preparing" | "ready" | "sent" | "skipped"; draftId: string | null; sentAt: string | null } | null;
    /** For skip and reopen; absent from older workers. */
    id?: string | null;
  }[];
}

type BirthdayJson = KeepInTouchJson["birthdays"][number];

const keepInTouchBase = { source: "keepInTouch" as const, state: "pending" as const, snoozedUntil: null, draftId: null, holdEventId: null, profileUrl: null, note: null };

/** A birthday as a Today card; skipped this year, it is "skipped" (so it leaves Today). */
export function birthdayToToday(b: BirthdayJson, timeZone: string): TodayItem {
  const [year, month, day] = b.date.split("-").map(Number) as [number, number, number];
  const ready = b.draft?.state === "ready" && b.draft.draftId ? b.draft : null;
  return {
    ...keepInTouchBase,
    state: b.draft?.state === "skipped" ? "skipped" : "pending",
    key: `keepInTouch:birthday:${(b.email ?? b.displayName).toLowerCase()}`,
    // The birthday's id (the same as its draft's), so its preview reads GET /api/birthdays/{id}/draft and Skip posts to it.
    id: b.id ?? (ready ? ready.id : (b.email ?? b.displayName)),
    draftId: ready ? ready.draftId : null,
    person: { displayName: b.displayName, email: b.email ?? "" },
    kind: "birthday",
    why: b.daysAway === 0 ? "Birthday today" : `Birthday in ${b.daysAway} day${b.daysAway === 1 ? "" : "s"}`,
    // A card for the day itself: due that morning, in the mailbox's zone.
    dueAt: instantAt({ year, month, day, hour: 9, minute: 0 }, timeZone).toISOString(),
    preferredChannel: normaliseChannel(b.preferredChannel),
    context: null,
  };
}

const tierNames: Record<string, string> = { referralPartner: "referral partner", innerCircle: "inner circle", other: "everyone else" };

export function keepInTouchToToday(list: KeepInTouchJson): TodayItem[] {
  const base = keepInTouchBase;
  const touches = list.overdue.map((o): TodayItem => ({
    ...base,
    key: `keepInTouch:${o.person.email.toLowerCase()}`,
    id: o.person.email,
    person: o.person,
    kind: "keepInTouch",
    why: `Keep in touch (every ${o.cadenceDays} days)`,
    dueAt: o.dueAt,
    preferredChannel: normaliseChannel(o.preferredChannel),
    context: `${o.lastTouch ? `Last in touch ${o.lastTouch.slice(0, 10)}` : "Not in touch yet"} · ${tierNames[o.tier] ?? o.tier}`,
  }));
  // A birthday already wished (mail sent around the day) is done, and one skipped this year dismissed: they leave Today;
  // Keep in touch shows them as sent or skipped.
  const birthdays = list.birthdays.filter((b) => b.draft?.state !== "sent" && b.draft?.state !== "skipped").map((b) => birthdayToToday(b, list.timeZone));
  return [...touches, ...birthdays];
}

/** Keep-in-touch reminders and birthdays: a meeting or a follow-up clears a reminder; a birthday can be skipped this year (and undone). */
export function keepInTouchSource(call: ApiCall): TodaySource {
  let timeZone = "UTC";
  const birthday = async (id: string, action: "skip" | "reopen"): Promise<TodayItem> =>
    birthdayToToday(await call<BirthdayJson>("POST", `/api/birthdays/${encodeURIComponent(id)}/${action}`), timeZone);
  return {
    name: "keepInTouch",
    label: "keep-in-touch reminders",
    load: async (signal) => {
      const list = await call<KeepInTouchJson>("GET", "/api/keep-in-touch", undefined, signal);
      timeZone = list.timeZone;
      return { timeZone: list.timeZone, items: keepInTouchToToday(list) };
    },
    skip: (id) => birthday(id, "skip"),
    reopen: (id) => birthday(id, "reopen"),
    // Only a birthday with its own id (from a worker that knows "Skip this year"); reminders clear by themselves.
    supports: (item, action) => action === "skip" && item.kind === "birthday" && item.id.startsWith("birthday-"),
  };
}

/**
 * Every source the Today view merges. A new one is one function like these: load its list, map
 * each item to a TodayItem (person, why, dueAt, state, channel, draft), and expose the actions
 * its endpoints support. Grouping, rows, errors and polling need no change.
 */
export function todaySources(call: ApiCall): TodaySource[] {
  return [followUpSource(createFollowUpsApi(call)), referralSource(call), promiseSource(call), keepInTouchSource(call)];
}
