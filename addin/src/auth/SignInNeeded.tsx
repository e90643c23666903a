import { Body1, Button, Link, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: "480px", margin: "0 auto" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** Microsoft 365 sign-in did not give the worker a token it accepts: try again, or pair instead. */
export function SignInNeeded({ onSignIn, onUsePairing }: { onSignIn(): void; onUsePairing(): void }) {
  const styles = useStyles();
  return (
    <main className={styles.box}>
      <h1 className={styles.title}>Sign in to OfficeFollowUp</h1>
      <Body1>Your worker needs your Microsoft 365 sign-in. If a sign-in window was closed or blocked, try again.</Body1>
      <div>
        <Button appearance="primary" onClick={onSignIn}>
          Sign in
        </Button>
      </div>
      <Link as="button" onClick={onUsePairing}>
        Use a pairing code instead
      </Link>
    </main>
  );
}
