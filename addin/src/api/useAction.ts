import { useCallback, useState } from "react";
import { useApi } from "./ApiContext";
import { attempt, type ApiFailure } from "./client";

export interface Action {
  /** True while the call runs: its buttons are disabled. */
  busy: boolean;
  run(action: () => Promise<void>, onFailure: (failure: ApiFailure) => void): Promise<boolean>;
}

/** `attempt` for a button or a form with one call at a time, and its busy state. */
export function useAction(): Action {
  const { onUnauthorized } = useApi();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<void>, onFailure: (failure: ApiFailure) => void): Promise<boolean> => {
      setBusy(true);
      try {
        return await attempt(action, onFailure, onUnauthorized);
      } finally {
        setBusy(false);
      }
    },
    [onUnauthorized],
  );
  return { busy, run };
}
