import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from "react";
import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ApiProvider } from "./api/ApiContext";
import { createApiCall } from "./api/client";
import { loadAfterFirstPaint } from "./auth/afterFirstPaint";
import { loadMsal } from "./auth/msal";
import { pairingSignIn, startSignIn, type SignIn } from "./auth/signIn";
import { SignInNeeded } from "./auth/SignInNeeded";
import type { OfficeHost } from "./office/officeHost";
import { useThemeName } from "./office/useThemeName";
import { forgetApiKey, loadApiKey, safeStorage, saveApiKey } from "./pairing/apiKeyStore";
import { checkPairingCode } from "./pairing/checkPairingCode";
import { Pane } from "./Pane";

// The first token is asked for as the pane shell mounts; MSAL (~80 kB gzip) is fetched only after that shell is
// painted, so the first render inside Outlook costs the pane's own chunk alone (the sign-in budget, ≤ 200 kB).
const loadMsalAfterFirstPaint = loadAfterFirstPaint(loadMsal);

const PairingForm = lazy(() => import("./pairing/PairingForm").then((m) => ({ default: m.PairingForm })));

export function App({ office }: { office: OfficeHost }) {
  const theme = useThemeName(office);
  const storage = useMemo(safeStorage, []);
  // A plain browser pairs at once; inside Outlook the worker's /auth-config.json decides first.
  const [signIn, setSignIn] = useState<SignIn | undefined>(() => (office.inOutlook ? undefined : pairingSignIn));
  const [apiKey, setApiKey] = useState(() => loadApiKey(window.location, window.history, storage));
  const [pairingMessage, setPairingMessage] = useState<string>();
  const [entraRefused, setEntraRefused] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!office.inOutlook) return;
    let live = true;
    void startSignIn({ inOutlook: true, origin: window.location.origin, fetch: globalThis.fetch.bind(globalThis), loadMsal: loadMsalAfterFirstPaint }).then((s) => live && setSignIn(s));
    return () => {
      live = false;
    };
  }, [office]);

  const call = useMemo(() => {
    if (signIn?.mode === "entra") return createApiCall({ tokens: signIn.tokens });
    return signIn && apiKey ? createApiCall({ apiKey }) : undefined;
    // `attempt` makes a fresh client after "Sign in" so its first call asks MSAL again.
  }, [signIn, apiKey, attempt]);

  const onUnauthorized = useCallback(() => {
    if (signIn?.mode === "entra") {
      setEntraRefused(true);
      return;
    }
    forgetApiKey(storage);
    setApiKey(undefined);
    setPairingMessage("Your worker did not accept the saved pairing code (it may have been reset). Paste the code it prints on start.");
  }, [storage, signIn]);

  const onForgetKey = useCallback(() => {
    // Signed in with Microsoft 365 there is no key to forget: the footer's "Use a pairing code instead" switches to pairing.
    if (signIn?.mode === "entra") setSignIn(pairingSignIn);
    forgetApiKey(storage);
    setApiKey(undefined);
    setPairingMessage(undefined);
  }, [storage, signIn]);

  const onPaired = useCallback(
    (key: string) => {
      saveApiKey(storage, key);
      setPairingMessage(undefined);
      setApiKey(key);
    },
    [storage],
  );

  const body = !signIn ? (
    <Spinner label="Starting…" />
  ) : signIn.mode === "entra" && entraRefused ? (
    <SignInNeeded
      onSignIn={() => {
        setEntraRefused(false);
        setAttempt((n) => n + 1);
      }}
      onUsePairing={() => {
        setEntraRefused(false);
        setSignIn(pairingSignIn);
      }}
    />
  ) : call ? (
    <ApiProvider call={call} onUnauthorized={onUnauthorized}>
      <Pane office={office} signInMode={signIn.mode} onForgetKey={onForgetKey} />
    </ApiProvider>
  ) : (
    <Suspense fallback={<Spinner label="Starting…" />}>
      <PairingForm message={pairingMessage} check={checkPairingCode} onPaired={onPaired} />
    </Suspense>
  );

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      {body}
    </FluentProvider>
  );
}
