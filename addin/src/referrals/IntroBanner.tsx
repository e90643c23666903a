import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useApi, useClient } from "../api/ApiContext";
import { failureOf } from "../api/client";
import { useAction } from "../api/useAction";
import { officeGlobal } from "../office/officeHost";
import { noticeText } from "../ui/notice";
import { createReferralsApi, logReferral } from "./api";
import type { Referral } from "./model";
import { openMessageRestId, type OpenMessageOffice } from "./openMessage";
import { buildLogRequest, formFromDetection, swapRoles, type ReferralForm } from "./referralForm";
import { BusySpinner } from "../ui/BusySpinner";

export interface IntroBannerProps {
  /** Changes when Outlook's selected item changes (a pinned pane), so the new message is checked. */
  selectionKey: unknown;
  /** The Office global; defaults to the page's. */
  office?: OpenMessageOffice | undefined;
  onLogged?(referral: Referral): void;
  /** "Edit first": open the full form with the parties filled in. Absent: no such button. */
  onEdit?(form: ReferralForm): void;
  /** "Show it": go to the referral already logged. */
  onShow?(referralId: string): void;
}

type State =
  | { kind: "none" }
  | { kind: "intro"; form: ReferralForm; rolesUncertain: boolean }
  | { kind: "already"; referralId: string | null }
  | { kind: "logged"; referral: Referral };

/**
 * "Log as referral" for the open message: when the worker reads it as an introduction, the parties
 * are filled in and one click logs it. Small and self-contained, so both the Referrals and the
 * Person view can show it. Says nothing when the message is not an introduction or cannot be read.
 */
export function IntroBanner({ selectionKey, office, onLogged, onEdit, onShow }: IntroBannerProps) {
  const { onUnauthorized } = useApi();
  const api = useClient(createReferralsApi);
  const [state, setState] = useState<State>({ kind: "none" });
  const { busy, run } = useAction();
  const [error, setError] = useState<string>();
  const messageId = openMessageRestId(office ?? (officeGlobal() as OpenMessageOffice | undefined));

  useEffect(() => {
    setState({ kind: "none" });
    setError(undefined);
    if (!messageId) return;
    const controller = new AbortController();
    api
      .detect(messageId, controller.signal)
      .then((d) => {
        if (controller.signal.aborted) return;
        if (d.alreadyLoggedReferralId) return setState({ kind: "already", referralId: d.alreadyLoggedReferralId });
        const form = formFromDetection(d, messageId);
        setState(form ? { kind: "intro", form, rolesUncertain: d.rolesUncertain } : { kind: "none" });
      })
      .catch((e: unknown) => {
        // 404 (not in this mailbox), 503 (busy): the banner is a convenience; the form still works.
        if (!controller.signal.aborted && failureOf(e).kind === "unauthorized") onUnauthorized();
      });
    return () => controller.abort();
  }, [api, messageId, selectionKey, onUnauthorized]);

  if (state.kind === "none") return null;

  if (state.kind === "already") {
    return (
      <MessageBar intent="info" data-testid="intro-banner" data-state="already">
        <MessageBarBody>
          <MessageBarTitle>Already logged</MessageBarTitle>
          This introduction is logged as a referral.
        </MessageBarBody>
        {onShow && state.referralId ? (
          <MessageBarActions>
            <Button size="small" onClick={() => state.referralId && onShow(state.referralId)}>
              Show it
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    );
  }

  if (state.kind === "logged") {
    const r = state.referral;
    return (
      <MessageBar intent="success" data-testid="intro-banner" data-state="logged">
        <MessageBarBody>
          <MessageBarTitle>Referral logged</MessageBarTitle>
          {r.direction === "received"
            ? r.prospect.email
              ? `A note to ${r.prospect.displayName} is being drafted.`
              : `Call ${r.prospect.displayName} within a day.`
            : `You'll be reminded to check in with ${r.partner.displayName}.`}
        </MessageBarBody>
        {onShow ? (
          <MessageBarActions>
            <Button size="small" onClick={() => onShow(r.id)}>
              Show it
            </Button>
          </MessageBarActions>
        ) : null}
      </MessageBar>
    );
  }

  const { form, rolesUncertain } = state;
  const partner = form.partnerName || form.partnerEmail;
  const prospect = form.prospectName || form.prospectEmail;
  const log = (): void => {
    setError(undefined);
    void run(
      async () => {
        const result = await logReferral(api, buildLogRequest(form));
        if (result.kind === "alreadyLogged") return setState({ kind: "already", referralId: result.referralId });
        setState({ kind: "logged", referral: result.referral });
        onLogged?.(result.referral);
      },
      (failure) => (failure.kind === "problem" && failure.fieldErrors && onEdit ? onEdit(form) : setError(noticeText(failure))),
    );
  };

  return (
    <MessageBar intent="info" layout="multiline" data-testid="intro-banner" data-state="intro">
      <MessageBarBody>
        <MessageBarTitle>This message is an introduction</MessageBarTitle>
        <span data-testid="intro-parties">
          {form.direction === "received" ? `${partner} referred ${prospect} to you.` : `You referred ${prospect} to ${partner}.`}
        </span>
        {rolesUncertain ? " Check who needs the help: swap if it is the other way round." : ""}
        {error ? <div role="alert">{error}</div> : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="primary" disabled={busy} icon={busy ? <BusySpinner label="Logging the referral" /> : undefined} onClick={log}>
          Log as referral
        </Button>
        {rolesUncertain ? (
          <Button size="small" disabled={busy} onClick={() => setState({ ...state, form: swapRoles(form) })} aria-label={`Swap roles: make ${partner} the prospect`}>
            Swap roles
          </Button>
        ) : null}
        {onEdit ? (
          <Button size="small" disabled={busy} onClick={() => onEdit(form)}>
            Edit first
          </Button>
        ) : null}
      </MessageBarActions>
    </MessageBar>
  );
}
