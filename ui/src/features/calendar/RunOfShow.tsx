// The selected session's run of show: computed times from `view.schedule`, inline editing,
// drag-and-drop and Alt+↑/↓ reordering.
import { createMemo, createSignal, Show } from "solid-js";
import type { Session } from "../../bindings";
import { lang, t } from "../../i18n";
import { applyEdit, hour12, view } from "../../state";
import { formatDuration, formatTime } from "../../time";
import { SeverityIcon } from "../../components/Severity";
import { DataTable, type Column } from "../../components/Table";
import { FindingBadge } from "../findings/FindingBadge";
import { customCuesOf, findingsOf, segmentsOf, sessionTimesOf } from "../../indexes";
import { CustomCues } from "./CustomCues";
import { SegmentRow } from "./SegmentRow";

const COLUMNS: Column[] = [
  { col: "c-num", label: "ros.col.num", class: "num" },
  { col: "c-time", label: "ros.col.start", class: "num" },
  { col: "c-time", label: "ros.col.end", class: "num" },
  { col: "c-kind", label: "ros.col.kind" },
  { col: "c-title", label: "ros.col.title" },
  { col: "c-dur", label: "ros.col.duration", class: "num" },
  { col: "c-people", label: "ros.col.presenters" },
  { col: "c-notes", label: "ros.col.notes" },
  { col: "c-actions", label: "common.actions", class: "actions-col", hidden: true },
];

export function RunOfShow(props: { session: Session }) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  const fmt = (i: string) => formatTime(i, zone(), lang(), hour12());
  const segments = createMemo(() => segmentsOf(props.session.id));
  const times = createMemo(() => sessionTimesOf(props.session.id));
  const segTimes = createMemo(() => new Map((times()?.segments ?? []).map((x) => [x.segmentId, x])));
  const sessionSecs = () => Math.round((Date.parse(props.session.end) - Date.parse(props.session.start)) / 1000);
  const totalSecs = () => times()?.runOfShowSecs ?? segments().reduce((a, s) => a + s.durationSecs, 0);
  const overrun = () => times()?.overrunSecs ?? Math.max(0, totalSecs() - sessionSecs());
  /** Custom cues hanging on each segment of the session (segment id → count). */
  const cueCounts = createMemo(() => {
    const out = new Map<string, number>();
    for (const c of customCuesOf(props.session.id)) {
      if (c.segmentId) out.set(c.segmentId, (out.get(c.segmentId) ?? 0) + 1);
    }
    return out;
  });
  const sessionFindings = () => findingsOf("session", props.session.id);

  const [dragId, setDragId] = createSignal<string | null>(null);
  const [overIndex, setOverIndex] = createSignal<number | null>(null);
  let root: HTMLElement | undefined;

  const refocus = (id: string, testid: string | null) => {
    requestAnimationFrame(() => {
      const row = root?.querySelector<HTMLElement>(`[data-testid=segment-row][data-segment-id="${id}"]`);
      const target = testid ? row?.querySelector<HTMLElement>(`[data-testid="${testid}"]`) : row;
      (target ?? row)?.focus();
    });
  };

  const move = async (id: string, to: number) => {
    const active = document.activeElement as HTMLElement | null;
    const inRow = active?.closest(`[data-segment-id="${id}"]`);
    const testid = inRow && active !== inRow ? (active?.getAttribute("data-testid") ?? null) : null;
    const r = await applyEdit({ type: "moveSegment", id, to });
    if (r.ok && inRow) refocus(id, testid);
  };

  const addSegment = async () => {
    const r = await applyEdit({
      type: "addSegment",
      sessionId: props.session.id,
      position: null,
      fields: { kind: "presentation", title: t("ros.newSegment"), durationSecs: 300, presenterIds: [], notes: "" },
    });
    if (r.ok && r.created) {
      const id = r.created;
      requestAnimationFrame(() => {
        const input = root?.querySelector<HTMLInputElement>(`[data-segment-id="${id}"] [data-testid=segment-title]`);
        input?.focus();
        input?.select();
      });
    }
  };

  return (
    <section
      class="card run-of-show"
      data-testid="run-of-show"
      data-session-id={props.session.id}
      ref={root}
      aria-labelledby="ros-title"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void addSegment();
        }
      }}
    >
      <div class="ros-head">
        <h3 id="ros-title" class="ellipsis">
          {t("ros.titleFor", { name: props.session.title })}
        </h3>
        <FindingBadge findings={sessionFindings()} />
        <span class="ros-times num">
          {t("calendar.sessionTimes", { start: fmt(props.session.start), end: fmt(props.session.end) })}
        </span>
        <Show when={times()}>
          {(st) => (
            <span class="muted small">
              {t("session.avCheck", { time: fmt(st().avCheckAt) })} · {t("session.prep", { time: fmt(st().prepAt) })}
            </span>
          )}
        </Show>
        <div class="spacer" />
        <span class="ros-total num" data-testid="ros-total">
          {t("ros.total", { total: formatDuration(totalSecs()), length: formatDuration(sessionSecs()) })}
        </span>
        <Show
          when={overrun() > 0}
          fallback={
            <span class="status-ok" data-testid="ros-fits">
              ✓ {t("ros.remaining", { left: formatDuration(Math.max(0, sessionSecs() - totalSecs())) })}
            </span>
          }
        >
          <span class="status-over num" data-testid="ros-overrun">
            <SeverityIcon severity="warning" /> {t("ros.overrun", { over: `+${formatDuration(overrun())}` })}
          </span>
        </Show>
        <button
          type="button"
          class="primary"
          data-testid="add-segment"
          title={t("ros.addSegmentTitle")}
          onClick={addSegment}
        >
          + {t("ros.addSegment")}
        </button>
      </div>
      <Show when={segments().length > 0} fallback={<p class="empty-inline">{t("ros.empty")}</p>}>
        <DataTable class="grid ros-table" columns={COLUMNS} scroll each={segments()}>
          {(seg, i) => (
            <SegmentRow
              seg={seg}
              index={i()}
              count={segments().length}
              times={segTimes().get(seg.id)}
              people={v().data.people}
              findings={findingsOf("segment", seg.id)}
              cueCount={cueCounts().get(seg.id) ?? 0}
              drag={{ dragId, setDragId, overIndex, setOverIndex }}
              onMove={move}
            />
          )}
        </DataTable>
      </Show>
      <CustomCues session={props.session} segments={segments()} />
    </section>
  );
}
