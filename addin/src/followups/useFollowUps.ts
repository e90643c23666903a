import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, type ApiFailure, type FollowUpsApi } from "./api";
import type { FollowUp, FollowUpList } from "./model";

export const refreshIntervalMs = 30_000;

export interface FollowUpsState {
  list: FollowUpList | undefined;
  /** Only the first load shows a spinner; background refreshes keep the list on screen. */
  loading: boolean;
  refreshing: boolean;
  loadFailure: ApiFailure | undefined;
  lastUpdated: Date | undefined;
  refresh(): void;
  /** Applies an action's answer: closed items leave the list, others are replaced in place. */
  applyUpdate(item: FollowUp): void;
  remove(id: string): void;
}

/** Loads the open follow-ups, then refreshes every 30 s and whenever the pane regains focus. */
export function useFollowUps(api: FollowUpsApi, onUnauthorized: () => void): FollowUpsState {
  const [list, setList] = useState<FollowUpList>();
  const [loading, setLoading] = useState(true);
  const [refreshing, setRefreshing] = useState(false);
  const [loadFailure, setLoadFailure] = useState<ApiFailure>();
  const [lastUpdated, setLastUpdated] = useState<Date>();
  const inFlight = useRef<AbortController | undefined>(undefined);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setRefreshing(true);
    api
      .list(controller.signal)
      .then((next) => {
        if (controller.signal.aborted) return;
        setList(next);
        setLoadFailure(undefined);
        setLastUpdated(new Date());
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.failure.kind === "unauthorized") {
          unauthorized.current();
          return;
        }
        setLoadFailure(
          error instanceof ApiError ? error.failure : { kind: "unreachable", detail: error instanceof Error ? error.message : String(error) },
        );
      })
      .finally(() => {
        if (inFlight.current === controller) {
          inFlight.current = undefined;
          setLoading(false);
          setRefreshing(false);
        }
      });
  }, [api]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, refreshIntervalMs);
    const onVisible = (): void => {
      if (document.visibilityState === "visible") refresh();
    };
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", onVisible);
      inFlight.current?.abort();
    };
  }, [refresh]);

  const applyUpdate = useCallback((item: FollowUp) => {
    setList((current) => {
      if (!current) return current;
      const open = item.state !== "done" && item.state !== "skipped";
      const items = open ? current.items.map((i) => (i.id === item.id ? item : i)) : current.items.filter((i) => i.id !== item.id);
      return { ...current, items };
    });
  }, []);

  const remove = useCallback((id: string) => {
    setList((current) => (current ? { ...current, items: current.items.filter((i) => i.id !== id) } : current));
  }, []);

  return { list, loading, refreshing, loadFailure, lastUpdated, refresh, applyUpdate, remove };
}
