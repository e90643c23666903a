import { useState } from "react";
import { KeepInTouchView } from "../keepInTouch/KeepInTouchView";
import { PromisesView } from "../promises/PromisesView";
import { useSharedStyles } from "../ui/styles";
import { ViewTabs } from "../ui/ViewTabs";
import { ReferralsView, type ReferralsViewProps } from "./ReferralsView";

type Part = "referrals" | "promises" | "keepInTouch";

/**
 * One tab for the relationships the user keeps up (a 320 px pane has no room for three more):
 * referrals, promises and keep-in-touch, each a second-level tab. Referrals need the most from the
 * pane, so their props are the tab's.
 */
export function NetworkView(props: ReferralsViewProps) {
  const { refreshKey, announce } = props;
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
        {part === "referrals" ? <ReferralsView {...props} /> : null}
      </div>
      <div {...panel("promises")}>{part === "promises" ? <PromisesView refreshKey={refreshKey} announce={announce} /> : null}</div>
      <div {...panel("keepInTouch")}>{part === "keepInTouch" ? <KeepInTouchView refreshKey={refreshKey} announce={announce} office={props.office} /> : null}</div>
    </div>
  );
}
