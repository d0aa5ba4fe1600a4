// Stages as lanes on a day timeline: hour grid, shaded support window, short gaps.
import { createMemo, createSignal, For, Index, Show } from "solid-js";
import type { Session, Stage } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { lang, t } from "../../i18n";
import { applyEdit, hour12, highlight, selectedSessionId, setSelectedSessionId, view } from "../../state";
import { formatHourLabel, formatTime } from "../../time";
import { SeverityIcon } from "../../components/Severity";
import { FindingBadge } from "../findings/FindingBadge";
import { findingsFor } from "../findings/findings";
import { dayMinutes, dayRange, pct, sessionsOnDay, shortGaps, type DayRange } from "./layout";

export function Timeline(props: { day: string }) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  const daySessions = createMemo(() => sessionsOnDay(v().data.sessions, props.day, zone()));
  const range = createMemo(() => dayRange(daySessions(), props.day, zone(), v().schedule.supportWindow));
  const hours = createMemo(() => {
    const out: number[] = [];
    for (let m = range().startMin; m <= range().endMin; m += 60) out.push(m / 60);
    return out;
  });
  const support = createMemo(() => {
    const w = v().schedule.supportWindow;
    if (!w) return null;
    const s = dayMinutes(w.start, props.day, zone());
    const e = dayMinutes(w.end, props.day, zone());
    if (e <= range().startMin || s >= range().endMin || e <= s) return null;
    return { left: pct(s, range()), right: pct(e, range()), start: w.start, end: w.end };
  });

  return (
    <div class="timeline" data-testid="timeline" role="region" aria-label={t("tabs.calendar")}>
      <div class="tl-row tl-axis" aria-hidden="true">
        <div class="lane-label" />
        <div class="lane-track">
          <For each={hours()}>
            {(h) => (
              <span class="hour-label" style={{ left: `${pct(h * 60, range())}%` }}>
                {formatHourLabel(h, lang(), hour12())}
              </span>
            )}
          </For>
        </div>
      </div>
      <For each={v().data.stages}>
        {(stage) => (
          <Lane
            stage={stage}
            sessions={daySessions().filter((s) => s.stageId === stage.id)}
            range={range()}
            hours={hours()}
            support={support()}
            day={props.day}
          />
        )}
      </For>
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
}) {
  const zone = () => view()!.data.event.timeZone;
  const fmt = (i: string) => formatTime(i, zone(), lang(), hour12());
  const gaps = createMemo(() => shortGaps(props.sessions));
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
            const from = () => (overlap ? x(g.after.start) : x(g.before.end));
            const to = () => (overlap ? x(g.before.end) : x(g.after.start));
            const label = () => (overlap ? t("calendar.overlap") : t("calendar.gap", { min: g.minutes }));
            const tip = () => (overlap ? t("calendar.overlapTitle") : t("calendar.gapTitle", { min: g.minutes }));
            return (
              <div
                class={overlap ? "gap-mark overlap" : "gap-mark"}
                data-testid="short-gap"
                style={{ left: `${from()}%`, width: `max(3px, ${to() - from()}%)` }}
                title={tip()}
              >
                <span class="gap-label">
                  <SeverityIcon severity={overlap ? "error" : "warning"} /> {label()}
                </span>
              </div>
            );
          }}
        </For>
        <For each={props.sessions}>{(s) => <SessionBlock session={s} x={x} fmt={fmt} />}</For>
      </div>
    </div>
  );
}

function SessionBlock(props: { session: Session; x: (i: string) => number; fmt: (i: string) => string }) {
  const s = () => props.session;
  const left = () => props.x(s().start);
  const width = () => Math.max(0.5, props.x(s().end) - left());
  const findings = () => findingsFor(view()?.findings ?? [], "session", s().id);
  const selected = () => selectedSessionId() === s().id;
  const flashed = () => {
    const h = highlight();
    return h?.kind === "session" && h.id === s().id;
  };
  const times = () => t("calendar.sessionTimes", { start: props.fmt(s().start), end: props.fmt(s().end) });
  return (
    <button
      type="button"
      class="session-block"
      classList={{ selected: selected(), flash: flashed(), "has-badge": findings().length > 0 }}
      data-testid="session-block"
      data-session-id={s().id}
      aria-pressed={selected()}
      title={`${s().title}\n${times()}`}
      style={{ left: `${left()}%`, width: `${width()}%` }}
      onClick={() => setSelectedSessionId(s().id)}
    >
      <span class="sb-title">{s().title}</span>
      <span class="sb-times">{times()}</span>
      <span class="sb-badge">
        <FindingBadge findings={findings()} />
      </span>
    </button>
  );
}
