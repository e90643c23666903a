/** GET /api/templates: each kind of draft with its wording (the user's, or the default) and the slots it can fill. */
export interface DraftTemplateDto {
  kind: string;
  subject: string;
  body: string;
  /** True when this is the user's own wording; false when it is the default. */
  custom: boolean;
  slots: string[];
  defaultSubject: string;
  defaultBody: string;
  /** The language the wording is written in ("en", "de"): a draft's greeting line, "Before sending" line and sign-off follow it. */
  language: string;
  /** The kind's ETag, sent as If-Match when saving or resetting it ('"template-default"' while never saved); absent from older workers. */
  tag?: string;
}

export interface DraftTemplates {
  items: DraftTemplateDto[];
}

/** POST /api/templates/{kind}/preview: the wording rendered for a sample person. */
export interface TemplatePreview {
  subject: string;
  text: string;
  /** The draft's HTML; the pane reads it with draftParagraphs and renders text only. */
  html: string;
  toEdit: number;
  /** The language the wording is written in, as read from its words. */
  language: string;
}
