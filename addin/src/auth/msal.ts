import type { MsalModule } from "./tokenProvider";

/**
 * MSAL.js in its own chunk, fetched only inside Outlook with Entra sign-in configured: a browser
 * using the pairing code never downloads it.
 */
export function loadMsal(): Promise<MsalModule> {
  return import("@azure/msal-browser");
}
