import { formatCalendarDate } from "../time/formatDue";
import type { RateCounts, Scorecard, WeekPoint } from "./model";

/** 0.5 → "50%"; null (nothing to measure yet) → "—". */
export function formatShare(share: number | null | undefined, locale?: string): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(Math.min(Math.max(share, 0), 1));
}

/** 12.5 → "12.5 h", 0.4 → "24 min", 50 → "2.1 days"; null → "—". */
export function formatHours(hours: number | null | undefined, locale?: string): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours) || hours < 0) return "—";
  const n = (value: number, digits: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (hours < 1) return `${n(Math.round(hours * 60), 0)} min`;
  if (hours < 48) return `${n(hours, 1)} h`;
  return `${n(hours / 24, 1)} days`;
}

export interface ScoreTile {
  key: string;
  label: string;
  value: string;
  /** The goal the number is measured against, for a screen reader and a tooltip-free glance. */
  hint: string;
}

/**
 * What a rate is made of: "1 of 3 sent · 1 marked by you". Sent and met count only what the mailbox shows; what the user
 * marked done is said apart (for connect, which mostly happens outside the mailbox, it is part of the count).
 */
export function rateHint(counts: RateCounts | null | undefined, evidence: string, fallback: string, locale?: string, markedIncluded = false): string {
  if (!counts) return fallback;
  const n = (v: number): string => new Intl.NumberFormat(locale).format(v);
  const base = `${n(counts.onTime)} of ${n(counts.of)}${evidence ? ` ${evidence}` : ""}`;
  if (counts.markedOnTime === 0) return base;
  return markedIncluded ? `${base}, ${n(counts.markedOnTime)} marked by you` : `${base} · ${n(counts.markedOnTime)} more marked by you`;
}

export function scoreTiles(card: Scorecard, locale?: string): ScoreTile[] {
  const referrals: ScoreTile[] = card.referrals
    ? [
        { key: "referralsContacted", label: "Referrals contacted within 24 hours", value: formatShare(card.referrals.contactedWithin24Hours, locale), hint: `of ${new Intl.NumberFormat(locale).format(card.referrals.received)} received` },
        { key: "loopsClosed", label: "Loops closed", value: new Intl.NumberFormat(locale).format(card.referrals.loopsClosed), hint: "close-the-loop notes sent to whoever referred" },
      ]
    : [];
  return [
    { key: "acquaintances", label: "New acquaintances", value: new Intl.NumberFormat(locale).format(card.acquaintances), hint: "since the baseline" },
    { key: "thanked", label: "Thanked within 24 hours", value: formatShare(card.thankedWithin24Hours, locale), hint: rateHint(card.thanked, "sent", "of those whose day has passed", locale) },
    { key: "connected", label: "Connected within 7 days", value: formatShare(card.connectedWithin7Days, locale), hint: rateHint(card.connected, "", "of those whose week has passed", locale, true) },
    { key: "met", label: "Met within 30 days", value: formatShare(card.metWithin30Days, locale), hint: rateHint(card.met, "met", "of those whose month has passed", locale) },
    { key: "median", label: "Median time to thank-you", value: formatHours(card.medianHoursToThankYou, locale), hint: "from meeting to note sent" },
    ...referrals,
  ];
}

export interface ChartBar {
  weekStart: string;
  /** "16 Nov". */
  label: string;
  newAcquaintances: number;
  thanked: number;
  /** Heights as shares of the tallest bar, 0…1. */
  newHeight: number;
  thankedHeight: number;
}

function weekLabel(isoDate: string, locale?: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return formatCalendarDate(year, month, day, locale, false);
}

/** Weeks oldest first, scaled to the busiest week; an all-zero chart stays flat instead of dividing by zero. */
export function chartBars(weeks: readonly WeekPoint[], locale?: string): ChartBar[] {
  const sorted = [...weeks].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const max = Math.max(1, ...sorted.map((w) => Math.max(w.newAcquaintances, w.thankedWithin24Hours)));
  return sorted.map((w) => ({
    weekStart: w.weekStart,
    label: /^\d{4}-\d{2}-\d{2}$/.test(w.weekStart) ? weekLabel(w.weekStart, locale) : w.weekStart,
    newAcquaintances: w.newAcquaintances,
    thanked: w.thankedWithin24Hours,
    newHeight: w.newAcquaintances / max,
    thankedHeight: w.thankedWithin24Hours / max,
  }));
}
