import { Spinner, type SpinnerProps } from "@fluentui/react-components";

/**
 * The spinner a button shows while its action runs. A spinner is a progressbar to assistive technology and needs a
 * name (axe: aria-progressbar-name), so it says what is happening ("Saving").
 */
export function BusySpinner({ label, size = "extra-tiny" }: { label: string; size?: SpinnerProps["size"] }) {
  return <Spinner size={size} aria-label={label} />;
}
