import { describe, expect, it, vi } from "vitest";
import { createApiCall, RevalidationCache } from "./client";

type Answer = { status: number; body?: unknown; etag?: string };

/** A worker that answers each call with the next scripted answer, and records what the pane sent. */
function worker(...answers: Answer[]) {
  const sent: { url: string; ifNoneMatch: string | undefined }[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(url), ifNoneMatch: (init?.headers as Record<string, string>)["If-None-Match"] });
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (answer.etag) headers.ETag = answer.etag;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

describe("revalidating GETs", () => {
  it("sends the last ETag as If-None-Match and keeps showing the kept body on 304", async () => {
    const first = { timeZone: "Pacific/Auckland", items: [{ id: "1" }] };
    const { fetch, sent } = worker({ status: 200, body: first, etag: '"a"' }, { status: 304, etag: '"a"' });
    const call = createApiCall({ apiKey: "k", fetch });

    const one = await call("GET", "/api/followups?window=due");
    const two = await call("GET", "/api/followups?window=due");

    expect(sent.map((s) => s.ifNoneMatch)).toEqual([undefined, '"a"']);
    expect(one).toEqual(first);
    expect(two).toEqual(first);
  });

  it("replaces the kept body and tag when the list changed", async () => {
    const { fetch, sent } = worker(
      { status: 200, body: { items: [1] }, etag: '"a"' },
      { status: 200, body: { items: [1, 2] }, etag: '"b"' },
      { status: 304, etag: '"b"' },
    );
    const call = createApiCall({ apiKey: "k", fetch });

    await call("GET", "/api/promises");
    const changed = await call("GET", "/api/promises");
    const kept = await call("GET", "/api/promises");

    expect(sent.map((s) => s.ifNoneMatch)).toEqual([undefined, '"a"', '"b"']);
    expect(changed).toEqual({ items: [1, 2] });
    expect(kept).toEqual({ items: [1, 2] });
  });

  it("keeps one entry per path and never sends a tag on a POST", async () => {
    const { fetch, sent } = worker(
      { status: 200, body: { items: [] }, etag: '"due"' },
      { status: 200, body: { id: "x" }, etag: '"post"' },
      { status: 200, body: { items: [] }, etag: '"later"' },
    );
    const call = createApiCall({ apiKey: "k", fetch });

    await call("GET", "/api/followups?window=due");
    await call("POST", "/api/followups?window=due");
    await call("GET", "/api/followups?window=later&page=1");

    expect(sent.map((s) => s.ifNoneMatch)).toEqual([undefined, undefined, undefined]);
  });

  it("forgets the kept body when an answer comes without an ETag", () => {
    const cache = new RevalidationCache();
    cache.remember("/api/status", '"a"', { ok: true });
    cache.remember("/api/status", null, { ok: false });

    expect(cache.ifNoneMatch("/api/status")).toBeUndefined();
    expect(cache.kept("/api/status")).toBeUndefined();
  });

  it("treats a 304 for a tag it never sent as an unreadable answer, not an empty list", async () => {
    const { fetch } = worker({ status: 304 });
    await expect(createApiCall({ apiKey: "k", fetch })("GET", "/api/followups")).rejects.toThrow("cannot read");
  });
});
