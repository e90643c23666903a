/** Shapes of GET /api/bulk-prompts and POST /api/bulk-prompts/{id}/follow-up, as the pane reads and writes them. */

export interface BulkPerson {
  email: string;
  displayName: string;
  companyName: string | null;
}

/** Many contacts that arrived at once (an import, a phone sync): nobody is followed up until the user picks. */
export interface BulkPrompt {
  id: string;
  /** ISO 8601 with offset, in the mailbox's zone. */
  foundAt: string;
  count: number;
  people: BulkPerson[];
}

export interface BulkPromptList {
  items: BulkPrompt[];
}

export interface BulkFollowUpRequest {
  emails: string[];
}

export interface BulkStarted {
  started: number;
}
