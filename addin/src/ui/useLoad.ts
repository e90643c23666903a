import { useEffect, useRef, useState } from "react";
import { ApiError, type ApiFailure } from "../api/client";

export interface Loaded<T> {
  data: T | undefined;
  failure: ApiFailure | undefined;
  loading: boolean;
  retry(): void;
}

/** One GET for a view, again when `refreshKey` changes or on retry; a 401 goes to the pairing form. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, refreshKey: unknown, onUnauthorized: () => void): Loaded<T> {
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
        const f: ApiFailure = error instanceof ApiError ? error.failure : { kind: "unreachable", detail: String(error) };
        if (f.kind === "unauthorized") latest.current.onUnauthorized();
        else setFailure(f);
      })
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
  }, [refreshKey, attempt]);

  return { data, failure, loading, retry: () => setAttempt((n) => n + 1) };
}
