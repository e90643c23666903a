import { ApiError, type ApiCall } from "../api/client";
import { retryOutbox } from "../outbox/gaveUp";
import type { Detection, LogReferralRequest, OutcomeRequest, Reciprocity, Referral, ReferralList } from "./model";

export interface ReferralsApi {
  list(signal?: AbortSignal): Promise<ReferralList>;
  get(id: string, signal?: AbortSignal): Promise<Referral>;
  log(request: LogReferralRequest): Promise<Referral>;
  outcome(id: string, request: OutcomeRequest): Promise<Referral>;
  contacted(id: string): Promise<Referral>;
  partnerFollowedUp(id: string, followedUp: boolean): Promise<Referral>;
  /** After "not yet": the user nudged the partner; the check-in comes back a few days later. */
  nudged(id: string): Promise<Referral>;
  detect(messageId: string, signal?: AbortSignal): Promise<Detection>;
  reciprocity(partnerEmail: string, signal?: AbortSignal): Promise<Reciprocity>;
  /** "Try again" for a draft of the referral that the worker stopped trying to make; answers the referral as it now stands. */
  retryDraft(id: string, outboxId: string): Promise<Referral>;
}

export function createReferralsApi(call: ApiCall): ReferralsApi {
  const item = (id: string, action = ""): string => `/api/referrals/${encodeURIComponent(id)}${action ? `/${action}` : ""}`;
  return {
    list: (signal) => call<ReferralList>("GET", "/api/referrals", undefined, signal),
    get: (id, signal) => call<Referral>("GET", item(id), undefined, signal),
    log: (request) => call<Referral>("POST", "/api/referrals", request),
    outcome: (id, request) => call<Referral>("POST", item(id, "outcome"), request),
    contacted: (id) => call<Referral>("POST", item(id, "contacted")),
    partnerFollowedUp: (id, followedUp) => call<Referral>("POST", item(id, "partner-followed-up"), { followedUp }),
    nudged: (id) => call<Referral>("POST", item(id, "nudged")),
    detect: (messageId, signal) => call<Detection>("GET", `/api/referrals/detect?messageId=${encodeURIComponent(messageId)}`, undefined, signal),
    reciprocity: (email, signal) => call<Reciprocity>("GET", `/api/partners/${encodeURIComponent(email.trim())}/reciprocity`, undefined, signal),
    retryDraft: async (id, outboxId) => {
      await retryOutbox(call, outboxId);
      return call<Referral>("GET", item(id));
    },
  };
}

function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.failure.kind === "problem" && error.failure.status === 409;
}

export type LogResult = { kind: "logged"; referral: Referral } | { kind: "alreadyLogged"; referralId: string | null };

/**
 * Logs a referral; the same message logged twice is a 409 naming the referral already logged. The shared
 * client keeps a problem's title and field errors, not its extensions, so the id is looked up by source message.
 */
export async function logReferral(api: ReferralsApi, request: LogReferralRequest): Promise<LogResult> {
  try {
    return { kind: "logged", referral: await api.log(request) };
  } catch (error) {
    if (!isConflict(error) || !request.sourceMessageId) throw error;
    const list = await api.list().catch(() => undefined);
    return { kind: "alreadyLogged", referralId: list?.items.find((r) => r.sourceMessageId === request.sourceMessageId)?.id ?? null };
  }
}

export type OutcomeResult = { kind: "recorded"; referral: Referral } | { kind: "conflict"; current: Referral };

/** A different final outcome needs `change: true`; the 409 is answered with the referral as it stands, to offer the change. */
export async function recordOutcome(api: ReferralsApi, id: string, request: OutcomeRequest): Promise<OutcomeResult> {
  try {
    return { kind: "recorded", referral: await api.outcome(id, request) };
  } catch (error) {
    if (!isConflict(error)) throw error;
    return { kind: "conflict", current: await api.get(id) };
  }
}
