/** GET /api/followups/{id}/draft: the step's draft as it is in the mailbox now. */
export interface PreparedDraft {
  draftId: string;
  subject: string;
  /** Only paragraphs, line breaks and highlights; the pane still reads it with draftParagraphs and renders text. */
  html: string;
  text: string;
  webLink: string | null;
  /** ISO 8601. */
  lastModifiedAt: string | null;
  /** True when the draft was changed in the mailbox after the product prepared it: it shows the user's version, and the product never rewrites it. */
  editedByYou: boolean;
}
