import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ApiCall } from "../api/client";
import { officeGlobal, type OfficeHost } from "../office/officeHost";
import { noticeFor } from "../ui/notice";
import { NoticeBar } from "../ui/NoticeBar";
import { useSharedStyles } from "../ui/styles";
import { useLoad } from "../ui/useLoad";
import { createReferralsApi } from "./api";
import { IntroBanner } from "./IntroBanner";
import { LogReferralForm } from "./LogReferralForm";
import type { Referral, ReferralList } from "./model";
import { ownAddress, type OpenMessageOffice } from "./openMessage";
import { ReciprocityView } from "./ReciprocityView";
import { ReferralCard, type AwaitingClose } from "./ReferralCard";
import { emptyReferralForm, type ReferralForm } from "./referralForm";
import { groupReferrals, partnersOf, prospectName } from "./referralList";

const useStyles = makeStyles({
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  partnerPicker: { flexGrow: 1, minWidth: "9em" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface ReferralsViewProps {
  call: ApiCall;
  office: OfficeHost;
  /** Changes with Outlook's selected item, so the intro banner looks at the new message. */
  selectionKey: unknown;
  refreshKey: unknown;
  onUnauthorized(): void;
  announce(text: string): void;
}

/** Referrals received and given: what each asks of the user now, outcomes, and each partner's reciprocity. */
export function ReferralsView({ call, office, selectionKey, refreshKey, onUnauthorized, announce }: ReferralsViewProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const api = useMemo(() => createReferralsApi(call), [call]);
  const [attempt, setAttempt] = useState(0);
  const load = useCallback((signal: AbortSignal) => api.list(signal), [api]);
  const loaded = useLoad<ReferralList>(load, `${String(refreshKey)}:${attempt}`, onUnauthorized);
  // Local edits (an outcome, "contacted") show at once; the next load replaces them.
  const [changed, setChanged] = useState<Record<string, Referral>>({});
  const [form, setForm] = useState<ReferralForm>();
  const [formKey, setFormKey] = useState(0);
  const [partner, setPartner] = useState<string>();
  const [highlight, setHighlight] = useState<string>();
  const [awaiting, setAwaiting] = useState<Record<string, AwaitingClose>>({});
  const setAwaitingClose = useCallback((id: string, value: AwaitingClose) => setAwaiting((a) => ({ ...a, [id]: value })), []);
  const own = ownAddress(officeGlobal() as OpenMessageOffice | undefined);

  // A fresh list supersedes the local edits.
  useEffect(() => setChanged({}), [loaded.data]);
  const reload = (): void => setAttempt((n) => n + 1);
  const onChanged = useCallback((r: Referral) => setChanged((c) => ({ ...c, [r.id]: r })), []);
  const openForm = (initial: ReferralForm): void => {
    setForm(initial);
    setFormKey((n) => n + 1);
    setPartner(undefined);
  };
  const show = (id: string): void => {
    setPartner(undefined);
    setForm(undefined);
    setHighlight(id);
  };
  const logged = (r: Referral): void => {
    setForm(undefined);
    onChanged(r);
    setHighlight(r.id);
    announce(`Logged the referral of ${prospectName(r)}.`);
    reload();
  };

  const timeZone = loaded.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const items = useMemo(() => {
    const base = loaded.data?.items ?? [];
    const merged = base.map((r) => changed[r.id] ?? r);
    for (const r of Object.values(changed)) if (!base.some((b) => b.id === r.id)) merged.push(r);
    return merged;
  }, [loaded.data, changed]);
  const groups = groupReferrals(items);
  const partners = partnersOf(items);

  if (partner) {
    return <ReciprocityView api={api} email={partner} timeZone={timeZone} onBack={() => setPartner(undefined)} onUnauthorized={onUnauthorized} />;
  }

  const section = (title: string, list: Referral[], testId: string) =>
    list.length > 0 ? (
      <section className={styles.group} aria-label={title} data-testid={testId}>
        <h2 className={shared.groupTitle}>
          {title} ({list.length})
        </h2>
        {list.map((r) => (
          <ReferralCard
            key={r.id}
            referral={r}
            awaitingClose={awaiting[r.id]}
            setAwaitingClose={setAwaitingClose}
            api={api}
            office={office}
            timeZone={timeZone}
            highlighted={highlight === r.id}
            onChanged={onChanged}
            onShowPartner={setPartner}
            onUnauthorized={onUnauthorized}
            announce={announce}
          />
        ))}
      </section>
    ) : null;

  return (
    <div className={shared.view} data-testid="referrals-view">
      <IntroBanner api={api} selectionKey={selectionKey} onLogged={logged} onEdit={openForm} onShow={show} onUnauthorized={onUnauthorized} />

      {form ? (
        <div className={shared.card}>
          <LogReferralForm
            key={formKey}
            api={api}
            initial={form}
            ownAddress={own}
            onLogged={logged}
            onAlreadyLogged={(id) => {
              announce("That message is already logged as a referral.");
              if (id) show(id);
              else setForm(undefined);
            }}
            onCancel={() => setForm(undefined)}
            onUnauthorized={onUnauthorized}
          />
        </div>
      ) : (
        <div className={styles.toolbar}>
          <Button appearance="primary" size="small" onClick={() => openForm(emptyReferralForm)}>
            Log a referral
          </Button>
          {partners.length > 0 ? (
            <Select
              className={styles.partnerPicker}
              size="small"
              aria-label="Reciprocity with a partner"
              value=""
              onChange={(_, d) => d.value && setPartner(d.value)}
            >
              <option value="">Reciprocity with…</option>
              {partners.map((p) => (
                <option key={p.email} value={p.email}>
                  {p.displayName}
                </option>
              ))}
            </Select>
          ) : null}
        </div>
      )}

      {loaded.failure ? <NoticeBar notice={noticeFor(loaded.failure, "referrals")} onRetry={loaded.retry} /> : null}
      {loaded.loading && !loaded.data ? <Spinner size="small" label="Loading referrals…" /> : null}

      {section("Needs you", groups.needsYou, "referrals-needs-you")}
      {section("Coming up", groups.upcoming, "referrals-upcoming")}
      {section("Closed", groups.closed, "referrals-closed")}

      {loaded.data && items.length === 0 ? (
        <div className={shared.empty}>
          <Text weight="semibold">No referrals yet</Text>
          <Text size={200}>Log one when a partner introduces you to someone, or when you introduce someone to a partner. Open an introduction email and it is offered here.</Text>
        </div>
      ) : null}
    </div>
  );
}
