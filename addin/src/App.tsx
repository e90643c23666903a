import { useCallback, useMemo, useState } from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createApiCall } from "./followups/api";
import type { OfficeHost } from "./office/officeHost";
import { useThemeName } from "./office/useThemeName";
import { forgetApiKey, loadApiKey, safeStorage, saveApiKey } from "./pairing/apiKeyStore";
import { PairingForm } from "./pairing/PairingForm";
import { Pane } from "./Pane";

export function App({ office }: { office: OfficeHost }) {
  const theme = useThemeName(office);
  const storage = useMemo(safeStorage, []);
  const [apiKey, setApiKey] = useState(() => loadApiKey(window.location, window.history, storage));
  const [pairingMessage, setPairingMessage] = useState<string>();
  const call = useMemo(() => (apiKey ? createApiCall({ apiKey }) : undefined), [apiKey]);

  const onUnauthorized = useCallback(() => {
    forgetApiKey(storage);
    setApiKey(undefined);
    setPairingMessage("Your worker did not accept the saved pairing code (it may have been reset). Paste the code it prints on start.");
  }, [storage]);

  const onForgetKey = useCallback(() => {
    forgetApiKey(storage);
    setApiKey(undefined);
    setPairingMessage(undefined);
  }, [storage]);

  const onPaired = useCallback(
    (key: string) => {
      saveApiKey(storage, key);
      setPairingMessage(undefined);
      setApiKey(key);
    },
    [storage],
  );

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      {call ? <Pane call={call} office={office} onUnauthorized={onUnauthorized} onForgetKey={onForgetKey} /> : <PairingForm message={pairingMessage} onPaired={onPaired} />}
    </FluentProvider>
  );
}
