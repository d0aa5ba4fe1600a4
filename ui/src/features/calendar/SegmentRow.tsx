// One run-of-show row. Cells are always-rendered inputs: Enter or blur commits through
// `updateSegment`, Esc restores the saved value. Alt+↑/↓ moves the row.
import { createEffect, createSignal, For, on, Show, untrack } from "solid-js";
import type { Finding, Person, Segment, SegmentFields, SegmentTimes } from "../../bindings";
import { commitCell, createInFlight } from "../../components/commitCell";
import { askConfirm } from "../../components/Confirm";
import { SEGMENT_KINDS } from "../../enums";
import { lang, t } from "../../i18n";
import { applyEdit, hour12, highlight, setError, view } from "../../state";
import { formatDuration, formatTime, parseDuration } from "../../time";
import { FindingBadge } from "../findings/FindingBadge";
import { PresenterPicker as PresenterPickerCell } from "./PresenterPicker";

export interface DragState {
  dragId: () => string | null;
  setDragId: (id: string | null) => void;
  overIndex: () => number | null;
  setOverIndex: (i: number | null) => void;
}

function fieldsOf(seg: Segment): SegmentFields {
  return {
    kind: seg.kind,
    title: seg.title,
    durationSecs: seg.durationSecs,
    presenterIds: [...seg.presenterIds],
    notes: seg.notes,
  };
}

type CellName = "title" | "duration" | "notes";

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && !!el.closest("input, select, textarea, button, .picker");

export function SegmentRow(props: {
  seg: Segment;
  index: number;
  count: number;
  times: SegmentTimes | undefined;
  people: Person[];
  findings: Finding[];
  /** Custom cues anchored on this segment (a badge when there are some). */
  cueCount?: number;
  drag: DragState;
  onMove: (id: string, to: number) => void;
}) {
  const seg = () => props.seg;
  const zone = () => view()!.data.event.timeZone;
  const fmt = (i: string | undefined) => (i ? formatTime(i, zone(), lang(), hour12()) : "");
  let row: HTMLTableRowElement | undefined;
  let titleInput: HTMLInputElement | undefined;

  const save = async (patch: Partial<SegmentFields>) => {
    const r = await applyEdit({ type: "updateSegment", id: seg().id, fields: { ...fieldsOf(seg()), ...patch } });
    return r;
  };

  /** Commit-on-Enter/blur behaviour shared by the text cells. */
  function cell(opts: {
    saved: () => string;
    commit: (text: string, el: HTMLInputElement) => Promise<void>;
    allowEmpty?: boolean;
  }) {
    const inFlight = createInFlight();
    const commit = async (el: HTMLInputElement, fromEnter: boolean) => {
      const text = el.value;
      if (text === opts.saved() || inFlight.has(text)) return;
      if (!opts.allowEmpty && text.trim() === "") {
        // Leaving a required cell empty (e.g. a WebDriver clear() before typing) is not a
        // commit; Enter on it explains why nothing was saved.
        el.setAttribute("aria-invalid", "true");
        if (fromEnter) setError({ code: "invalid_input", message: t("error.required"), field: null });
        return;
      }
      await inFlight.run(text, () => opts.commit(text, el));
    };
    return commitCell({
      saved: opts.saved,
      commit,
      onRevert: (el) => {
        el.removeAttribute("aria-invalid");
        row?.focus();
      },
    });
  }

  // A refused cell's tooltip says why until the cell is saved (the row outlives a save: an edited
  // segment is merged into its row); a new language shows the cell's own tooltip again.
  const [tips, setTips] = createSignal<Partial<Record<CellName, string>>>({});
  createEffect(on(lang, () => setTips({}), { defer: true }));

  const markInvalid = (el: HTMLInputElement, cell: CellName, message: string | null) => {
    if (message) el.setAttribute("aria-invalid", "true");
    else el.removeAttribute("aria-invalid");
    if ((untrack(tips)[cell] ?? null) !== message) setTips((x) => ({ ...x, [cell]: message ?? undefined }));
  };

  const titleCell = cell({
    saved: () => seg().title,
    commit: async (text, el) => {
      const r = await save({ title: text.trim() });
      markInvalid(el, "title", r.ok ? null : r.error.message);
      if (r.ok) el.value = seg().title;
    },
  });

  const durationCell = cell({
    saved: () => formatDuration(seg().durationSecs),
    commit: async (text, el) => {
      const secs = parseDuration(text);
      if (secs === null) {
        const message = t("error.invalidDuration");
        setError({ code: "invalid_input", message, field: "segment.durationSecs" });
        markInvalid(el, "duration", message);
        return;
      }
      if (secs !== seg().durationSecs) {
        const r = await save({ durationSecs: secs });
        markInvalid(el, "duration", r.ok ? null : r.error.message);
        if (!r.ok) return;
      } else {
        markInvalid(el, "duration", null);
      }
      el.value = formatDuration(seg().durationSecs);
    },
  });

  const notesCell = cell({
    allowEmpty: true,
    saved: () => seg().notes,
    commit: async (text, el) => {
      const r = await save({ notes: text });
      markInvalid(el, "notes", r.ok ? null : r.error.message);
    },
  });

  const remove = async () => {
    if (await askConfirm(t("ros.confirmDelete", { name: seg().title }), t("ros.deleteSegment"))) {
      await applyEdit({ type: "deleteSegment", id: seg().id });
    }
  };

  const onRowKey = (e: KeyboardEvent) => {
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      const to = props.index + (e.key === "ArrowUp" ? -1 : 1);
      if (to >= 0 && to < props.count) props.onMove(seg().id, to);
      return;
    }
    if (e.target === row && e.key === "Enter") {
      e.preventDefault();
      titleInput?.focus();
      titleInput?.select();
    }
  };

  const flashed = () => {
    const h = highlight();
    return h?.kind === "segment" && h.id === seg().id;
  };

  return (
    <tr
      ref={row}
      class="segment-row"
      classList={{
        dragging: props.drag.dragId() === seg().id,
        "drop-target": props.drag.overIndex() === props.index && props.drag.dragId() !== seg().id,
        flash: flashed(),
      }}
      data-testid="segment-row"
      data-segment-id={seg().id}
      data-position={props.index}
      tabindex="0"
      draggable={true}
      onKeyDown={onRowKey}
      onDragStart={(e) => {
        if (isEditable(e.target) && e.target !== row) return;
        props.drag.setDragId(seg().id);
        e.dataTransfer?.setData("text/plain", seg().id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
      }}
      onDragOver={(e) => {
        if (!props.drag.dragId()) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
        props.drag.setOverIndex(props.index);
      }}
      onDrop={(e) => {
        e.preventDefault();
        const id = props.drag.dragId() ?? e.dataTransfer?.getData("text/plain") ?? null;
        props.drag.setDragId(null);
        props.drag.setOverIndex(null);
        if (id && id !== seg().id) props.onMove(id, props.index);
      }}
      onDragEnd={() => {
        props.drag.setDragId(null);
        props.drag.setOverIndex(null);
      }}
    >
      <td class="num handle" title={t("ros.drag")}>
        <span class="grip" aria-hidden="true">
          ⠿
        </span>
        {props.index + 1}
      </td>
      <td class="num time" data-testid="segment-start">
        {fmt(props.times?.start)}
      </td>
      <td class="num time" data-testid="segment-end">
        {fmt(props.times?.end)}
      </td>
      <td>
        <select
          class="cell-input"
          data-testid="segment-kind"
          aria-label={t("ros.col.kind")}
          value={seg().kind}
          onChange={(e) => void save({ kind: e.currentTarget.value as Segment["kind"] })}
        >
          <For each={SEGMENT_KINDS}>{(k) => <option value={k}>{t(`segmentKind.${k}`)}</option>}</For>
        </select>
      </td>
      <td>
        <input
          ref={titleInput}
          class="cell-input"
          data-testid="segment-title"
          name="segmentTitle"
          autocomplete="off"
          aria-label={t("ros.col.title")}
          title={tips().title ?? t("ros.titleInput")}
          value={seg().title}
          onKeyDown={titleCell.onKeyDown}
          onBlur={titleCell.onBlur}
        />
      </td>
      <td>
        <input
          class="cell-input num"
          data-testid="segment-duration"
          name="segmentDuration"
          autocomplete="off"
          inputmode="numeric"
          spellcheck={false}
          aria-label={t("ros.col.duration")}
          title={tips().duration ?? t("ros.durationInput")}
          value={formatDuration(seg().durationSecs)}
          onKeyDown={durationCell.onKeyDown}
          onBlur={durationCell.onBlur}
        />
      </td>
      <td>
        <PresenterPickerCell
          people={props.people}
          selected={seg().presenterIds}
          onChange={(ids) => void save({ presenterIds: ids })}
        />
      </td>
      <td>
        <input
          class="cell-input"
          data-testid="segment-notes"
          name="segmentNotes"
          autocomplete="off"
          aria-label={t("ros.col.notes")}
          title={tips().notes ?? t("ros.notesInput")}
          value={seg().notes}
          onKeyDown={notesCell.onKeyDown}
          onBlur={notesCell.onBlur}
        />
      </td>
      <td class="row-actions">
        <Show when={(props.cueCount ?? 0) > 0}>
          <span
            class="badge cue-count"
            data-testid="segment-cue-count"
            title={t("cues.countTitle", { n: props.cueCount ?? 0 })}
            aria-label={t("cues.countTitle", { n: props.cueCount ?? 0 })}
          >
            ◆ {props.cueCount}
          </span>
        </Show>
        <FindingBadge findings={props.findings} />
        <button
          type="button"
          class="icon-btn small"
          data-testid="segment-up"
          title={t("ros.moveUp")}
          aria-label={t("ros.moveUp")}
          disabled={props.index === 0}
          onClick={() => props.onMove(seg().id, props.index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="icon-btn small"
          data-testid="segment-down"
          title={t("ros.moveDown")}
          aria-label={t("ros.moveDown")}
          disabled={props.index >= props.count - 1}
          onClick={() => props.onMove(seg().id, props.index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="icon-btn small danger-quiet"
          data-testid="delete-segment"
          title={t("ros.deleteSegment")}
          aria-label={t("ros.deleteSegment")}
          onClick={remove}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}
