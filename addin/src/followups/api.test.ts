import { describe, expect, it, vi } from "vitest";
import { createApiCall } from "../api/client";
import { createFollowUpsApi, loadFollowUps, validateSkipReason } from "./api";

function respond(status: number, body: unknown): typeof fetch {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));
}

describe("follow-ups API client", () => {
  it("posts the snooze time as {until} to the item's snooze endpoint", async () => {
    const fetch = respond(200, { id: "a/b", state: "snoozed" });
    await createFollowUpsApi(createApiCall({ apiKey: "k", fetch })).snooze("a/b", "2026-11-26T09:00:00+13:00");
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe("/api/followups/a%2Fb/snooze");
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({ until: "2026-11-26T09:00:00+13:00" });
  });

  it.each([
    ["", false],
    ["   ", false],
    ["Met them again at the chamber lunch", true],
    ["x".repeat(500), true],
    ["x".repeat(501), false],
  ])("accepts skip reason %j: %s", (reason, ok) => {
    expect(validateSkipReason(reason) === undefined).toBe(ok);
  });
});

describe("Today's follow-ups: the due window and the later pages", () => {
  const step = (id: string) => ({ id, person: { displayName: id, email: `${id}@example.org` }, step: "thankYou", dueAt: "2026-11-26T09:00:00+13:00", state: "pending", draftId: null, snoozedUntil: null });
  const counts = { overdue: 0, today: 1, thisWeek: 0, later: 3 };

  function pages(): typeof fetch {
    const answers: Record<string, unknown> = {
      "/api/followups?window=due": { timeZone: "Pacific/Auckland", items: [step("due")], counts, next: "/api/followups?window=later&page=1", done: [{ ...step("sent"), state: "done", completedVia: "sent" }] },
      "/api/followups?window=later&page=1": { timeZone: "Pacific/Auckland", items: [step("l1"), step("l2")], counts, next: "/api/followups?window=later&page=2" },
      "/api/followups?window=later&page=2": { timeZone: "Pacific/Auckland", items: [step("l3")], counts, next: null },
    };
    return vi.fn(async (url: RequestInfo | URL) => respondWith(answers[String(url)]));
  }
  const respondWith = (body: unknown) => new Response(JSON.stringify(body), { status: body === undefined ? 404 : 200, headers: { "Content-Type": "application/json" } });

  it("loads only the due window and counts the later ones it left out", async () => {
    const fetch = pages();
    const list = await loadFollowUps(createFollowUpsApi(createApiCall({ apiKey: "k", fetch })), false);
    expect(list.items.map((i) => i.id)).toEqual(["due"]);
    expect(list.hiddenLater).toBe(3);
    // What was done lately travels with the due window: no extra request.
    expect(list.done.map((i) => [i.id, i.completedVia])).toEqual([["sent", "sent"]]);
    expect(vi.mocked(fetch).mock.calls.map(([url]) => String(url))).toEqual(["/api/followups?window=due"]);
  });

  it("follows the next links when the user asked for later ones", async () => {
    const list = await loadFollowUps(createFollowUpsApi(createApiCall({ apiKey: "k", fetch: pages() })), true);
    expect(list.items.map((i) => i.id)).toEqual(["due", "l1", "l2", "l3"]);
    expect(list.hiddenLater).toBe(0);
  });

  it("reads an older worker's whole list (no counts) as everything, nothing hidden", async () => {
    const fetch = vi.fn(async () => respondWith({ timeZone: "UTC", items: [step("a"), step("b")] }));
    const list = await loadFollowUps(createFollowUpsApi(createApiCall({ apiKey: "k", fetch })), false);
    expect(list.items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(list.hiddenLater).toBe(0);
    expect(list.done).toEqual([]);
  });

  it("refuses a next link outside the follow-ups list", () => {
    expect(() => createFollowUpsApi(createApiCall({ apiKey: "k", fetch: pages() })).page("https://evil.example/x")).toThrow("Unexpected next link");
  });
});
