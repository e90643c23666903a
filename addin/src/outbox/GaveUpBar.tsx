import type { ReactElement } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { gaveUpText, gaveUpTitle, retryLabel } from "./gaveUp";
import type { GaveUp } from "./model";

/** A row's or card's draft or hold that the worker stopped trying to make: why, and "Try again" for `who`. */
export function GaveUpBar({ gaveUp, who, busy, icon, onRetry }: { gaveUp: GaveUp; who: string; busy: boolean; icon?: ReactElement; onRetry(gaveUp: GaveUp): void }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="gave-up">
      <MessageBarBody>
        <MessageBarTitle>{gaveUpTitle(gaveUp)}</MessageBarTitle>
        {gaveUpText(gaveUp)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" icon={icon} disabled={busy} aria-label={retryLabel(gaveUp, who)} onClick={() => onRetry(gaveUp)}>
          Try again
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
