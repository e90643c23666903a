import { formatWeekdayClock } from "../time/formatDue";
import { groupToday, type TodayGroupKey } from "./groupToday";
import type { TodayItem } from "./model";

/** One person on Today: their next open step on top, the rest one tap away. */
export interface PersonCard {
  /** The person's email (lower case), or the item's own key when the duty names no address. */
  key: string;
  next: TodayItem;
  /** The person's other open steps, earliest first. */
  others: TodayItem[];
}

export interface PersonCardGroup {
  key: TodayGroupKey;
  title: string;
  cards: PersonCard[];
}

function personKey(item: TodayItem): string {
  const email = item.person.email.trim().toLowerCase();
  return email === "" ? item.key : email;
}

/**
 * Today as one card per person: a card sits in the group of the person's next step (the earliest open one,
 * after snoozes), so seven people with three steps each read as seven cards, not twenty-one rows.
 */
export function groupByPerson(items: readonly TodayItem[], now: Date, timeZone: string): PersonCardGroup[] {
  const groups = groupToday(items, now, timeZone);
  const cards = new Map<string, PersonCard & { group: TodayGroupKey }>();
  // groupToday returns the groups earliest first and each group's items earliest first.
  for (const group of groups) {
    for (const item of group.items) {
      const key = personKey(item);
      const card = cards.get(key);
      if (card) card.others.push(item);
      else cards.set(key, { key, next: item, others: [], group: group.key });
    }
  }
  return groups
    .map((g) => ({ key: g.key, title: g.title, cards: [...cards.values()].filter((c) => c.group === g.key).map(({ key, next, others }) => ({ key, next, others })) }))
    .filter((g) => g.cards.length > 0);
}

/**
 * What is ready for the step, in a few words: the hold at its own time in the mailbox's zone ("Hold: Thu 2:45 PM"),
 * a draft, or the referral duty. Null when nothing is prepared yet.
 */
export function readyLabel(item: Pick<TodayItem, "kind" | "draftId" | "holdEventId" | "holdStartsAt" | "source">, timeZone: string, locale?: string): string | null {
  if (item.holdEventId) return item.holdStartsAt ? `Hold: ${formatWeekdayClock(new Date(item.holdStartsAt), timeZone, locale)}` : "Hold placed";
  if (item.draftId) return "Draft ready";
  if (item.source === "referrals") return "Referral duty";
  return null;
}

/** Who the person is to the user: their company and how they met ("Kauri Consulting · Met at Chamber mixer"). */
export function personContext(item: Pick<TodayItem, "company" | "context">): string | null {
  const parts = [item.company?.trim(), item.context?.trim()].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(" · ") : null;
}
