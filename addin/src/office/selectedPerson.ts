/**
 * The person the selected message is about, for the person card. Read mode: the sender (or, for a
 * message the user sent, the first To recipient). Compose: the first To recipient, read with
 * to.getAsync. Everything takes the Office global as a parameter so tests use office-addin-mock.
 */

export interface EmailAddressLike {
  emailAddress?: unknown;
  displayName?: unknown;
}

interface AsyncResultLike<T> {
  status?: unknown;
  value?: T;
  error?: { message?: string };
}

interface RecipientsLike {
  getAsync(callback: (result: AsyncResultLike<EmailAddressLike[]>) => void): void;
}

/** The parts of Office.MessageRead / Office.MessageCompose this reads. */
export interface MailItemLike {
  from?: EmailAddressLike | unknown;
  to?: EmailAddressLike[] | RecipientsLike | unknown;
  addHandlerAsync?(eventType: unknown, handler: (args: unknown) => void, callback?: (result: unknown) => void): void;
}

export interface SelectedItemMailbox {
  item?: MailItemLike | null;
  userProfile?: { emailAddress?: string };
  addHandlerAsync?(eventType: unknown, handler: (args: unknown) => void, callback?: (result: unknown) => void): void;
}

export interface SelectedItemOffice {
  context?: { mailbox?: SelectedItemMailbox | undefined };
  EventType?: { ItemChanged?: unknown; RecipientsChanged?: unknown };
}

export type SelectedPerson =
  | { kind: "none" }
  | { kind: "noRecipient" }
  | { kind: "person"; email: string; displayName: string; mode: "read" | "compose" };

function address(value: unknown): { email: string; displayName: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { emailAddress, displayName } = value as EmailAddressLike;
  if (typeof emailAddress !== "string" || emailAddress.trim() === "") return undefined;
  return { email: emailAddress.trim(), displayName: typeof displayName === "string" ? displayName.trim() : "" };
}

function isRecipients(value: unknown): value is RecipientsLike {
  return typeof value === "object" && value !== null && typeof (value as RecipientsLike).getAsync === "function";
}

function recipientsAsync(recipients: RecipientsLike): Promise<EmailAddressLike[]> {
  return new Promise((resolve) => {
    try {
      recipients.getAsync((result) => {
        const failed = result.status === "failed" || (result.status !== undefined && String(result.status).toLowerCase() === "failed");
        resolve(!failed && Array.isArray(result.value) ? result.value : []);
      });
    } catch {
      resolve([]);
    }
  });
}

export async function personFromItem(item: MailItemLike | null | undefined, ownAddress?: string): Promise<SelectedPerson> {
  if (!item) return { kind: "none" };
  const own = ownAddress?.trim().toLowerCase();
  const sender = address(item.from);
  if (sender) {
    // A message the user sent is about whom it went to.
    if (own && sender.email.toLowerCase() === own && Array.isArray(item.to)) {
      const first = (item.to as unknown[]).map(address).find((a) => a !== undefined);
      if (first) return { kind: "person", ...first, mode: "read" };
    }
    return { kind: "person", ...sender, mode: "read" };
  }
  if (isRecipients(item.to)) {
    const first = (await recipientsAsync(item.to)).map(address).find((a) => a !== undefined);
    return first ? { kind: "person", ...first, mode: "compose" } : { kind: "noRecipient" };
  }
  return { kind: "none" };
}

/**
 * Calls the listener with the selected item's person now, and again whenever Outlook switches the
 * item under a pinned pane (ItemChanged, Mailbox 1.5) or the To line of the compose form changes
 * (RecipientsChanged, Mailbox 1.7). A slower, older read never overwrites a newer one.
 */
export function watchSelectedPerson(office: SelectedItemOffice | undefined, listener: (person: SelectedPerson) => void): () => void {
  const mailbox = office?.context?.mailbox;
  if (!mailbox) {
    listener({ kind: "none" });
    return () => undefined;
  }
  let latest = 0;
  let stopped = false;
  const watched = new WeakSet<object>();
  const read = (): void => {
    const ticket = ++latest;
    const item = mailbox.item;
    void personFromItem(item, mailbox.userProfile?.emailAddress).then((person) => {
      if (!stopped && ticket === latest) listener(person);
    });
    const recipientsChanged = office?.EventType?.RecipientsChanged;
    if (item && !watched.has(item) && typeof item.addHandlerAsync === "function" && recipientsChanged !== undefined && isRecipients(item.to)) {
      watched.add(item);
      try {
        item.addHandlerAsync(recipientsChanged, () => {
          if (mailbox.item === item) read();
        });
      } catch {
        // Older hosts: the card follows ItemChanged only.
      }
    }
  };
  read();
  const itemChanged = office?.EventType?.ItemChanged;
  if (typeof mailbox.addHandlerAsync === "function" && itemChanged !== undefined) {
    try {
      mailbox.addHandlerAsync(itemChanged, read);
    } catch {
      // Not pinnable here: the pane closes when the item changes, and reopens with the new one.
    }
  }
  return () => {
    stopped = true;
  };
}
