// Stages as lanes on a day timeline: hour grid, shaded support window, short gaps.
import {
  createComputed,
  createEffect,
  createMemo,
  createRenderEffect,
  createSignal,
  For,
  on,
  onCleanup,
  Show,
  untrack,
} from "solid-js";
import type { Session, Stage } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { lang, t } from "../../i18n";
import { applyEdit, hour12, highlight, selectedSessionId, setSelectedSessionId, view, viewLog, viewRaw } from "../../state";
import { formatHourLabel, formatTime, localDateKey } from "../../time";
import { createWindow } from "../../components/createWindow";
import { spacers } from "../../components/window";
import { findingsOf, sessionById, sessionsOfStage } from "../../indexes";
import { sameItems } from "../../lookup";
import { BlockLayer, gapLayer } from "./laneDraw";
import { blockLook, gapLook } from "./laneLook";
import {
  dayMinutes,
  dayRange,
  hourLines,
  keepGaps,
  pct,
  sessionsOnDay,
  shortGaps,
  type DayRange,
  type Gap,
} from "./layout";

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
  // The lanes' hour lines, one background for every lane (see `hourLines`).
  const lines = createMemo(() => `background-image:${hourLines(hours(), range(), "var(--hour-line)")}`);
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
    overscan: 1,
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
              <span class="hour-label" attr:style={`left:${pct(h * 60, range())}%`}>
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
              lines={lines()}
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
  /** The track's `style`: its hour lines. */
  lines: string;
  support: { left: number; right: number; start: string; end: string } | null;
  day: string;
  /** Lane width in px per percent of the day shown. */
  pxPerPct: number;
}) {
  // Read once per lane (not once per position of each of its blocks).
  const zone = createMemo(() => view()!.data.event.timeZone);
  const fmt = (i: string) => formatTime(i, zone(), lang(), hour12());
  // Re-run only for this lane's stage: `sessionsOfStage` answers a new list (of plain objects)
  // whenever one of its sessions changed, in place or not.
  const sessions = createMemo(() => props.sessions);
  // Gaps that did not change keep their marks (the lane keys them by reference).
  const gaps = createMemo((prev: Gap[] | undefined) => keepGaps(prev, shortGaps(sessions())), undefined, {
    equals: sameItems,
  });
  const x = (instant: string) => pct(dayMinutes(instant, props.day, zone()), props.range);
  const [renaming, setRenaming] = createSignal(false);
  let gapsEl!: HTMLDivElement;
  let blocksEl!: HTMLDivElement;

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

  const pick = (e: MouseEvent) => {
    const b = (e.target as Element).closest<HTMLElement>("[data-testid=session-block]");
    const id = b?.getAttribute("data-session-id");
    if (id) setSelectedSessionId(id);
  };

  const lane = (
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
      <div class="lane-track" attr:style={props.lines} onClick={pick}>
        <Show when={props.support}>
          {(w) => (
            <div
              class="support-shade"
              attr:style={`left:${w().left}%;width:${w().right - w().left}%`}
              title={t("calendar.supportWindowTitle", { start: fmt(w().start), end: fmt(w().end) })}
            />
          )}
        </Show>
        <div class="lane-layer" ref={gapsEl} />
        <div class="lane-layer" ref={blocksEl} />
      </div>
    </div>
  );
  // The marks and blocks are drawn by the lane itself: one computation for all its gaps, one
  // for all its blocks (a crowded day shows hundreds), and one for the selection.
  const marks = gapLayer<Gap>(gapsEl);
  createRenderEffect(() => {
    // A kept gap's sessions may have moved together (its place, not its minutes, changed).
    sessions();
    marks.draw(gaps().map((g) => ({ key: g, look: gapLook(g, x, props.pxPerPct) })));
  });
  const blocks = new BlockLayer(blocksEl);
  // The lane's sessions' findings, looked up again after any write into the findings (one
  // subscription per lane, not one per block); the same lists stop there, so an edit redraws
  // only the lanes whose findings changed.
  const findings = createMemo(
    () => {
      viewLog.wrote("findings");
      const list = sessions();
      return untrack(() => list.map((s) => findingsOf("session", s.id)));
    },
    undefined,
    { equals: sameItems },
  );
  createRenderEffect(() => {
    const of = findings();
    blocks.draw(sessions().map((s, i) => ({ key: s.id, look: blockLook(s, of[i], x, fmt, props.pxPerPct) })));
  });
  createRenderEffect(() => {
    const h = highlight();
    blocks.mark(selectedSessionId(), h?.kind === "session" ? h.id : null);
  });
  return lane;
}
