import type { Channel } from "../people/person";

/** Shapes of GET /api/prompts and POST /api/prompts/{eventId}/follow-up, as the pane reads and writes them. */

export interface Attendee {
  email: string;
  displayName: string;
  /** Already a person in the user's network. */
  known: boolean;
  /** Has a follow-up under way already (e.g. added as a contact after the event): choosing them starts nothing new. */
  followingUp: boolean;
}

/** A networking event that has ended and still waits for "whom will you follow up with?". */
export interface Prompt {
  eventId: string;
  subject: string;
  /** ISO 8601 with offset. */
  start: string;
  end: string;
  attendees: Attendee[];
}

export interface PromptList {
  items: Prompt[];
}

export interface PersonToFollowUp {
  email: string;
  displayName: string;
  remember?: string;
  promised?: string;
  preferredChannel: Channel | null;
  profileUrl?: string;
}

export interface FollowUpRequest {
  people: PersonToFollowUp[];
}

export interface FollowUpStarted {
  started: number;
}
