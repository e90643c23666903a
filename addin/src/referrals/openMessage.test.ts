import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import { openMessageRestId, ownAddress, type OpenMessageOffice } from "./openMessage";

function outlook(item: unknown, convert = true) {
  const calls: unknown[][] = [];
  // office-addin-mock cannot hold a null member: no item is an absent one.
  const mailbox: Record<string, unknown> = { ...(item === null ? {} : { item }), userProfile: { emailAddress: "alex@harbourlight.co.nz" } };
  if (convert)
    mailbox.convertToRestId = (id: string, version: unknown) => {
      calls.push([id, version]);
      return `rest:${id}`;
    };
  const office = new OfficeMockObject({ host: "outlook", context: { mailbox }, MailboxEnums: { RestVersion: { v2_0: "v2.0" } } });
  return { office: office as unknown as OpenMessageOffice, calls };
}

describe("openMessageRestId", () => {
  it("converts the read item's EWS id to the REST v2.0 id", () => {
    const { office, calls } = outlook({ itemType: "message", itemId: "ews-1" });
    expect(openMessageRestId(office)).toBe("rest:ews-1");
    expect(calls).toEqual([["ews-1", "v2.0"]]);
  });

  it("has nothing for a compose item (no itemId), an appointment, no item, or no Office", () => {
    expect(openMessageRestId(outlook({ itemType: "message" }).office)).toBeUndefined();
    expect(openMessageRestId(outlook({ itemType: "appointment", itemId: "ews-2" }).office)).toBeUndefined();
    expect(openMessageRestId(outlook(null).office)).toBeUndefined();
    expect(openMessageRestId(undefined)).toBeUndefined();
  });

  it("uses the id as it is where convertToRestId is missing (Outlook on the web gives REST ids there)", () => {
    expect(openMessageRestId(outlook({ itemType: "message", itemId: "AAMk-rest" }, false).office)).toBe("AAMk-rest");
  });

  it("reads the user's own address", () => {
    expect(ownAddress(outlook(null).office)).toBe("alex@harbourlight.co.nz");
    expect(ownAddress(undefined)).toBeUndefined();
  });
});
