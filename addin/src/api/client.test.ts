import { describe, expect, it, vi } from "vitest";
import { ApiError, authorizationHeader, createApiCall, readProblem, type ApiClientOptions } from "./client";

function respond(status: number, body: unknown, contentType = "application/json"): typeof fetch {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": contentType } }));
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).failure;
}

/** A GET through the shared client, as every list in the pane makes it. */
const list = (options: ApiClientOptions) => createApiCall(options)("GET", "/api/followups");

describe("API client", () => {
  it("sends the pairing code as a bearer token", async () => {
    const fetch = respond(200, { timeZone: "UTC", items: [] });
    await list({ apiKey: "k3y", fetch });
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe("/api/followups");
    expect((init?.headers as Record<string, string>).Authorization).toBe("Bearer k3y");
  });

  it("reports 401 as unauthorized so the pane can ask to pair again", async () => {
    expect(await failureOf(list({ apiKey: "old", fetch: respond(401, undefined) }))).toEqual({ kind: "unauthorized" });
  });

  it("reports a network failure as an unreachable worker", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect((await failureOf(list({ apiKey: "k", fetch }))).kind).toBe("unreachable");
  });

  it("shows a validation problem's title and field messages", async () => {
    const fetch = respond(
      400,
      { type: "https://tools.ietf.org/html/rfc9110#section-15.5.1", title: "One or more validation errors occurred.", status: 400, errors: { until: ["'until' must be in the future."] } },
      "application/problem+json",
    );
    expect(await failureOf(createApiCall({ apiKey: "k", fetch })("POST", "/api/followups/1/snooze", { until: "2000-01-01T00:00:00Z" }))).toEqual({
      kind: "problem",
      status: 400,
      title: "One or more validation errors occurred.",
      messages: ["'until' must be in the future."],
      fieldErrors: { until: ["'until' must be in the future."] },
    });
  });

  it("explains a 404 without a problem body in plain words", () => {
    const failure = readProblem(404, undefined);
    expect(failure.kind === "problem" && failure.title).toMatch(/no longer exists/);
  });
});

describe("API client signed in with Microsoft 365", () => {
  const statuses = (...codes: number[]): typeof fetch => {
    let i = 0;
    return vi.fn(async () => new Response(JSON.stringify({ timeZone: "UTC", items: [] }), { status: codes[Math.min(i++, codes.length - 1)] ?? 200 }));
  };
  const tokens = () => {
    let n = 0;
    return { token: vi.fn(async (o?: { forceRefresh?: boolean }) => `t${++n}${o?.forceRefresh ? "-fresh" : ""}`) };
  };
  const authHeaders = (f: typeof globalThis.fetch) => vi.mocked(f).mock.calls.map(([, init]) => (init?.headers as Record<string, string>).Authorization);

  it("builds the bearer header from the token", () => {
    expect(authorizationHeader("eyJ.a.b")).toBe("Bearer eyJ.a.b");
  });

  it("sends the Entra token on every request", async () => {
    const fetch = statuses(200);
    await list({ tokens: tokens(), fetch });
    expect(authHeaders(fetch)).toEqual(["Bearer t1"]);
  });

  it("refreshes the token once after a 401 and retries", async () => {
    const fetch = statuses(401, 200);
    const provider = tokens();
    await list({ tokens: provider, fetch });
    expect(authHeaders(fetch)).toEqual(["Bearer t1", "Bearer t2-fresh"]);
    expect(provider.token).toHaveBeenLastCalledWith({ forceRefresh: true });
  });

  it("reports unauthorized when the fresh token is refused too, without a third try", async () => {
    const fetch = statuses(401, 401, 200);
    expect(await failureOf(list({ tokens: tokens(), fetch }))).toEqual({ kind: "unauthorized" });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("reports unauthorized when no token can be had (sign-in cancelled)", async () => {
    const fetch = statuses(200);
    const refused = { token: vi.fn(async () => Promise.reject(new Error("user_cancelled"))) };
    expect(await failureOf(list({ tokens: refused, fetch }))).toEqual({ kind: "unauthorized" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("does not retry a refused pairing code: it cannot be refreshed", async () => {
    const fetch = statuses(401, 200);
    expect(await failureOf(list({ apiKey: "old", fetch }))).toEqual({ kind: "unauthorized" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("sends If-Match when a write names the ETag it read, and hands back the answer's ETag", async () => {
    const fetch: typeof globalThis.fetch = vi.fn(async () => new Response(JSON.stringify({ signature: "Ada" }), { status: 200, headers: { "Content-Type": "application/json", ETag: '"settings-4"' } }));
    let etag: string | undefined;
    await createApiCall({ apiKey: "k", fetch })("PUT", "/api/settings", { signature: "Ada" }, undefined, { ifMatch: '"settings-3"', onETag: (t) => (etag = t) });
    const [, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect((init?.headers as Record<string, string>)["If-Match"]).toBe('"settings-3"');
    expect(etag).toBe('"settings-4"');
  });

  it("reports a stale If-Match (412) as a problem with its status", async () => {
    const fetch = respond(412, { title: "Settings changed", status: 412, detail: "The settings were saved elsewhere since you opened them." }, "application/problem+json");
    const failure = await failureOf(createApiCall({ apiKey: "k", fetch })("PUT", "/api/settings", {}, undefined, { ifMatch: '"settings-3"' }));
    expect(failure).toMatchObject({ kind: "problem", status: 412, title: "Settings changed" });
  });
});
