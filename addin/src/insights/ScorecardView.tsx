import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useApi } from "../api/ApiContext";
import { LoadState } from "../ui/LoadState";
import { useSharedStyles } from "../ui/styles";
import { useLoad } from "../ui/useLoad";
import type { Scorecard } from "./model";
import { chartBars, scoreTiles } from "./scorecard";

const useStyles = makeStyles({
  tiles: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(8.5em, 1fr))", gap: tokens.spacingHorizontalS, margin: 0, padding: 0 },
  tile: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0 },
  // The number reads first on screen; in the DOM the term comes first, as <dl> requires.
  value: { order: -1, margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
  chart: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalXXS, height: "120px", paddingTop: tokens.spacingVerticalS },
  week: { display: "flex", flexDirection: "column", alignItems: "center", gap: tokens.spacingVerticalXXS, flex: "1 1 0", minWidth: 0, height: "100%" },
  weekLabel: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, textAlign: "center", color: tokens.colorNeutralForeground3 },
  bars: { display: "flex", alignItems: "flex-end", gap: "2px", flexGrow: 1, width: "100%", justifyContent: "center" },
  // No minimum height: a week with nothing draws nothing (its zero is in the table).
  bar: { width: "40%", maxWidth: "0.8em", borderRadius: `${tokens.borderRadiusSmall} ${tokens.borderRadiusSmall} 0 0` },
  barNew: { backgroundColor: tokens.colorNeutralStroke1 },
  barThanked: { backgroundColor: tokens.colorBrandBackground },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  key: { display: "inline-block", width: "0.8em", height: "0.8em", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
});

export function ScorecardView({ refreshKey }: { refreshKey: unknown }) {
  const { call } = useApi();
  const loaded = useLoad((signal) => call<Scorecard>("GET", "/api/scorecard", undefined, signal), refreshKey);
  return (
    <LoadState {...loaded} what="the scorecard" label="Loading the scorecard…">
      {(data) => <ScorecardBody data={data} />}
    </LoadState>
  );
}

function ScorecardBody({ data }: { data: Scorecard }) {
  const shared = useSharedStyles();
  const styles = useStyles();
  const bars = chartBars(data.weeks);

  return (
    <div className={shared.view} data-testid="scorecard">
      <Text size={200}>How your follow-up is going, counted over people whose window has closed.</Text>
      <dl className={styles.tiles}>
        {scoreTiles(data).map((t) => (
          <div key={t.key} className={`${shared.card} ${styles.tile}`} data-testid={`score-${t.key}`}>
            <dt>
              <Text size={200} weight="medium">
                {t.label}
              </Text>
              <br />
              <Caption1 className={shared.meta}>{t.hint}</Caption1>
            </dt>
            <dd className={styles.value} data-testid="score-value">
              {t.value}
            </dd>
          </div>
        ))}
      </dl>

      <section className={shared.view} aria-labelledby="weeks-title">
        <h2 id="weeks-title" className={shared.groupTitle}>
          Week by week
        </h2>
        {bars.length === 0 ? (
          <Text size={200}>No weeks to show yet.</Text>
        ) : (
          <>
            {/* The bars are a picture of the table below, which is what a screen reader reads. */}
            <div className={styles.chart} aria-hidden="true" data-testid="week-chart">
              {bars.map((b) => (
                <div key={b.weekStart} className={styles.week}>
                  <div className={styles.bars}>
                    {b.newAcquaintances > 0 ? <div className={`${styles.bar} ${styles.barNew}`} style={{ height: `${b.newHeight * 100}%` }} /> : null}
                    {b.thanked > 0 ? <div className={`${styles.bar} ${styles.barThanked}`} style={{ height: `${b.thankedHeight * 100}%` }} /> : null}
                  </div>
                  <span className={styles.weekLabel}>{b.label}</span>
                </div>
              ))}
            </div>
            <div className={styles.legend} aria-hidden="true">
              <Caption1>
                <span className={`${styles.key} ${styles.barNew}`} />
                New acquaintances
              </Caption1>
              <Caption1>
                <span className={`${styles.key} ${styles.barThanked}`} />
                Thank-yous sent within 24 hours
              </Caption1>
            </div>
            {/* A table ignores a 1 px width, so the wrapper is what is visually hidden. */}
            <div className={shared.visuallyHidden}>
            <table>
              <caption>New acquaintances and thank-yous within 24 hours, by week</caption>
              <thead>
                <tr>
                  <th scope="col">Week of</th>
                  <th scope="col">New acquaintances</th>
                  <th scope="col">Thanked within 24 hours</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((b) => (
                  <tr key={b.weekStart}>
                    <th scope="row">{b.label}</th>
                    <td>{b.newAcquaintances}</td>
                    <td>{b.thanked}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
