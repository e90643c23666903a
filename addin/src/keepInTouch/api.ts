import type { ApiCall } from "../api/client";
import type { Birthday, CadenceRequest, KeepInTouchList } from "./model";

export interface KeepInTouchApi {
  list(signal?: AbortSignal): Promise<KeepInTouchList>;
  setCadence(email: string, request: CadenceRequest): Promise<unknown>;
  /** "Skip this year": 409 when the wish was already sent. */
  skipBirthday(id: string): Promise<Birthday>;
  /** Undo of "Skip this year". */
  reopenBirthday(id: string): Promise<Birthday>;
}

export function createKeepInTouchApi(call: ApiCall): KeepInTouchApi {
  return {
    list: (signal) => call<KeepInTouchList>("GET", "/api/keep-in-touch", undefined, signal),
    setCadence: (email, request) => call<unknown>("PUT", `/api/people/${encodeURIComponent(email.trim())}/cadence`, request),
    skipBirthday: (id) => call<Birthday>("POST", `/api/birthdays/${encodeURIComponent(id)}/skip`),
    reopenBirthday: (id) => call<Birthday>("POST", `/api/birthdays/${encodeURIComponent(id)}/reopen`),
  };
}
