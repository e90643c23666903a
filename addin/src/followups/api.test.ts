import { describe, expect, it, vi } from "vitest";
import { createApiCall } from "../api/client";
import { createFollowUpsApi, validateSkipReason } from "./api";

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
