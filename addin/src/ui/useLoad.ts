import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import { failureOf, type ApiFailure } from "../api/client";

export interface Loaded<T> {
  data: T | undefined;
  failure: ApiFailure | undefined;
  loading: boolean;
  retry(): void;
  /** Changes what was loaded in place (the answer to an edit); the next load replaces it. */
  update(change: (data: T) => T): void;
}

/** One GET for a view, again when `refreshKey` changes or on retry; a 401 goes to the pairing form. Shown with <LoadState>. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, refreshKey: unknown): Loaded<T> {
  const { onUnauthorized } = useApi();
  const [data, setData] = useState<T>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef({ load, onUnauthorized });
  latest.current = { load, onUnauthorized };

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    latest.current
      .load(controller.signal)
      .then((next) => {
        if (controller.signal.aborted) return;
        setData(next);
        setFailure(undefined);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const f = failureOf(error);
        if (f.kind === "unauthorized") latest.current.onUnauthorized();
        else setFailure(f);
      })
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [refreshKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (data: T) => T) => setData((current) => (current === undefined ? current : change(current))), []);
  return { data, failure, loading, retry, update };
}
