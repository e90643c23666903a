import type { FollowUp } from "../followups/model";

/** GET /api/people/{email}: who someone is to the user. `known` is false for someone never followed up. */
export interface PersonCard {
  known: boolean;
  email: string;
  displayName: string | null;
  companyName: string | null;
  isAcquaintance: boolean;
  metAt: string | null;
  eventSubject: string | null;
  remember: string | null;
  promised: string | null;
  preferredChannel: string | null;
  profileUrl: string | null;
  lastMeeting: { eventId: string; subject: string; start: string } | null;
  steps: FollowUp[];
}
