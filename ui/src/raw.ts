// Solid's store "unwraps" every value it is given (and `reconcile` does it again first): a walk of
// the value's whole tree, reading every object's property descriptors, to take out store proxies
// nested in it. A view just parsed from the core's JSON holds none, and at 2,000 sessions that
// walk (about 150,000 objects, twice) was 184 ms of the 750 ms it took to show the calendar.
import { $RAW } from "solid-js/store";

/**
 * Marks `v`, a fresh object that holds no store proxy (just parsed from JSON), as raw already:
 * the store's unwrap then returns it at once instead of walking it. Returns `v`.
 */
export function markRaw<T extends object>(v: T): T {
  if (!Object.prototype.hasOwnProperty.call(v, $RAW)) {
    Object.defineProperty(v, $RAW, { value: v, enumerable: false, configurable: true });
  }
  return v;
}
