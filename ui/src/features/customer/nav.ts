// Where a jump to something (a finding's subject) lands in customer-lead mode, which has no
// Calendar, People, Settings, Destinations or Live tab.
import type { Tab } from "../../state";

/** The customer tab nearest to a subject, or `null` when the customer has nothing to show for it. */
export function customerTabFor(kind: string): Extract<Tab, "schedule" | "speakers" | "branding"> | null {
  switch (kind) {
    case "session":
    case "segment":
      return "schedule";
    case "person":
      return "speakers";
    case "brandItem":
      return "branding";
    default:
      return null;
  }
}
