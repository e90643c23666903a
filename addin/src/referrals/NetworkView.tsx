import { useState } from "react";
import type { ApiCall } from "../api/client";
import { KeepInTouchView } from "../keepInTouch/KeepInTouchView";
import type { OfficeHost } from "../office/officeHost";
import { PromisesView } from "../promises/PromisesView";
import { useSharedStyles } from "../ui/styles";
import { ViewTabs } from "../ui/ViewTabs";
import { ReferralsView } from "./ReferralsView";

type Part = "referrals" | "promises" | "keepInTouch";

export interface NetworkViewProps {
  call: ApiCall;
  office: OfficeHost;
  selectionKey: unknown;
  refreshKey: unknown;
  onUnauthorized(): void;
  announce(text: string): void;
}

/**
 * One tab for the relationships the user keeps up (a 320 px pane has no room for three more):
 * referrals, promises and keep-in-touch, each a second-level tab.
 */
export function NetworkView({ call, office, selectionKey, refreshKey, onUnauthorized, announce }: NetworkViewProps) {
  const shared = useSharedStyles();
  const [part, setPart] = useState<Part>("referrals");
  const panel = (p: Part) => ({ role: "tabpanel", id: `panel-${p}`, "aria-labelledby": `tab-${p}`, className: part === p ? shared.view : undefined, hidden: part !== p }) as const;
  return (
    <div className={shared.view}>
      <ViewTabs<Part>
        label="Network"
        selected={part}
        tabs={[
          { value: "referrals", label: "Referrals", panelId: "panel-referrals" },
          { value: "promises", label: "Promises", panelId: "panel-promises" },
          { value: "keepInTouch", label: "Keep in touch", panelId: "panel-keepInTouch" },
        ]}
        onSelect={setPart}
      />
      {/* Every panel is in the DOM (each tab's aria-controls must resolve); only the selected one has content. */}
      <div {...panel("referrals")}>
        {part === "referrals" ? <ReferralsView call={call} office={office} selectionKey={selectionKey} refreshKey={refreshKey} onUnauthorized={onUnauthorized} announce={announce} /> : null}
      </div>
      <div {...panel("promises")}>{part === "promises" ? <PromisesView call={call} refreshKey={refreshKey} onUnauthorized={onUnauthorized} announce={announce} /> : null}</div>
      <div {...panel("keepInTouch")}>{part === "keepInTouch" ? <KeepInTouchView call={call} refreshKey={refreshKey} onUnauthorized={onUnauthorized} announce={announce} /> : null}</div>
    </div>
  );
}
