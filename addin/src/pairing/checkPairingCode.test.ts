import { describe, expect, it } from "vitest";
import { checkPairingCode } from "./checkPairingCode";

const answer = (status: number) => (async () => new Response(status === 200 ? "{}" : "", { status, headers: { "Content-Type": "application/json" } })) as typeof fetch;

describe("checking a pairing code before keeping it", () => {
  it("says a code the worker refuses is refused, and one it takes is accepted", async () => {
    expect(await checkPairingCode("mistyped", answer(401))).toBe("refused");
    expect(await checkPairingCode("right", answer(200))).toBe("accepted");
  });

  it("does not call a code refused when the worker cannot be reached or fails", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await checkPairingCode("right", down)).toBe("unknown");
    expect(await checkPairingCode("right", answer(503))).toBe("unknown");
  });

  it("sends the code as the worker expects it, to the status endpoint", async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const spy = (async (url: string, init: RequestInit) => {
      seen.push({ url, auth: new Headers(init.headers).get("Authorization") });
      return new Response("{}", { status: 200 });
    }) as unknown as typeof fetch;
    await checkPairingCode("abc123", spy);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe("/api/status");
    expect(seen[0]?.auth).toContain("abc123");
  });
});
