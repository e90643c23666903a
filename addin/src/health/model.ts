import type { OutboxStatus } from "../outbox/model";

export type SyncStage = "Initial" | "Incremental" | "Resync" | "ReconnectNeeded";

/** The last time a resource was read again after its baseline, and what that found. */
export interface ResyncStatus {
  at: string;
  /** "CursorExpired": Outlook expired the sync cursor. "WindowMoved": the calendar's date range moved on. */
  reason: "CursorExpired" | "WindowMoved" | string;
  /** Items read. */
  read: number;
  /** Items the worker had never seen: added while it could not sync. */
  new: number;
  /** Items it had that were no longer there: deleted meanwhile. */
  removed: number;
}

export interface ResourceStatus {
  /** "contacts/<folder id>" or "calendar". */
  resource: string;
  stage: SyncStage | string;
  lastSuccessAt: string | null;
  lastError: string | null;
  failureCount: number;
  itemsSkipped: number;
  /** Null (or absent, from an older worker) when the resource was never read again after its baseline. */
  lastResync?: ResyncStatus | null;
}

/** Change notifications for the mailbox (Graph subscriptions); the same on every worker process of a team. */
export interface NotificationsStatus {
  /** Notifications:PublicUrl is set: the worker subscribes to the mailbox's changes. */
  on: boolean;
  /** Every subscription is live: the mailbox is only polled at the long safety interval. */
  healthy: boolean;
  subscriptions: { resource: string; expiresAt: string }[];
  /** Graph's code for the last subscription step that failed ("ValidationError"); null once a pass keeps them all again. */
  lastError: string | null;
  /** Graph's words for it ("Subscription validation request failed. …"); absent from older workers. */
  lastErrorMessage?: string | null;
  lastErrorAt?: string | null;
}

/** GET /api/status. */
export interface SyncStatus {
  connected: boolean;
  baselinedAt: string | null;
  acquaintances: number;
  sync: ResourceStatus[];
  /** Why the mailbox refused the worker's sign-in on its last try ("AADSTS700027", "InvalidAuthenticationToken"); null when it did not. */
  signInRefused?: string | null;
  /** What to do about a refused sign-in, for the worker's mode (device code, app registration). */
  reconnectAction?: string;
  /** Drafts and holds still to be made and those that stopped; null before a mailbox is connected, absent from older workers. */
  outbox?: OutboxStatus | null;
  /** Null before a mailbox is connected, absent from older workers. */
  notifications?: NotificationsStatus | null;
}
