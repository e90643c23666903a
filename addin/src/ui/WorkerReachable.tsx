import { createContext, useContext } from "react";

/**
 * False while the pane's own poll cannot reach the worker. The pane then shows one "worker not
 * reachable" banner with Retry, and every view's LoadState keeps quiet about that same cause
 * instead of adding a red box per section.
 */
export const WorkerReachable = createContext(true);

export function useWorkerReachable(): boolean {
  return useContext(WorkerReachable);
}
