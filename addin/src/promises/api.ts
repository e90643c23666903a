import type { ApiCall } from "../api/client";
import type { PromiseItem, PromiseList, PromiseRequest } from "./model";

export interface PromisesApi {
  list(signal?: AbortSignal): Promise<PromiseList>;
  create(request: PromiseRequest): Promise<PromiseItem>;
  /** Kept; a second call is a 409 (a kept promise stays kept). */
  done(id: string): Promise<PromiseItem>;
  snooze(id: string, until: string): Promise<PromiseItem>;
}

export function createPromisesApi(call: ApiCall): PromisesApi {
  const item = (id: string, action: string): string => `/api/promises/${encodeURIComponent(id)}/${action}`;
  return {
    list: (signal) => call<PromiseList>("GET", "/api/promises", undefined, signal),
    create: (request) => call<PromiseItem>("POST", "/api/promises", request),
    done: (id) => call<PromiseItem>("POST", item(id, "done")),
    snooze: (id, until) => call<PromiseItem>("POST", item(id, "snooze"), { until }),
  };
}
