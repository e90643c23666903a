/** GET/PUT /api/settings: the options a person tunes for their own mailbox. */
export interface Settings {
  networkingCategory: string;
  subjectKeywords: string[];
  meetingLengthMinutes: number;
  meetingBufferMinutes: number;
  /** Empty: the thank-you note is signed with the mailbox owner's first name. */
  signature: string;
  /** Keep-in-touch cadence per tier, in days. */
  cadences: { referralPartner: number; innerCircle: number; other: number };
}
