/** Where the worker reads a row's draft from the mailbox: a follow-up step's, one of a referral's, or a birthday's (keep-in-touch rows with a draft carry the birthday draft's id); undefined for other rows. */
export function draftPath(source: string, id: string, draftId: string | null): string | undefined {
  if (!draftId) return undefined;
  if (source === "followUps") return `/api/followups/${encodeURIComponent(id)}/draft`;
  if (source === "referrals") return `/api/referrals/${encodeURIComponent(id)}/drafts/${encodeURIComponent(draftId)}`;
  if (source === "keepInTouch") return `/api/birthdays/${encodeURIComponent(id)}/draft`;
  return undefined;
}

/** How "Open in Outlook" opens a draft: Outlook's own form when the pane is inside Outlook, else the draft's web link. */
export type DraftOpening = { kind: "outlook" } | { kind: "web"; href: string } | { kind: "none" };

export function howToOpen(inOutlook: boolean, webLink: string | null | undefined): DraftOpening {
  if (inOutlook) return { kind: "outlook" };
  if (!webLink) return { kind: "none" };
  try {
    // Only an https link is followed: the address comes from the mailbox, not from the pane.
    const url = new URL(webLink);
    return url.protocol === "https:" ? { kind: "web", href: url.href } : { kind: "none" };
  } catch {
    return { kind: "none" };
  }
}

/** The line above a previewed draft that says whose version it is. */
export function draftState(editedByYou: boolean, toRewrite: number): string {
  if (editedByYou) return "Your edited version, as it is in Drafts. It will not be changed.";
  if (toRewrite === 0) return "As prepared. Nothing in it needs rewriting.";
  return toRewrite === 1 ? "As prepared. Rewrite the highlighted part before sending." : `As prepared. Rewrite the ${toRewrite} highlighted parts before sending.`;
}
