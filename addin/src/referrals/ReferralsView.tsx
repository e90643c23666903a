import { useCallback, useEffect, useMemo, useState } from "react";
import { Button, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useClient } from "../api/ApiContext";
import { officeGlobal, type OfficeHost } from "../office/officeHost";
import { browserTimeZone } from "../time/zonedTime";
import { EmptyState, LoadState } from "../ui/LoadState";
import { useSharedStyles } from "../ui/styles";
import { useLoad } from "../ui/useLoad";
import { createReferralsApi } from "./api";
import { IntroBanner } from "./IntroBanner";
import { LogReferralForm } from "./LogReferralForm";
import type { Referral } from "./model";
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
  office: OfficeHost;
  /** Changes with Outlook's selected item, so the intro banner looks at the new message. */
  selectionKey: unknown;
  refreshKey: unknown;
  announce(text: string): void;
}

/** Referrals received and given: what each asks of the user now, outcomes, and each partner's reciprocity. */
export function ReferralsView({ office, selectionKey, refreshKey, announce }: ReferralsViewProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const api = useClient(createReferralsApi);
  const loaded = useLoad((signal) => api.list(signal), refreshKey);
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
    loaded.retry();
  };

  const timeZone = loaded.data?.timeZone ?? browserTimeZone();
  const items = useMemo(() => {
    const base = loaded.data?.items ?? [];
    const merged = base.map((r) => changed[r.id] ?? r);
    for (const r of Object.values(changed)) if (!base.some((b) => b.id === r.id)) merged.push(r);
    return merged;
  }, [loaded.data, changed]);
  const groups = groupReferrals(items);
  const partners = partnersOf(items);

  if (partner) {
    return <ReciprocityView api={api} email={partner} timeZone={timeZone} onBack={() => setPartner(undefined)} />;
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
            announce={announce}
          />
        ))}
      </section>
    ) : null;

  return (
    <div className={shared.view} data-testid="referrals-view">
      <IntroBanner selectionKey={selectionKey} onLogged={logged} onEdit={openForm} onShow={show} />

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

      <LoadState {...loaded} what="referrals" label="Loading referrals…" size="small" />

      {section("Needs you", groups.needsYou, "referrals-needs-you")}
      {section("Coming up", groups.upcoming, "referrals-upcoming")}
      {section("Closed", groups.closed, "referrals-closed")}

      {loaded.data && items.length === 0 ? (
        <EmptyState title="No referrals yet">
          Log one when a partner introduces you to someone, or when you introduce someone to a partner. Open an introduction email and it is offered here.
        </EmptyState>
      ) : null}
    </div>
  );
}
