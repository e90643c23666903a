import type { ApiCall } from "../api/client";
import type { CadenceRequest, KeepInTouchList } from "./model";

export interface KeepInTouchApi {
  list(signal?: AbortSignal): Promise<KeepInTouchList>;
  setCadence(email: string, request: CadenceRequest): Promise<unknown>;
}

export function createKeepInTouchApi(call: ApiCall): KeepInTouchApi {
  return {
    list: (signal) => call<KeepInTouchList>("GET", "/api/keep-in-touch", undefined, signal),
    setCadence: (email, request) => call<unknown>("PUT", `/api/people/${encodeURIComponent(email.trim())}/cadence`, request),
  };
}
