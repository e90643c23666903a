/**
 * What the sign-in redirect page (auth-redirect.html) says around MSAL's handoff. The handoff itself is
 * MSAL's: it reads the response Entra put in the URL, posts it to the pane on a BroadcastChannel named
 * after the id in the response's state, and closes the popup. When there is no response to hand off
 * (the page opened by hand, from history, or with a mangled URL) MSAL throws, and the user gets a
 * sentence instead of a blank window.
 */

export const handedOff = "Signed in. You can close this window.";
export const nothingToHandOff =
  "There is no sign-in to finish here. This page completes a Microsoft 365 sign-in started from the OfficeFollowUp pane in Outlook: close this window and sign in from the pane.";

export async function handOffSignIn(broadcast: () => Promise<void>, show: (text: string) => void): Promise<boolean> {
  try {
    await broadcast();
    // MSAL closes the popup; this shows only where the browser refused to close it.
    show(handedOff);
    return true;
  } catch {
    show(nothingToHandOff);
    return false;
  }
}
