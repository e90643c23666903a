import { Select } from "@fluentui/react-components";
import { channelOptions, type Channel } from "./person";

/**
 * The preferred-channel choice, in the order a person thinks of them. The empty choice's label says
 * what "no channel" means where the select is used ("Not said" for a promise, "Not known" for a person).
 */
export function ChannelSelect(props: {
  value: Channel | "";
  emptyLabel: string;
  disabled?: boolean;
  onChange: (channel: Channel | "") => void;
}) {
  return (
    <Select value={props.value} disabled={props.disabled} onChange={(_, d) => props.onChange(d.value as Channel | "")}>
      <option value="">{props.emptyLabel}</option>
      {channelOptions.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </Select>
  );
}
