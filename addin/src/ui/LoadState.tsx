import type { ReactNode } from "react";
import { Spinner, Text } from "@fluentui/react-components";
import type { ApiFailure } from "../api/client";
import { noticeFor } from "./notice";
import { NoticeBar } from "./NoticeBar";
import { useSharedStyles } from "./styles";
import { useWorkerReachable } from "./WorkerReachable";

export interface LoadStateProps<T> {
  /** What could not be loaded, for the notice: "Can't load {what}: …". */
  what: string;
  failure: ApiFailure | undefined;
  retry(): void;
  loading?: boolean;
  data?: T | undefined;
  /** The spinner's label while nothing has loaded yet. */
  label?: string;
  size?: "small" | "medium";
  /**
   * The view, once its data is here. Given, it replaces the view with the notice while the load
   * fails and with the spinner until there is data. Not given, the notice and spinner stand above
   * a view that shows whatever it already has.
   */
  children?(data: T): ReactNode;
}

/**
 * How every view shows its loading and its failures, the same way everywhere: the failure as a
 * notice with Retry (a 401 never gets here: useLoad sends it to the pairing form), and a spinner
 * while there is nothing to show yet. Spread a useLoad() result into it.
 */
export function LoadState<T>({ what, failure, retry, loading = false, data, label, size, children }: LoadStateProps<T>) {
  // The pane's one banner already says the worker is not reachable, with its own Retry.
  const reachable = useWorkerReachable();
  const said = failure?.kind === "unreachable" && !reachable;
  const notice = failure && !said ? <NoticeBar notice={noticeFor(failure, what)} onRetry={retry} /> : null;
  const spinner = loading && data === undefined ? <Spinner size={size} label={label} /> : null;
  if (!children) {
    return (
      <>
        {notice}
        {spinner}
      </>
    );
  }
  if (said) return data === undefined ? null : <>{children(data)}</>;
  return notice ?? (data === undefined ? spinner : <>{children(data)}</>);
}

/** A view with nothing in it says so, and what would fill it. */
export function EmptyState({ icon, title, children, testId }: { icon?: ReactNode; title: string; children: ReactNode; testId?: string }) {
  const shared = useSharedStyles();
  return (
    <div className={shared.empty} data-testid={testId}>
      {icon}
      <Text weight="semibold">{title}</Text>
      <Text size={200}>{children}</Text>
    </div>
  );
}
