// Stages as lanes on a day timeline: hour grid, shaded support window, short gaps.
import {
  createComputed,
  createEffect,
  createMemo,
  createRoot,
  createSelector,
  createSignal,
  For,
  Index,
  on,
  onCleanup,
  Show,
} from "solid-js";
import type { Session, Stage } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { lang, t } from "../../i18n";
import { applyEdit, hour12, highlight, selectedSessionId, setSelectedSessionId, view, viewRaw } from "../../state";
import { formatHourLabel, formatTime, localDateKey } from "../../time";
import { SeverityIcon } from "../../components/Severity";
import { createWindow } from "../../components/createWindow";
import { spacers } from "../../components/window";
import { findingsOf, sessionById, sessionsOfStage } from "../../indexes";
import { sameItems } from "../../lookup";
import { FindingBadge } from "../findings/FindingBadge";
import { worstSeverity } from "../findings/findings";
import { dayMinutes, dayRange, keepGaps, pct, sessionsOnDay, shortGaps, type DayRange, type Gap } from "./layout";

/** A lane's height in px (its track plus the border between lanes): lanes are windowed. */
export const LANE_PX = 63;

/** The last jump whose lane was scrolled into view (a remount does not scroll again). */
let revealedN = 0;

export function Timeline(props: { day: string }) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  // Measured again after each write into the sessions (from their plain objects: the day's
  // sessions are only measured here, never shown; the zone and the support window through the
  // store), and set only when it changes: every lane and block reads it, and a memo would first
  // mark them all as maybe stale after each such write (a new object would re-render them all).
  const [range, setRange] = createSignal<DayRange>(dayRange([], props.day, "UTC", null), {
    equals: (a, b) => a.startMin === b.startMin && a.endMin === b.endMin,
  });
  createComputed(() => {
    const raw = viewRaw("sessions");
    const shown = view();
    if (!raw || !shown) return;
    const z = shown.data.event.timeZone;
    setRange(dayRange(sessionsOnDay(raw.data.sessions, props.day, z), props.day, z, shown.schedule.supportWindow));
  });
  const hours = createMemo(
    () => {
      const out: number[] = [];
      for (let m = range().startMin; m <= range().endMin; m += 60) out.push(m / 60);
      return out;
    },
    undefined,
    { equals: sameItems },
  );
  const support = createMemo(
    () => {
      const w = v().schedule.supportWindow;
      if (!w) return null;
      const s = dayMinutes(w.start, props.day, zone());
      const e = dayMinutes(w.end, props.day, zone());
      if (e <= range().startMin || s >= range().endMin || e <= s) return null;
      return { left: pct(s, range()), right: pct(e, range()), start: w.start, end: w.end };
    },
    undefined,
    {
      equals: (a, b) =>
        a === b ||
        (!!a && !!b && a.left === b.left && a.right === b.right && a.start === b.start && a.end === b.end),
    },
  );

  // The lanes' width in px: blocks too narrow for their text show less (a 50-session day).
  const [trackPx, setTrackPx] = createSignal(
    typeof window === "undefined" ? 800 : Math.max(200, window.innerWidth - 560),
  );
  const measureTrack = (el: HTMLElement) => {
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => {
      if (el.clientWidth > 0) setTrackPx(el.clientWidth);
    });
    ro.observe(el);
    onCleanup(() => ro.disconnect());
  };

  // Only the lanes on screen are rendered (40 stages × 50 sessions would be 2,000 blocks).
  const stages = () => v().data.stages;
  // Lazy: no lane before the lanes' place is measured (in the frame that first paints them), then
  // the lanes on screen, and the overscan a frame later.
  const win = createWindow({
    count: () => stages().length,
    rowHeight: LANE_PX,
    overscan: 3,
    renderAll: 12,
    lazy: true,
  });
  const shown = createMemo(() => {
    const r = win.range();
    return stages().slice(r.start, r.end);
  });
  const gap = () => spacers(win.range(), LANE_PX, stages().length);
  const onDay = (stageId: string) => {
    const day = props.day;
    const z = zone();
    return sessionsOfStage(stageId).filter((s) => localDateKey(s.start, z) === day);
  };
  // A jump to a session (findings panel, live view) scrolls its lane into view first.
  createEffect(
    on(highlight, (h) => {
      if (!h || h.n === revealedN) return;
      revealedN = h.n;
      const id = h?.kind === "session" ? h.id : h?.kind === "segment" ? selectedSessionId() : null;
      const s = sessionById(id);
      if (!s) return;
      const i = stages().findIndex((st) => st.id === s.stageId);
      if (i >= 0) win.reveal(i);
    }),
  );

  return (
    <div class="timeline" data-testid="timeline" role="region" aria-label={t("tabs.calendar")}>
      <div class="tl-row tl-axis" aria-hidden="true">
        <div class="lane-label" />
        <div class="lane-track" ref={measureTrack}>
          <For each={hours()}>
            {(h) => (
              <span class="hour-label" style={{ left: `${pct(h * 60, range())}%` }}>
                {formatHourLabel(h, lang(), hour12())}
              </span>
            )}
          </For>
        </div>
      </div>
      <div class="tl-lanes" ref={win.ref}>
        <div class="tl-spacer" style={{ height: `${gap().before}px` }} aria-hidden="true" />
        <For each={shown()}>
          {(stage) => (
            <Lane
              stage={stage}
              sessions={onDay(stage.id)}
              range={range()}
              hours={hours()}
              support={support()}
              day={props.day}
              pxPerPct={trackPx() / 100}
            />
          )}
        </For>
        <div class="tl-spacer" style={{ height: `${gap().after}px` }} aria-hidden="true" />
      </div>
    </div>
  );
}

function Lane(props: {
  stage: Stage;
  sessions: Session[];
  range: DayRange;
  hours: number[];
  support: { left: number; right: number; start: string; end: string } | null;
  day: string;
  /** Lane width in px per percent of the day shown. */
  pxPerPct: number;
}) {
  // Read once per lane (not once per position of each of its blocks).
  const zone = createMemo(() => view()!.data.event.timeZone);
  const fmt = (i: string) => formatTime(i, zone(), lang(), hour12());
  // Re-run only for this lane's stage (see `sessionsOfStage`); the same sessions stop there.
  const sessions = createMemo(() => props.sessions, undefined, { equals: sameItems });
  // Gaps that did not change keep their marks (a `<For>` keys them by reference).
  const gaps = createMemo((prev: Gap[] | undefined) => keepGaps(prev, shortGaps(sessions())), undefined, {
    equals: sameItems,
  });
  const x = (instant: string) => pct(dayMinutes(instant, props.day, zone()), props.range);
  const [renaming, setRenaming] = createSignal(false);

  const rename = async (name: string) => {
    const n = name.trim();
    if (n && n !== props.stage.name) {
      const r = await applyEdit({ type: "renameStage", id: props.stage.id, name: n });
      if (!r.ok) return;
    }
    setRenaming(false);
  };
  const remove = async () => {
    if (await askConfirm(t("calendar.confirmDeleteStage", { name: props.stage.name }), t("calendar.deleteStage"))) {
      await applyEdit({ type: "deleteStage", id: props.stage.id });
    }
  };

  return (
    <div class="tl-row lane" data-testid="stage-lane" data-stage-id={props.stage.id}>
      <div class="lane-label">
        <Show
          when={renaming()}
          fallback={
            <>
              <span class="stage-name" title={props.stage.name}>
                {props.stage.name}
              </span>
              <span class="lane-tools">
                <button
                  type="button"
                  class="icon-btn small"
                  data-testid="rename-stage"
                  title={t("calendar.renameStage")}
                  aria-label={t("calendar.renameStage")}
                  onClick={() => setRenaming(true)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  class="icon-btn small danger-quiet"
                  data-testid="delete-stage"
                  title={t("calendar.deleteStage")}
                  aria-label={t("calendar.deleteStage")}
                  onClick={remove}
                >
                  ✕
                </button>
              </span>
            </>
          }
        >
          <input
            class="cell-input"
            name="stageRename"
            aria-label={t("calendar.stageName")}
            value={props.stage.name}
            ref={(el) => queueMicrotask(() => el.select())}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void rename(e.currentTarget.value);
              } else if (e.key === "Escape") {
                e.preventDefault();
                e.stopPropagation();
                setRenaming(false);
              }
            }}
            onBlur={(e) => void rename(e.currentTarget.value)}
          />
        </Show>
      </div>
      <div class="lane-track">
        <Show when={props.support}>
          {(w) => (
            <div
              class="support-shade"
              style={{ left: `${w().left}%`, width: `${w().right - w().left}%` }}
              title={t("calendar.supportWindowTitle", { start: fmt(w().start), end: fmt(w().end) })}
            />
          )}
        </Show>
        <Index each={props.hours}>
          {(h) => <span class="hour-line" style={{ left: `${pct(h() * 60, props.range)}%` }} />}
        </Index>
        <For each={gaps()}>
          {(g) => {
            const overlap = g.minutes < 0;
            // Both edges in one computation (read by the style and by the label's test).
            const span = createMemo(() => {
              const from = x(overlap ? g.after.start : g.before.end);
              return { from, width: x(overlap ? g.before.end : g.after.start) - from };
            });
            const label = () => (overlap ? t("calendar.overlap") : t("calendar.gap", { min: g.minutes }));
            return (
              <div
                class={overlap ? "gap-mark overlap" : "gap-mark"}
                data-testid="short-gap"
                style={{ left: `${span().from}%`, width: `max(3px, ${span().width}%)` }}
                title={gapTip(g.minutes)}
              >
                <Show when={span().width * props.pxPerPct >= GAP_LABEL_PX}>
                  <span class="gap-label">
                    <SeverityIcon severity={overlap ? "error" : "warning"} /> {label()}
                  </span>
                </Show>
              </div>
            );
          }}
        </For>
        <For each={sessions()}>
          {(s) => <SessionBlock session={s} x={x} fmt={fmt} pxPerPct={props.pxPerPct} />}
        </For>
      </div>
    </div>
  );
}

const isSelected = createRoot(() => createSelector(selectedSessionId));
// A gap's tooltip by its minutes (an overlap's has none): the hundreds of gaps of a crowded day
// share a few texts, each filled in once per language.
const gapTips = createRoot(() =>
  createMemo(() => {
    lang();
    return new Map<number, string>();
  }),
);
function gapTip(minutes: number): string {
  const key = minutes < 0 ? -1 : minutes;
  const tips = gapTips();
  let tip = tips.get(key);
  if (tip === undefined) {
    tip = key < 0 ? t("calendar.overlapTitle") : t("calendar.gapTitle", { min: key });
    tips.set(key, tip);
  }
  return tip;
}

/** Below these widths (px) a gap's label, a block's times, then its title and badge are left out
 * (the tooltip and the accessible name keep them); a slim block shows its worst finding by the
 * colour of its edge. */
const GAP_LABEL_PX = 52;
const TIMES_PX = 60;
const TEXT_PX = 44;

function SessionBlock(props: {
  session: Session;
  x: (i: string) => number;
  fmt: (i: string) => string;
  pxPerPct: number;
}) {
  const s = () => props.session;
  // Each is read by several attributes and classes: worked out once per change (and few of them:
  // a crowded day opens with hundreds of blocks, and each computation costs).
  const box = createMemo(
    () => {
      const left = props.x(s().start);
      return { left, width: Math.max(0.5, props.x(s().end) - left) };
    },
    undefined,
    { equals: (a, b) => a.left === b.left && a.width === b.width },
  );
  const px = () => box().width * props.pxPerPct;
  const slim = createMemo(() => px() < TEXT_PX);
  const findings = createMemo(() => findingsOf("session", s().id));
  const times = () => t("calendar.sessionTimes", { start: props.fmt(s().start), end: props.fmt(s().end) });
  // What the tooltip (and a slim block's accessible name) says after the title: the times, and a
  // slim block's findings.
  const about = createMemo(() => {
    const list = slim() ? findings().map((f) => `${t(`severity.${f.severity}`)}: ${f.message}`) : [];
    return list.length ? `${times()}\n${t("findings.badgeTitle", { list: list.join(" · ") })}` : times();
  });
  // One write of the class list (toggling each class sets the ones that are off too).
  const classes = () => {
    let c = isSelected(s().id) ? "session-block selected" : "session-block";
    const h = highlight();
    if (h?.kind === "session" && h.id === s().id) c += " flash";
    if (!slim()) return findings().length > 0 ? `${c} has-badge` : c;
    const worst = worstSeverity(findings());
    return worst ? `${c} slim sev-edge-${worst}` : `${c} slim`;
  };
  return (
    <button
      type="button"
      class={classes()}
      data-testid="session-block"
      data-session-id={s().id}
      aria-pressed={isSelected(s().id)}
      aria-label={slim() ? `${s().title}, ${about()}` : undefined}
      title={`${s().title}\n${about()}`}
      style={{ left: `${box().left}%`, width: `${box().width}%` }}
      onClick={() => setSelectedSessionId(s().id)}
    >
      <Show when={!slim()}>
        <span class="sb-title">{s().title}</span>
        <Show when={px() >= TIMES_PX}>
          <span class="sb-times">{times()}</span>
        </Show>
        <span class="sb-badge">
          <FindingBadge findings={findings()} />
        </span>
      </Show>
    </button>
  );
}
