import { describe, expect, it } from "vitest";
import { ApiError, type ApiCall } from "../api/client";
import { createReferralsApi, logReferral, recordOutcome } from "./api";
import { referral } from "./fixtures";

type Recorded = [string, string, unknown];

/** An ApiCall answering from a table of "METHOD path" → result (or an ApiError to throw). */
function fakeCall(answers: Record<string, unknown>): { call: ApiCall; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const call = (async (method: string, path: string, body?: unknown) => {
    calls.push([method, path, body]);
    const answer = answers[`${method} ${path}`];
    if (answer instanceof ApiError) throw answer;
    if (answer === undefined) throw new Error(`unexpected ${method} ${path}`);
    return answer;
  }) as ApiCall;
  return { call, calls };
}

const conflict = new ApiError({ kind: "problem", status: 409, title: "Conflict", messages: [] });

describe("referrals API client", () => {
  it("builds the worker's paths, escaping ids and addresses", async () => {
    const { call, calls } = fakeCall({
      "GET /api/referrals/detect?messageId=AAMk%2Fa%3D%3D": { isIntroduction: false },
      "GET /api/partners/mere%2Bx%40p.co/reciprocity": {},
      "POST /api/referrals/r%201/partner-followed-up": referral(),
      "POST /api/referrals/r%201/nudged": referral(),
    });
    const api = createReferralsApi(call);
    await api.detect("AAMk/a==");
    await api.reciprocity(" mere+x@p.co ");
    await api.partnerFollowedUp("r 1", false);
    await api.nudged("r 1");
    expect(calls.map((c) => [c[0], c[1], c[2]])).toEqual([
      ["GET", "/api/referrals/detect?messageId=AAMk%2Fa%3D%3D", undefined],
      ["GET", "/api/partners/mere%2Bx%40p.co/reciprocity", undefined],
      ["POST", "/api/referrals/r%201/partner-followed-up", { followedUp: false }],
      ["POST", "/api/referrals/r%201/nudged", undefined],
    ]);
  });

  it("answers a message logged twice with the referral already logged", async () => {
    const { call } = fakeCall({ "POST /api/referrals": conflict, "GET /api/referrals": { timeZone: "UTC", items: [referral({ id: "first", sourceMessageId: "m1" })] } });
    const result = await logReferral(createReferralsApi(call), { direction: "received", partner: { email: "a@b.co" }, prospect: { displayName: "P", email: "p@q.co" }, sourceMessageId: "m1" });
    expect(result).toEqual({ kind: "alreadyLogged", referralId: "first" });
  });

  it("answers a different final outcome with the outcome recorded, to offer the change", async () => {
    const { call, calls } = fakeCall({ "POST /api/referrals/r1/outcome": conflict, "GET /api/referrals/r1": referral({ outcome: "won" }) });
    const result = await recordOutcome(createReferralsApi(call), "r1", { outcome: "notAFit" });
    expect(result.kind).toBe("conflict");
    expect(result.kind === "conflict" && result.current.outcome).toBe("won");
    expect(calls[0]?.[2]).toEqual({ outcome: "notAFit" });
  });

  it("lets other failures through", async () => {
    const bad = new ApiError({ kind: "problem", status: 400, title: "Bad", messages: [], fieldErrors: { outcome: ["Unknown outcome"] } });
    const { call } = fakeCall({ "POST /api/referrals/r1/outcome": bad });
    await expect(recordOutcome(createReferralsApi(call), "r1", { outcome: "won" })).rejects.toBe(bad);
  });
});
