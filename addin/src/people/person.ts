/** A person the user knows (keyed by email address), and how they like to be reached. */

/** How a person likes to be reached; shown on every reminder. */
export type Channel = "email" | "phone" | "linkedIn" | "whatsApp" | "inPerson";

export interface Person {
  displayName: string;
  email: string;
}

const channelNames: Record<Channel, string> = {
  email: "email",
  phone: "phone",
  linkedIn: "LinkedIn",
  whatsApp: "WhatsApp",
  inPerson: "in person",
};

/** Labels for the preferred-channel choice, in the order a person thinks of them. */
export const channelOptions: ReadonlyArray<{ value: Channel; label: string }> = [
  { value: "linkedIn", label: "LinkedIn" },
  { value: "email", label: "Email" },
  { value: "phone", label: "Phone" },
  { value: "whatsApp", label: "WhatsApp" },
  { value: "inPerson", label: "In person" },
];

/** The worker's spelling may differ in case ("LinkedIn" vs "linkedIn"); anything unknown is dropped. */
export function normaliseChannel(value: string | null | undefined): Channel | null {
  if (!value) return null;
  const lower = value.toLowerCase();
  return channelOptions.find((c) => c.value.toLowerCase() === lower)?.value ?? null;
}

export function channelName(channel: Channel | string): string {
  return (channelNames as Record<string, string>)[channel] ?? channel;
}

