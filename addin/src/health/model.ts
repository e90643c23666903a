import type { OutboxStatus } from "../outbox/model";

export type SyncStage = "Initial" | "Incremental" | "ReconnectNeeded";

export interface ResourceStatus {
  /** "contacts/<folder id>" or "calendar". */
  resource: string;
  stage: SyncStage | string;
  lastSuccessAt: string | null;
  lastError: string | null;
  failureCount: number;
  itemsSkipped: number;
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
}
