import { For } from "solid-js";
import { listTimeZones } from "../time";

export const ZONE_LIST_ID = "iana-zones";
let zones: string[] | null = null;

/** `<datalist>` of IANA zones for zone inputs (`list={ZONE_LIST_ID}`). */
export function ZoneDatalist() {
  zones ??= listTimeZones();
  return (
    <datalist id={ZONE_LIST_ID}>
      <For each={zones}>{(z) => <option value={z} />}</For>
    </datalist>
  );
}
