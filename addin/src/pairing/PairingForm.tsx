import { useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PlugConnected20Regular } from "@fluentui/react-icons";
import { normalisePairingCode } from "./apiKeyStore";
import { BusySpinner } from "../ui/BusySpinner";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: "480px", margin: "0 auto" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "flex-start" },
  input: { width: "100%" },
});

/** What the worker said to a code before the pane keeps it: a mistyped code is caught here, not later as "the saved code". */
export type PairingCheck = "accepted" | "refused" | "unknown";

export interface PairingFormProps {
  /** Why the form is shown again, e.g. after the worker answered 401. */
  message?: string | undefined;
  /** Asks the worker whether it takes this code; "unknown" (worker not reachable) keeps the code and lets the pane say so. */
  check?(key: string): Promise<PairingCheck>;
  onPaired(key: string): void;
}

/** Asked once: the code the worker printed on its console (or the whole pane URL it printed). */
export function PairingForm({ message, check, onPaired }: PairingFormProps) {
  const styles = useStyles();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);

  return (
    <main className={styles.pane}>
      <h1 className={styles.title}>Pair with your worker</h1>
      {message ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Pairing needed</MessageBarTitle>
            {message}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Text>
        When the OfficeFollowUp worker starts, it prints a pairing code and a task pane link on its console. Paste either one
        here; the pane remembers it on this computer.
      </Text>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          const code = normalisePairingCode(value);
          if (!code) {
            setError("That doesn't look like a pairing code. Copy it from the worker's console.");
            return;
          }
          setError(undefined);
          if (!check) {
            onPaired(code);
            return;
          }
          setChecking(true);
          void check(code).then((answer) => {
            setChecking(false);
            if (answer === "refused") setError("Your worker did not accept this code. Copy it again from the worker's console: the whole line after \"Pairing code\", or the task pane link.");
            else onPaired(code);
          });
        }}
      >
        <Field className={styles.input} label="Pairing code" required validationMessage={error} validationState={error ? "error" : "none"}>
          <Input value={value} onChange={(_, d) => setValue(d.value)} autoComplete="off" spellCheck={false} placeholder="Paste the code or link" />
        </Field>
        <Button type="submit" appearance="primary" disabled={checking} icon={checking ? <BusySpinner label="Checking the code" /> : <PlugConnected20Regular />}>
          {checking ? "Checking…" : "Pair"}
        </Button>
      </form>
    </main>
  );
}
