import { useId, useState } from "react";
import { Badge, Button, Caption1, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { channelName, normaliseChannel } from "../people/person";
import { LoadState } from "../ui/LoadState";
import { formatDate } from "../time/formatDue";
import { useSharedStyles } from "../ui/styles";
import { TextWithEmails } from "../ui/TextWithEmails";
import { useLoad } from "../ui/useLoad";
import type { ReferralsApi } from "./api";
import type { Referral } from "./model";
import { outcomeLabel } from "./outcome";
import { prospectName } from "./referralList";

const useStyles = makeStyles({
  name: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  stats: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS, margin: 0 },
  stat: { display: "flex", flexDirection: "column", margin: 0 },
  statValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { listStyleType: "none", display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap", overflowWrap: "anywhere" },
  ask: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

export interface ReciprocityViewProps {
  api: ReferralsApi;
  email: string;
  timeZone: string;
  onBack(): void;
}

/** One partner: what went each way, how it ended, and the walk-through to do together before asking for referrals back. */
export function ReciprocityView({ api, email, timeZone, onBack }: ReciprocityViewProps) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const titleId = useId();
  const loaded = useLoad((signal) => api.reciprocity(email, signal), email);
  const { data } = loaded;
  // The checklist is for the conversation in front of the user; nothing is sent or stored.
  const [checked, setChecked] = useState<Record<string, boolean>>({});

  const channel = normaliseChannel(data?.preferredChannel);
  const date = (iso: string): string => formatDate(new Date(iso), timeZone);
  const name = data?.partner.displayName || email;

  return (
    <section className={shared.view} aria-labelledby={titleId} data-testid="reciprocity">
      <div>
        <Button size="small" appearance="subtle" onClick={onBack}>
          ← All referrals
        </Button>
      </div>
      <h2 id={titleId} className={styles.name}>
        {name}
      </h2>
      <LoadState {...loaded} what="this partner's referrals" label="Loading…" size="small" />
      {data ? (
        <>
          <Caption1 className={shared.meta}>
            <TextWithEmails
              text={[data.partner.email, channel ? `Prefers ${channelName(channel)}` : undefined, data.lastOneToOne ? `Last one-to-one ${date(data.lastOneToOne)}` : "No one-to-one on your calendar yet"]
                .filter(Boolean)
                .join(" · ")}
            />
          </Caption1>
          <dl className={styles.stats}>
            <Stat label="You gave" count={data.givenCount} won={data.givenWon} testId="given-count" />
            <Stat label="You received" count={data.receivedCount} won={data.receivedWon} testId="received-count" />
          </dl>
          {data.partnerNotFollowingUp ? (
            <Badge appearance="tint" color="warning" shape="rounded">
              {name} has not followed up on a referral you gave
            </Badge>
          ) : null}

          <ReferralList title="Received from them" items={data.received} date={date} />
          <ReferralList title="Given to them" items={data.given} date={date} />

          {data.walkThrough.length > 0 ? (
            <section className={shared.view} aria-label="Walk through your referrals">
              <h3 className={styles.sectionTitle}>Walk through your referrals</h3>
              <ul className={styles.list}>
                {data.walkThrough.map((w) => (
                  <li key={w.referralId} className={styles.item} data-testid="walk-through-item">
                    <Checkbox
                      checked={checked[w.referralId] === true}
                      onChange={(_, d) => setChecked((c) => ({ ...c, [w.referralId]: d.checked === true }))}
                      label={w.ask}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <Text className={styles.ask} data-testid="ask-back">
            {data.askBack}
          </Text>
        </>
      ) : null}
    </section>
  );
}

/** One direction's count and how many of them were won, as a term and its two descriptions. */
function Stat({ label, count, won, testId }: { label: string; count: number; won: number; testId: string }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <div className={styles.stat}>
      <dt>
        <Caption1>{label}</Caption1>
      </dt>
      <dd className={styles.statValue} data-testid={testId}>
        {count}
      </dd>
      <dd className={styles.stat}>
        <Caption1 className={shared.meta}>{won} won</Caption1>
      </dd>
    </div>
  );
}

function ReferralList({ title, items, date }: { title: string; items: Referral[]; date(iso: string): string }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  if (items.length === 0) return null;
  return (
    <section className={shared.view} aria-label={title}>
      <h3 className={styles.sectionTitle}>{title}</h3>
      <ul className={styles.list}>
        {items.map((r) => (
          <li key={r.id} className={styles.item}>
            <Text size={200}>{prospectName(r)}</Text>
            <Caption1 className={shared.meta}>
              {date(r.referredAt)} · {r.outcome ? outcomeLabel(r.outcome) : "open"}
            </Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
