import { describe, expect, it } from "vitest";
import type { ApiCall } from "../api/client";
import { keepInTouchSource, keepInTouchToToday } from "../today/sources";
import { draftPath } from "../drafts/openDraft";
import { birthdayAction, birthdayDraftPath, birthdayDraftText, birthdayText } from "./cadence";

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

  it("offers Skip this year on an open birthday, Undo once skipped, and nothing once sent or without an id", () => {
    const b = { displayName: "Ana Silva", email: "ana@silva.pt", date: "2026-03-11", daysAway: 1, preferredChannel: null, id: "birthday-ab12-2026" };
    expect(birthdayAction({ ...b, draft: null })).toBe("skip");
    expect(birthdayAction({ ...b, draft: ready })).toBe("skip");
    expect(birthdayAction({ ...b, draft: { ...ready, state: "skipped" } })).toBe("undo");
    expect(birthdayAction({ ...b, draft: { ...ready, state: "sent", sentAt: "2026-03-10T08:00:00Z" } })).toBeNull();
    expect(birthdayAction({ ...b, id: null, email: null })).toBeNull();
    expect(birthdayAction({ displayName: "Old worker", email: "o@example.org", date: "2026-03-11", daysAway: 1, preferredChannel: null })).toBeNull();
    expect(birthdayDraftText({ ...ready, state: "skipped" }, "UTC")).toBe("Skipped this year");
    expect(birthdayText({ ...b, draft: { ...ready, state: "skipped" } }, "en-NZ")).toMatch(/: skipped this year$/);
  });

  it("leaves a skipped birthday out of Today, skips from its card, and brings it back on undo", async () => {
    const skipped = { displayName: "Ana Silva", email: "ana@silva.pt", date: "2026-03-11", daysAway: 1, preferredChannel: null, id: "birthday-ab12-2026", draft: { ...ready, state: "skipped" as const } };
    const open = { ...skipped, draft: ready };
    const posted: string[] = [];
    const call = (async (method: string, path: string) => {
      if (method === "GET") return { timeZone: "UTC", overdue: [], birthdays: [skipped, { ...open, id: "birthday-cd34-2026", displayName: "Bo Park", email: "bo@park.example", draft: null }] };
      posted.push(path);
      return path.endsWith("/skip") ? skipped : open;
    }) as ApiCall;
    const source = keepInTouchSource(call);

    const { items } = await source.load();
    const bo = items[0]!;
    const afterSkip = await source.skip!(skipped.id, "");
    const afterUndo = await source.reopen!(skipped.id);

    expect(items.map((i) => i.person.displayName)).toEqual(["Bo Park"]);
    expect(source.supports!(bo, "skip")).toBe(true);
    expect(source.supports!(bo, "done")).toBe(false);
    expect(posted).toEqual(["/api/birthdays/birthday-ab12-2026/skip", "/api/birthdays/birthday-ab12-2026/reopen"]);
    expect([afterSkip.state, afterSkip.key]).toEqual(["skipped", "keepInTouch:birthday:ana@silva.pt"]);
    expect([afterUndo.state, afterUndo.id, afterUndo.draftId]).toEqual(["pending", "birthday-ab12-2026", "AAMk-draft"]);
  });
});
