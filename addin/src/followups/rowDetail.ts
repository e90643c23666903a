import { channelName, normaliseChannel, type Channel } from "../people/person";
import { safeHttpUrl } from "../prompts/followUpForm";
import type { FollowUp } from "./model";

const connectActions: Record<Channel, string> = {
  linkedIn: "Connect on LinkedIn",
  email: "Connect by email",
  phone: "Connect by phone",
  whatsApp: "Connect on WhatsApp",
  inPerson: "Connect in person",
};

export interface RowLink {
  href: string;
  /** Visible text: the host and path, shortened, so the user sees where it goes. */
  text: string;
}

/** What a row says beyond person, step and due time; each part is optional. */
export interface RowDetail {
  /** "Met at Chamber of Commerce business mixer". */
  context?: string;
  /** What to do for this step, e.g. "Connect on LinkedIn". */
  action?: string;
  link?: RowLink;
  /** The worker's note, or what the prepared state means. */
  note?: string;
}

function linkText(url: URL): string {
  const text = `${url.hostname.replace(/^www\./, "")}${url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "")}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** What rowDetail reads: a follow-up, or any Today item mapped to these names. */
export interface DetailSource {
  step: string;
  eventSubject?: string | null;
  /** Ready-made context ("Referred by …"); wins over eventSubject. */
  context?: string | null;
  preferredChannel?: string | null;
  profileUrl?: string | null;
  holdEventId?: string | null;
  note?: string | null;
  /** Whom the step is for: a connect step without a profile link searches for them by name. */
  personName?: string | null;
}

export function rowDetail(item: DetailSource | FollowUp): RowDetail {
  const detail: RowDetail = {};
  const subject = item.eventSubject?.trim();
  const context = "context" in item ? item.context?.trim() : undefined;
  if (context) detail.context = context;
  else if (subject) detail.context = `Met at ${subject}`;
  const channel = normaliseChannel(item.preferredChannel);

  switch (item.step) {
    case "connect": {
      detail.action = connectActions[channel ?? "linkedIn"];
      const url = safeHttpUrl(item.profileUrl);
      if (url) detail.link = { href: url.href, text: linkText(url) };
      else if ((channel ?? "linkedIn") === "linkedIn") {
        // No profile link saved: say what to do instead of a button that goes nowhere.
        const name = "personName" in item ? item.personName?.trim() : undefined;
        detail.action = name ? `No LinkedIn link saved: search for ${name} on LinkedIn, or add their profile to the contact` : "No LinkedIn link saved: search for them on LinkedIn, or add their profile to the contact";
        if (name) detail.link = { href: `https://www.linkedin.com/search/results/people/?keywords=${encodeURIComponent(name)}`, text: "Search LinkedIn" };
      }
      break;
    }
    case "oneToOne":
      if (item.holdEventId) detail.action = "Hold placed on your calendar; turn it into an invitation";
      else detail.action = "Meet one-to-one";
      if (channel) detail.action += ` · prefers ${channelName(channel)}`;
      break;
    default:
      if (channel) detail.action = `Prefers ${channelName(channel)}`;
  }
  const note = item.note?.trim();
  if (note) detail.note = note;
  return detail;
}
