import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { handOffSignIn } from "./handOffSignIn";

// Entry of auth-redirect.html, the redirectUri MSAL gives Entra: only MSAL's small redirect-bridge
// module and a status line, never the pane (a separate chunk; see vite.config.ts).
const status = document.getElementById("status");
void handOffSignIn(broadcastResponseToMainFrame, (text) => {
  document.title = "OfficeFollowUp – Sign-in";
  if (status) status.textContent = text;
});
