import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiCall } from "../api/client";
import { createEventsApi } from "../events/api";
import { createPromptsApi } from "./api";

function respond(status: number, body?: unknown): typeof fetch {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));
}

describe("prompts and events API client", () => {
  it("posts the chosen people to the event's follow-up endpoint", async () => {
    const fetch = respond(200, { started: 1 });
    const answer = await createPromptsApi(createApiCall({ apiKey: "k", fetch })).followUp("AAMk/1=", {
      people: [{ email: "ana@example.com", displayName: "Ana", preferredChannel: null }],
    });
    expect(answer).toEqual({ started: 1 });
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe("/api/prompts/AAMk%2F1%3D/follow-up");
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({ people: [{ email: "ana@example.com", displayName: "Ana", preferredChannel: null }] });
  });

  it("accepts 204 No Content for a dismissed prompt", async () => {
    const fetch = respond(204);
    await expect(createPromptsApi(createApiCall({ apiKey: "k", fetch })).dismiss("e1")).resolves.toBeUndefined();
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe("/api/prompts/e1/dismiss");
  });

  it("keeps the field paths of a 400 so the form can show them per field", async () => {
    const fetch = respond(400, { title: "One or more validation errors occurred.", status: 400, errors: { "people[0].email": ["Not an email address."] } });
    const error = await createPromptsApi(createApiCall({ apiKey: "k", fetch }))
      .followUp("e1", { people: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const failure = (error as ApiError).failure;
    expect(failure.kind === "problem" && failure.fieldErrors).toEqual({ "people[0].email": ["Not an email address."] });
  });

  it("marks an event as networking with {isNetworking}", async () => {
    const fetch = respond(200, { id: "e 1", isNetworking: true });
    await createEventsApi(createApiCall({ apiKey: "k", fetch })).setNetworking("e 1", true);
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe("/api/events/e%201/networking");
    expect(JSON.parse(String(init?.body))).toEqual({ isNetworking: true });
  });
});
