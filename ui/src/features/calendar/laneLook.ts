// What a lane's session blocks and gap marks show, worked out as plain values (no DOM): the lane
// draws them itself (laneDraw.ts), so that a crowded day's hundreds of blocks cost one
// computation per lane instead of a dozen per block.
import type { Finding } from "../../bindings";
import { lang, t } from "../../i18n";
import { badgeLook, type BadgeLook } from "../findings/findings";
import type { Gap } from "./layout";

/** Below these widths (px) a gap's label, a block's times, then its title and badge are left out
 * (the tooltip and the accessible name keep them); a slim block shows its worst finding by the
 * colour of its edge. */
export const GAP_LABEL_PX = 52;
export const TIMES_PX = 60;
export const TEXT_PX = 44;

/** The fields of a session a block shows. */
export interface BlockSession {
  id: string;
  title: string;
  start: string;
  end: string;
}

/** One session block, as drawn. */
export interface BlockLook {
  /** Left edge and width, in percent of the day shown. */
  left: number;
  width: number;
  /** The class list, but for the selection's classes (`selected`, `flash`). */
  classes: string;
  /** The tooltip: the title, the times and (slim) the findings. */
  tip: string;
  /** The accessible name of a slim block (a wide one is named by its text). */
  label: string | null;
  /** The text inside: none on a slim block. */
  text: { title: string; times: string | null; badge: BadgeLook | null } | null;
}

/**
 * A session's block: placed by `x` (an instant → percent of the day), its text by the px it has
 * (`pxPerPct`), `fmt` formats its times.
 */
export function blockLook(
  s: BlockSession,
  findings: readonly Finding[],
  x: (instant: string) => number,
  fmt: (instant: string) => string,
  pxPerPct: number,
): BlockLook {
  const left = x(s.start);
  const width = Math.max(0.5, x(s.end) - left);
  const px = width * pxPerPct;
  const slim = px < TEXT_PX;
  const times = t("calendar.sessionTimes", { start: fmt(s.start), end: fmt(s.end) });
  if (!slim) {
    return {
      left,
      width,
      classes: findings.length > 0 ? "has-badge" : "",
      tip: `${s.title}\n${times}`,
      label: null,
      text: { title: s.title, times: px >= TIMES_PX ? times : null, badge: badgeLook(findings) },
    };
  }
  const badge = badgeLook(findings);
  const about = badge ? `${times}\n${badge.tip}` : times;
  return {
    left,
    width,
    classes: badge ? `slim sev-edge-${badge.severity}` : "slim",
    tip: `${s.title}\n${about}`,
    label: `${s.title}, ${about}`,
    text: null,
  };
}

/** A block's whole class list. */
export function blockClasses(look: BlockLook, selected: boolean, flash: boolean): string {
  let c = selected ? "session-block selected" : "session-block";
  if (flash) c += " flash";
  return look.classes ? `${c} ${look.classes}` : c;
}

/** One short gap (or overlap) between two sessions of a lane, as drawn. */
export interface GapLook {
  overlap: boolean;
  left: number;
  width: number;
  /** The label on a mark wide enough for it. */
  label: string | null;
  tip: string;
}

export function gapLook(g: Gap, x: (instant: string) => number, pxPerPct: number): GapLook {
  const overlap = g.minutes < 0;
  const left = x(overlap ? g.after.start : g.before.end);
  const width = x(overlap ? g.before.end : g.after.start) - left;
  const wide = width * pxPerPct >= GAP_LABEL_PX;
  return {
    overlap,
    left,
    width,
    label: wide ? (overlap ? t("calendar.overlap") : t("calendar.gap", { min: g.minutes })) : null,
    tip: gapTip(g.minutes),
  };
}

// A gap's tooltip by its minutes (an overlap's has none): the hundreds of gaps of a crowded day
// share a few texts, each filled in once per language.
let tipsLang: unknown = null;
const tips = new Map<number, string>();
function gapTip(minutes: number): string {
  const l = lang();
  if (tipsLang !== l) {
    tips.clear();
    tipsLang = l;
  }
  const key = minutes < 0 ? -1 : minutes;
  let tip = tips.get(key);
  if (tip === undefined) {
    tip = key < 0 ? t("calendar.overlapTitle") : t("calendar.gapTitle", { min: key });
    tips.set(key, tip);
  }
  return tip;
}

/** Whether two looks draw the same (numbers and texts alike). */
export function sameLook<L extends object>(a: L | undefined, b: L): boolean {
  if (!a) return false;
  for (const k in b) {
    const x = a[k] as unknown;
    const y = b[k] as unknown;
    if (x === y) continue;
    if (x && y && typeof x === "object" && typeof y === "object") {
      if (!sameLook(x as object, y as object)) return false;
    } else return false;
  }
  return true;
}
