import { useCallback, useEffect, useRef, useState } from "react";
import { useApi } from "../api/ApiContext";
import { failureOf, type ApiFailure } from "../api/client";
import { mergeSources } from "./groupToday";
import type { SourceName, TodayItem, TodaySource } from "./model";

export const refreshIntervalMs = 30_000;

export interface SourceFailure {
  source: SourceName;
  label: string;
  failure: ApiFailure;
}

export interface TodayState {
  items: TodayItem[];
  /** The mailbox's zone, from the follow-ups list; undefined until it answered. */
  timeZone: string | undefined;
  loading: boolean;
  refreshing: boolean;
  failures: SourceFailure[];
  lastUpdated: Date | undefined;
  /** Later items a paging source left out (the due window is what loads by default). */
  hiddenLater: number;
  /** What was completed lately (sent, met, marked done), newest first: Today's "Done lately". */
  recentlyDone: TodayItem[];
  /** Loads the later items too, from now on. */
  showLater(): void;
  refresh(): void;
  /** Applies an action's answer: closed items leave the list, open ones are replaced in place. */
  applyUpdate(item: TodayItem): void;
  remove(key: string): void;
}

/**
 * Loads every source in parallel, then refreshes every 30 s and when the pane regains focus. A
 * source that fails is reported by name and keeps its last good items; the others still show.
 */
export function useToday(sources: readonly TodaySource[]): TodayState {
  const { onUnauthorized } = useApi();
  const [bySource, setBySource] = useState<Partial<Record<SourceName, TodayItem[]>>>({});
  const [timeZone, setTimeZone] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [refreshing, setRefreshing] = useState(false);
  const [failures, setFailures] = useState<SourceFailure[]>([]);
  const [lastUpdated, setLastUpdated] = useState<Date>();
  const [hiddenBySource, setHiddenBySource] = useState<Partial<Record<SourceName, number>>>({});
  const [doneBySource, setDoneBySource] = useState<Partial<Record<SourceName, TodayItem[]>>>({});
  const [withLater, setWithLater] = useState(false);
  const inFlight = useRef<AbortController | undefined>(undefined);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setRefreshing(true);
    void Promise.allSettled(sources.map((s) => s.load(controller.signal, withLater))).then((results) => {
      if (controller.signal.aborted) return;
      const next: SourceFailure[] = [];
      const loaded: Partial<Record<SourceName, TodayItem[]>> = {};
      const hidden: Partial<Record<SourceName, number>> = {};
      const done: Partial<Record<SourceName, TodayItem[]>> = {};
      results.forEach((result, i) => {
        const source = sources[i];
        if (!source) return;
        if (result.status === "fulfilled") {
          loaded[source.name] = result.value.items;
          hidden[source.name] = result.value.hiddenLater ?? 0;
          if (result.value.done) done[source.name] = result.value.done;
          if (result.value.timeZone) setTimeZone(result.value.timeZone);
        } else {
          const failure = failureOf(result.reason);
          if (failure.kind === "unauthorized") unauthorized.current();
          else next.push({ source: source.name, label: source.label, failure });
        }
      });
      setBySource((current) => ({ ...current, ...loaded }));
      setHiddenBySource((current) => ({ ...current, ...hidden }));
      setDoneBySource((current) => ({ ...current, ...done }));
      setFailures(next);
      if (Object.keys(loaded).length > 0) setLastUpdated(new Date());
      inFlight.current = undefined;
      setLoading(false);
      setRefreshing(false);
    });
  }, [sources, withLater]);

  const showLater = useCallback(() => setWithLater(true), []);

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

  const applyUpdate = useCallback((item: TodayItem) => {
    // A step just marked done shows under "Done lately" at once ("Marked done by you"); an undone one leaves it.
    setDoneBySource((current) => {
      const list = current[item.source];
      if (!list) return current;
      const others = list.filter((i) => i.key !== item.key);
      return { ...current, [item.source]: item.state === "done" && item.completedVia ? [item, ...others] : others };
    });
    setBySource((current) => {
      const list = current[item.source];
      if (!list) return current;
      const open = item.state !== "done" && item.state !== "skipped";
      if (!open) return { ...current, [item.source]: list.filter((i) => i.key !== item.key) };
      // An undone "Done" comes back into the list.
      return { ...current, [item.source]: list.some((i) => i.key === item.key) ? list.map((i) => (i.key === item.key ? item : i)) : [...list, item] };
    });
  }, []);

  const remove = useCallback((key: string) => {
    setBySource((current) => {
      const next: Partial<Record<SourceName, TodayItem[]>> = {};
      for (const [name, list] of Object.entries(current) as [SourceName, TodayItem[]][]) next[name] = list.filter((i) => i.key !== key);
      return next;
    });
  }, []);

  const items = mergeSources(sources.map((s) => bySource[s.name] ?? []));
  const hiddenLater = Object.values(hiddenBySource).reduce((n, h) => n + h, 0);
  const recentlyDone = sortDone(sources.flatMap((s) => doneBySource[s.name] ?? []));
  return { items, timeZone, loading, refreshing, failures, lastUpdated, hiddenLater, recentlyDone, showLater, refresh, applyUpdate, remove };
}

/** Newest completion first; an item without a time (an older worker) last. */
export function sortDone(items: readonly TodayItem[]): TodayItem[] {
  const at = (i: TodayItem): number => (i.completedAt ? new Date(i.completedAt).getTime() : 0);
  return [...items].sort((a, b) => at(b) - at(a));
}
