/**
 * The REST (Graph) id of the message open in read mode, for GET /api/referrals/detect. Outlook gives
 * an EWS id (`item.itemId`); Mailbox 1.3's convertToRestId turns it into the id the worker's Graph
 * calls use. Compose items have no itemId until saved, so they are not checked. Takes the Office
 * global as a parameter so tests pass office-addin-mock objects.
 */

export interface OpenMessageOffice {
  context?: {
    mailbox?: {
      item?: { itemId?: unknown; itemType?: unknown } | null;
      convertToRestId?(itemId: string, restVersion: unknown): string;
      userProfile?: { emailAddress?: unknown };
    };
  };
  MailboxEnums?: { RestVersion?: { v2_0?: unknown } };
}

export function openMessageRestId(office: OpenMessageOffice | undefined): string | undefined {
  const mailbox = office?.context?.mailbox;
  const item = mailbox?.item;
  if (!item || typeof item.itemId !== "string" || item.itemId.trim() === "") return undefined;
  // An appointment is not an introduction.
  if (item.itemType !== undefined && String(item.itemType).toLowerCase() !== "message") return undefined;
  if (typeof mailbox?.convertToRestId !== "function") return item.itemId;
  try {
    return mailbox.convertToRestId(item.itemId, office?.MailboxEnums?.RestVersion?.v2_0 ?? "v2.0");
  } catch {
    return undefined;
  }
}

/** The signed-in user's address, to say "that is your own address" before asking the worker. */
export function ownAddress(office: OpenMessageOffice | undefined): string | undefined {
  const value = office?.context?.mailbox?.userProfile?.emailAddress;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
