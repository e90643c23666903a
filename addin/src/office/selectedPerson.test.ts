import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it, vi } from "vitest";
import { personFromItem, watchSelectedPerson, type SelectedItemOffice, type SelectedPerson } from "./selectedPerson";

const readItem = (email: string, displayName: string, to: { emailAddress: string; displayName: string }[] = []) => ({
  itemType: "message",
  from: { emailAddress: email, displayName },
  to,
});

const composeItem = (to: { emailAddress: string; displayName: string }[]) => ({
  itemType: "message",
  to: { getAsync: (callback: (r: { status: string; value: unknown }) => void) => callback({ status: "succeeded", value: to }) },
});

/** An Outlook-shaped Office global from office-addin-mock, whose ItemChanged handler the test can fire. */
function outlook(item: unknown) {
  const handlers: Array<(args: unknown) => void> = [];
  const office = new OfficeMockObject({
    host: "outlook",
    context: {
      mailbox: {
        item,
        userProfile: { emailAddress: "me@example.com" },
        addHandlerAsync: (eventType: unknown, handler: (args: unknown) => void) => {
          if (eventType === "olkItemSelectedChanged") handlers.push(handler);
        },
      },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged", RecipientsChanged: "olkRecipientsChanged" },
  }) as unknown as SelectedItemOffice & { context: { mailbox: { item: unknown } } };
  return {
    office,
    select(next: unknown) {
      office.context.mailbox.item = next as never;
      for (const h of handlers) h({ type: "olkItemSelectedChanged" });
    },
  };
}

async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
}

describe("the person the selected message is about", () => {
  it("is the sender of a message being read", async () => {
    expect(await personFromItem(readItem("aroha@example.co.nz", "Aroha Ngata"))).toEqual({ kind: "person", email: "aroha@example.co.nz", displayName: "Aroha Ngata", mode: "read" });
  });

  it("is whom the user wrote to, for a message the user sent", async () => {
    const sent = readItem("Me@Example.com", "Me", [{ emailAddress: "bjorn@example.no", displayName: "Björn" }]);
    expect(await personFromItem(sent, "me@example.com")).toMatchObject({ email: "bjorn@example.no", mode: "read" });
  });

  it("is the first To recipient while composing", async () => {
    const item = composeItem([
      { emailAddress: "sofia@example.co.nz", displayName: "Sofía" },
      { emailAddress: "second@example.com", displayName: "Second" },
    ]);
    expect(await personFromItem(item)).toEqual({ kind: "person", email: "sofia@example.co.nz", displayName: "Sofía", mode: "compose" });
  });

  it("asks for a recipient while the To line is empty", async () => {
    expect(await personFromItem(composeItem([]))).toEqual({ kind: "noRecipient" });
  });

  it("is nobody when no item is selected", async () => {
    expect(await personFromItem(null)).toEqual({ kind: "none" });
    expect(await personFromItem(undefined)).toEqual({ kind: "none" });
  });
});

describe("following the selection in a pinned pane (office-addin-mock)", () => {
  it("reads the current item, then each item Outlook switches to, including none", async () => {
    const { office, select } = outlook(readItem("aroha@example.co.nz", "Aroha Ngata"));
    const seen: SelectedPerson[] = [];
    watchSelectedPerson(office, (p) => seen.push(p));
    await settle();
    select(readItem("bjorn@example.no", "Björn Østergaard"));
    await settle();
    select(null);
    await settle();
    select(composeItem([{ emailAddress: "sofia@example.co.nz", displayName: "Sofía" }]));
    await settle();
    expect(seen.map((p) => (p.kind === "person" ? `${p.mode}:${p.email}` : p.kind))).toEqual([
      "read:aroha@example.co.nz",
      "read:bjorn@example.no",
      "none",
      "compose:sofia@example.co.nz",
    ]);
  });

  it("stops telling a listener that has unsubscribed", async () => {
    const { office, select } = outlook(readItem("a@example.com", "A"));
    const listener = vi.fn();
    const stop = watchSelectedPerson(office, listener);
    await settle();
    stop();
    select(readItem("b@example.com", "B"));
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("is nobody outside Outlook", () => {
    const listener = vi.fn();
    watchSelectedPerson(undefined, listener);
    expect(listener).toHaveBeenCalledWith({ kind: "none" });
  });
});
