import { gaveUpText } from "../outbox/gaveUp";
import type { OutboxStatus } from "../outbox/model";
import type { NotificationsStatus, ResourceStatus, ResyncStatus, SyncStatus } from "./model";

/** For a worker too old to say what to do itself. */
export const fallbackReconnectAction = "Restart the worker and follow its sign-in instructions.";

export interface ResourceHealth {
  resource: string;
  /** "Contacts (folder 1)", "Calendar". */
  name: string;
  /** "Up to date", "First sync in progress", "Reconnect needed". */
  stageText: string;
  tone: "ok" | "warning" | "error";
  lastSuccessAt: Date | undefined;
  /** Null when nothing was skipped. */
  skipped: string | null;
  /** The last re-read after the baseline, in plain words; null when there was none. */
  resync: { at: Date; text: string } | null;
  problem: string | null;
}

export interface HealthSummary {
  /** One line for the top of the view. */
  headline: string;
  tone: "ok" | "warning" | "error";
  reconnectNeeded: boolean;
  /** What to do, when there is something only a person can do (a refused sign-in). */
  action: string | null;
  resources: ResourceHealth[];
  /** Drafts and holds waiting to be made, and those that stopped, each with "Try again". */
  outbox: OutboxHealth;
  /** Change notifications; null when they are off (no public URL) or the worker does not report them. */
  notifications: NotificationsHealth | null;
}

export interface NotificationsHealth {
  /** "On", "Not working", "Being set up". */
  stageText: string;
  tone: "ok" | "warning";
  /** What that means for the person, in one sentence. */
  text: string;
  /** Why the last subscription step failed, in Graph's words and code; null when the last pass kept them all. */
  problem: string | null;
  problemAt: Date | undefined;
}

/** The Health view's notifications part. The worker reads it from the shared store, so every process of a team says the same. */
export function summariseNotifications(status: NotificationsStatus | null | undefined): NotificationsHealth | null {
  if (!status?.on) return null;
  const code = status.lastError?.trim() || null;
  const message = status.lastErrorMessage?.trim() || null;
  const problem = code === null ? null : message ? `${message} (${code})` : code;
  const problemAt = code !== null && status.lastErrorAt ? new Date(status.lastErrorAt) : undefined;
  if (status.healthy) return { stageText: "On", tone: "ok", text: "Outlook tells the worker about new contacts and events within seconds.", problem: null, problemAt: undefined };
  if (problem !== null) {
    return {
      stageText: "Not working",
      tone: "warning",
      text: "Microsoft 365 refused the worker's subscription, so the mailbox is checked at the usual interval instead; the worker keeps trying.",
      problem,
      problemAt,
    };
  }
  return { stageText: "Being set up", tone: "ok", text: "Until the subscriptions are made, the mailbox is checked at the usual interval.", problem: null, problemAt: undefined };
}

function stageText(stage: string): { text: string; tone: ResourceHealth["tone"] } {
  switch (stage) {
    case "Incremental":
      return { text: "Up to date", tone: "ok" };
    case "Initial":
      return { text: "First sync in progress", tone: "ok" };
    case "Resync":
      return { text: "Reading everything again", tone: "ok" };
    case "ReconnectNeeded":
      return { text: "Reconnect needed", tone: "error" };
    default:
      return { text: stage, tone: "warning" };
  }
}

/** Contacts folders are numbered in a stable order (by resource id) so "folder 1" stays folder 1. */
export function friendlyNames(resources: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const folders = resources.filter((r) => r.toLowerCase().startsWith("contacts")).sort();
  folders.forEach((r, i) => names.set(r, `Contacts (folder ${i + 1})`));
  for (const r of resources) {
    if (names.has(r)) continue;
    names.set(r, r.toLowerCase() === "calendar" ? "Calendar" : r.charAt(0).toUpperCase() + r.slice(1));
  }
  return names;
}

function plural(n: number, one: string, many: string, format: (n: number) => string = String): string {
  return `${format(n)} ${n === 1 ? one : many}`;
}

/** "Outlook expired the sync cursor, so everything was read again: 1,234 contacts, 3 new since the last sync, 1 removed." */
export function resyncText(resource: string, resync: ResyncStatus, locale?: string): string {
  const number = new Intl.NumberFormat(locale);
  const n = (value: number): string => number.format(value);
  const calendar = resource.toLowerCase() === "calendar";
  const read = calendar ? plural(resync.read, "event", "events", n) : plural(resync.read, "contact", "contacts", n);
  const found = `${read}, ${n(resync.new)} new since the last sync, ${n(resync.removed)} removed.`;
  return resync.reason === "WindowMoved"
    ? `The calendar moved on to a new week, so it was read again: ${found}`
    : `Outlook expired the sync cursor, so everything was read again: ${found}`;
}

/** Contacts are skipped for an unusable address too (a new contact whose addresses no draft can be written to). */
function skippedText(resource: string, count: number): string {
  const why = resource.toLowerCase().startsWith("contacts")
    ? "new contacts whose email addresses no draft can be written to, or contacts Outlook sent in a shape the worker could not read"
    : `Outlook sent ${count === 1 ? "it" : "them"} in a shape the worker could not read`;
  return `${plural(count, "item", "items")} skipped: ${why}. The rest synced normally.`;
}

export function summariseHealth(status: SyncStatus, locale?: string): HealthSummary {
  const names = friendlyNames(status.sync.map((s) => s.resource));
  const order = (r: ResourceStatus): string => `${r.resource.toLowerCase() === "calendar" ? "1" : "0"}${names.get(r.resource)}`;
  const resources = [...status.sync].sort((a, b) => order(a).localeCompare(order(b))).map((s): ResourceHealth => {
    const stage = stageText(s.stage);
    const failing = s.failureCount > 0 && stage.tone === "ok";
    const problem = s.lastError?.trim()
      ? `${s.lastError.trim()}${s.failureCount > 0 ? ` (${plural(s.failureCount, "failed attempt", "failed attempts")} in a row)` : ""}`
      : s.failureCount > 0
        ? `${plural(s.failureCount, "failed attempt", "failed attempts")} in a row`
        : null;
    return {
      resource: s.resource,
      name: names.get(s.resource) ?? s.resource,
      stageText: failing ? `${stage.text}, retrying` : stage.text,
      tone: failing ? "warning" : stage.tone,
      lastSuccessAt: s.lastSuccessAt ? new Date(s.lastSuccessAt) : undefined,
      skipped: s.itemsSkipped > 0 ? skippedText(s.resource, s.itemsSkipped) : null,
      resync: s.lastResync ? { at: new Date(s.lastResync.at), text: resyncText(s.resource, s.lastResync, locale) } : null,
      problem,
    };
  });
  // A refusal at connect or at a profile refresh stops the loop before any resource records it.
  const refused = status.signInRefused?.trim() || null;
  const reconnectNeeded = refused !== null || status.sync.some((s) => s.stage === "ReconnectNeeded");
  const outbox = summariseOutbox(status.outbox);
  const notifications = summariseNotifications(status.notifications);
  if (reconnectNeeded) {
    const headline = `Reconnect needed: the mailbox refused the worker's sign-in${refused ? ` (${refused})` : ""}`;
    return { headline, tone: "error", reconnectNeeded, action: status.reconnectAction?.trim() || fallbackReconnectAction, resources, outbox, notifications };
  }
  const summary = (headline: string, tone: HealthSummary["tone"]): HealthSummary => ({ headline, tone, reconnectNeeded, action: null, resources, outbox, notifications });
  if (!status.connected) return summary("Not connected to a mailbox yet", "warning");
  if (resources.some((r) => r.tone !== "ok")) return summary("Sync is having trouble; it keeps retrying", "warning");
  if (outbox.headline) return summary(`${outbox.headline}; try again below`, "warning");
  if (notifications?.tone === "warning") return summary("Change notifications are not working; the mailbox is checked at the usual interval", "warning");
  if (resources.length === 0) return summary("Connected; the first sync has not run yet", "ok");
  return summary("Everything is syncing", "ok");
}

export interface OutboxHealthItem {
  outboxId: string;
  /** "Thank-you draft for Mere Tane". */
  title: string;
  reason: string;
  who: string;
  what: string;
}

export interface OutboxHealth {
  /** Null when nothing stopped. */
  headline: string | null;
  /** "3 drafts or holds waiting to be made, 1 of them retrying after a failure"; null when none wait. */
  waiting: string | null;
  items: OutboxHealthItem[];
}

/** The Health view's outbox part; a worker too old to report its outbox has nothing to say. */
export function summariseOutbox(status: OutboxStatus | null | undefined): OutboxHealth {
  if (!status) return { headline: null, waiting: null, items: [] };
  const stopped = status.gaveUp.length;
  const headline = stopped === 0 ? null : `${plural(stopped, "draft or hold", "drafts or holds")} could not be prepared`;
  const made =
    status.pending === 0
      ? null
      : `${plural(status.pending, "draft or hold", "drafts or holds")} waiting to be made${status.retrying > 0 ? `, ${status.retrying} of them retrying after a failure` : ""}`;
  // Holds that wait for a thank-you are not stuck: said apart, so "waiting to be made" means only what should be made now.
  const forThankYou = status.holdsWaitingForThankYou ? `${plural(status.holdsWaitingForThankYou, "hold", "holds")} waiting for a thank-you to be sent` : null;
  const waiting = [made, forThankYou].filter((t): t is string => t !== null).join("; ") || null;
  const items = status.gaveUp.map((g) => {
    const who = g.who.trim() || "someone";
    return { outboxId: g.outboxId, title: `${g.what.charAt(0).toUpperCase()}${g.what.slice(1)} for ${who}`, reason: gaveUpText(g), who, what: g.what };
  });
  return { headline, waiting, items };
}

/** "5 min ago" style, coarse; undefined → "never". */
export function formatAgo(instant: Date | undefined, now: Date, locale?: string): string {
  if (!instant) return "never";
  const diff = Math.round((instant.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (abs < 45) return "just now";
  if (abs < 3600) return rtf.format(Math.round(diff / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(diff / 3600), "hour");
  return rtf.format(Math.round(diff / 86_400), "day");
}
