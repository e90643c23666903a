import { describe, expect, it } from "vitest";
import { keepInTouchToToday } from "../today/sources";
import { draftPath } from "../drafts/openDraft";
import { birthdayDraftPath, birthdayDraftText, birthdayText } from "./cadence";

const ready = { id: "birthday-ab12-2026", state: "ready" as const, draftId: "AAMk-draft", sentAt: null };

describe("a birthday's draft in the pane", () => {
  it("says where the draft is", () => {
    expect(birthdayDraftText(ready, "Pacific/Auckland")).toBe("Draft ready");
    expect(birthdayDraftText({ ...ready, state: "preparing", draftId: null }, "UTC")).toBe("Preparing the draft…");
    expect(birthdayDraftText({ ...ready, state: "sent", sentAt: "2026-03-10T22:30:00Z" }, "Pacific/Auckland", "en-NZ")).toMatch(/^Sent 11 Mar/);
    expect(birthdayDraftText(null, "UTC")).toBeNull();
    expect(birthdayDraftText(undefined, "UTC")).toBeNull();
  });

  it("says the note is waiting in Drafts instead of asking for a card", () => {
    const b = { displayName: "Ana Silva", email: "ana@silva.pt", date: "2026-03-11", daysAway: 1, preferredChannel: null };
    expect(birthdayText({ ...b, draft: ready }, "en-NZ")).toMatch(/^Birthday tomorrow \(.*\): your note is waiting in Drafts$/);
    expect(birthdayText({ ...b, draft: { ...ready, state: "sent", sentAt: "2026-03-10T08:00:00Z" } }, "en-NZ")).toMatch(/: you sent your wishes$/);
    expect(birthdayText({ ...b, draft: null }, "en-NZ")).toMatch(/: send a card today$/);
  });

  it("previews only a ready draft, from the birthday's own path", () => {
    expect(birthdayDraftPath(ready)).toBe("/api/birthdays/birthday-ab12-2026/draft");
    expect(birthdayDraftPath({ ...ready, state: "sent" })).toBeUndefined();
    expect(birthdayDraftPath(null)).toBeUndefined();
  });

  it("gives the Today card the draft, and leaves out a birthday already wished", () => {
    const items = keepInTouchToToday({
      timeZone: "UTC",
      overdue: [],
      birthdays: [
        { displayName: "Ana Silva", email: "ana@silva.pt", date: "2026-03-11", daysAway: 0, preferredChannel: null, draft: ready },
        { displayName: "Bo Park", email: "bo@park.example", date: "2026-03-11", daysAway: 0, preferredChannel: "phone", draft: null },
        { displayName: "Cy", email: "cy@example.org", date: "2026-03-11", daysAway: 0, preferredChannel: null, draft: { ...ready, id: "b2", state: "sent", sentAt: "2026-03-11T08:00:00Z" } },
      ],
    });

    expect(items.map((i) => i.person.displayName)).toEqual(["Ana Silva", "Bo Park"]);
    const [ana, bo] = items;
    expect(draftPath(ana!.source, ana!.id, ana!.draftId)).toBe("/api/birthdays/birthday-ab12-2026/draft");
    expect(draftPath(bo!.source, bo!.id, bo!.draftId)).toBeUndefined();
    expect(bo!.preferredChannel).toBe("phone");
  });
});
