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
}
