import { followUpsApiFrom, type ApiCall, type FollowUpsApi } from "../followups/api";
import { stepLabel } from "../followups/labels";
import type { FollowUp } from "../followups/model";
import { normaliseChannel } from "../followups/rowDetail";
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
    profileUrl: f.profileUrl ?? null,
    context: subject ? `Met at ${subject}` : null,
    note: f.note ?? null,
  };
}

/** The 24/7/30 follow-up tracks: GET /api/followups and its done / snooze / skip actions. */
export function followUpSource(api: FollowUpsApi): TodaySource {
  return {
    name: "followUps",
    label: "follow-ups",
    load: async (signal) => {
      const list = await api.list(signal);
      return { timeZone: list.timeZone, items: list.items.map(followUpToToday) };
    },
    done: async (id) => followUpToToday(await api.done(id)),
    snooze: async (id, until) => followUpToToday(await api.snooze(id, until)),
    skip: async (id, reason) => followUpToToday(await api.skip(id, reason)),
  };
}

/**
 * Every source the Today view merges. Referral duties, promises and keep-in-touch reminders are
 * not served by the worker yet; each becomes one more function here, like followUpSource: load its
 * list, map each item to a TodayItem (person, why, dueAt, state, channel, draft), and expose the
 * actions its endpoints support. Grouping, rows, errors and polling need no change.
 */
export function todaySources(call: ApiCall): TodaySource[] {
  return [followUpSource(followUpsApiFrom(call))];
}
