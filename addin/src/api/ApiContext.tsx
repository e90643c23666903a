import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { ApiCall } from "./client";

/** The pane's way to the worker: signed in once by App, read by any view with useApi(). */
export interface WorkerApi {
  call: ApiCall;
  /** The worker refused the pairing code or token: ask for it again. */
  onUnauthorized(): void;
}

const ApiContext = createContext<WorkerApi | undefined>(undefined);

export function ApiProvider({ call, onUnauthorized, children }: WorkerApi & { children: ReactNode }) {
  const value = useMemo(() => ({ call, onUnauthorized }), [call, onUnauthorized]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): WorkerApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi() needs an <ApiProvider> above it.");
  return api;
}

/** An area's client (createReferralsApi, createPromisesApi, …) over the pane's call, made again only after a new sign-in. */
export function useClient<T>(create: (call: ApiCall) => T): T {
  const { call } = useApi();
  return useMemo(() => create(call), [create, call]);
}
