import { ApiError, createApiCall } from "../api/client";
import type { PairingCheck } from "./PairingForm";

/**
 * Asks the worker whether it takes a code before the pane keeps it, with the lightest authenticated call
 * (GET /api/status): 401 is "refused"; anything else, reachable or not, lets the pane go on and say what it finds.
 */
export async function checkPairingCode(key: string, fetchImpl: typeof globalThis.fetch = globalThis.fetch.bind(globalThis)): Promise<PairingCheck> {
  try {
    await createApiCall({ apiKey: key, fetch: fetchImpl })("GET", "/api/status");
    return "accepted";
  } catch (e) {
    return e instanceof ApiError && e.failure.kind === "unauthorized" ? "refused" : "unknown";
  }
}
