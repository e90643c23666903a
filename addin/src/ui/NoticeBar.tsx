import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Notice } from "./notice";

/** A Fluent MessageBar for a notice, with Retry and/or a dismiss button when given. */
export function NoticeBar({ notice, onRetry, onDismiss }: { notice: Notice; onRetry?: () => void; onDismiss?: () => void }) {
  return (
    <MessageBar intent={notice.intent} data-testid="notice">
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.messages.join(" ")}
      </MessageBarBody>
      {onRetry || onDismiss ? (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button appearance="transparent" size="small" aria-label="Dismiss message" onClick={onDismiss}>
                ✕
              </Button>
            ) : undefined
          }
        >
          {onRetry ? (
            <Button size="small" onClick={onRetry}>
              Retry
            </Button>
          ) : undefined}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
