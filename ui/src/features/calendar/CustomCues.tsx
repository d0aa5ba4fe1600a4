// "Extra cues" under a session's run of show: cues added by hand (overlays, backgrounds,
// captions…) anchored to the session's or a segment's start or end, with an offset and a
// heads-up. Every cell saves through `updateCustomCue` (Enter, blur or change).
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import type { CueAnchor, CueKind, CustomCue, CustomCueFields, Segment, Session } from "../../bindings";
import { commitCell, createInFlight } from "../../components/commitCell";
import { FieldError } from "../../components/ErrorBanner";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import { customCuesOf } from "../../indexes";
import { applyEdit } from "../../state";
import { formatDuration, parseDuration } from "../../time";
import {
  CUE_ANCHORS,
  CUSTOM_CUE_KINDS,
  cueFieldOf,
  customCueFields,
  formatOffset,
  isSegmentAnchor,
  newCustomCueFields,
  parseOffset,
  withAnchor,
  type CueField,
} from "../cues/cues";

const COLUMNS: Column[] = [
  { col: "c-kind", label: "cues.col.kind" },
  { col: "c-anchor", label: "cues.col.anchor" },
  { col: "c-segment", label: "cues.col.segment" },
  { col: "c-offset", label: "cues.col.offset", class: "num" },
  { col: "c-lead", label: "cues.col.lead", class: "num" },
  { col: "c-text", label: "cues.col.text" },
  { col: "c-actions", label: "common.actions", class: "actions-col", hidden: true },
];

export function CustomCues(props: { session: Session; segments: Segment[] }) {
  const cues = createMemo(() => customCuesOf(props.session.id));
  let root: HTMLElement | undefined;

  const add = async () => {
    const r = await applyEdit({
      type: "addCustomCue",
      fields: newCustomCueFields(props.session.id, props.segments, t("cues.newText")),
    });
    if (r.ok && r.created) {
      const id = r.created;
      requestAnimationFrame(() => {
        const input = root?.querySelector<HTMLInputElement>(
          `[data-testid=custom-cue-row][data-cue-id="${id}"] [data-testid=custom-cue-text]`,
        );
        input?.focus();
        input?.select();
      });
    }
  };

  return (
    <section
      class="custom-cues"
      data-testid="custom-cues"
      ref={root}
      aria-labelledby="custom-cues-title"
      onKeyDown={(e) => {
        // Ctrl+Enter here adds a cue rather than a segment.
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.stopPropagation();
          void add();
        }
      }}
    >
      <div class="cc-head">
        <h4 id="custom-cues-title">{t("cues.title")}</h4>
        <span class="muted small">{t("cues.hint")}</span>
        <div class="spacer" />
        <button type="button" class="small" data-testid="add-custom-cue" title={t("cues.addTitle")} onClick={add}>
          + {t("cues.add")}
        </button>
      </div>
      <Show when={cues().length > 0} fallback={<p class="empty-inline small">{t("cues.empty")}</p>}>
        <DataTable class="grid compact cc-table" columns={COLUMNS} scroll each={cues()}>
          {(cue) => <CustomCueRow cue={cue} segments={props.segments} />}
        </DataTable>
      </Show>
    </section>
  );
}

function CustomCueRow(props: { cue: CustomCue; segments: Segment[] }) {
  const cue = () => props.cue;
  const [errors, setErrors] = createSignal<Partial<Record<CueField, string>>>({});
  // Messages are in the language of the moment: drop them when it changes.
  createEffect(on(lang, () => setErrors({}), { defer: true }));
  const errId = (f: CueField) => `cue-${cue().id}-${f}-error`;

  /** Saves the cue with `fields`; a field error from Rust shows next to the field it names. */
  const save = async (fields: CustomCueFields, own: CueField): Promise<boolean> => {
    const r = await applyEdit({ type: "updateCustomCue", id: cue().id, fields });
    if (r.ok) {
      setErrors({});
      return true;
    }
    const f = cueFieldOf(r.error.field) ?? own;
    setErrors({ [f]: r.error.message });
    return false;
  };
  const patch = (p: Partial<CustomCueFields>, own: CueField) => save({ ...customCueFields(cue()), ...p }, own);

  /** Enter/blur commit for the text cells; Esc puts the saved value back. */
  function textCell(opts: {
    field: CueField;
    saved: () => string;
    parse: (text: string) => { ok: true; patch: Partial<CustomCueFields> } | { ok: false; message: string };
  }) {
    const inFlight = createInFlight();
    const commit = async (el: HTMLInputElement) => {
      const text = el.value;
      if (text === opts.saved()) {
        if (errors()[opts.field]) setErrors((e) => ({ ...e, [opts.field]: undefined }));
        return;
      }
      if (inFlight.has(text)) return;
      const parsed = opts.parse(text);
      if (!parsed.ok) {
        setErrors((e) => ({ ...e, [opts.field]: parsed.message }));
        return;
      }
      await inFlight.run(text, async () => {
        if (await patch(parsed.patch, opts.field)) el.value = opts.saved();
      });
    };
    return commitCell({
      saved: opts.saved,
      commit,
      onRevert: () => setErrors((x) => ({ ...x, [opts.field]: undefined })),
    });
  }

  const offsetCell = textCell({
    field: "offsetSecs",
    saved: () => formatOffset(cue().offsetSecs),
    parse: (text) => {
      const s = parseOffset(text);
      return s === null ? { ok: false, message: t("cues.invalidOffset") } : { ok: true, patch: { offsetSecs: s } };
    },
  });
  const leadCell = textCell({
    field: "leadSecs",
    saved: () => formatDuration(cue().leadSecs),
    parse: (text) => {
      const s = parseDuration(text);
      return s === null ? { ok: false, message: t("error.invalidDuration") } : { ok: true, patch: { leadSecs: s } };
    },
  });
  const textInput = textCell({
    field: "text",
    saved: () => cue().text,
    parse: (text) => (text.trim() === "" ? { ok: false, message: t("error.required") } : { ok: true, patch: { text: text.trim() } }),
  });

  const err = (f: CueField) => errors()[f];
  const invalid = (f: CueField) => (err(f) ? true : undefined);
  const described = (f: CueField) => (err(f) ? errId(f) : undefined);

  return (
    <tr class="custom-cue-row" data-testid="custom-cue-row" data-cue-id={cue().id}>
      <td>
        <select
          class="cell-input"
          data-testid="custom-cue-kind"
          aria-label={t("cues.col.kind")}
          value={cue().kind}
          onChange={async (e) => {
            const el = e.currentTarget;
            if (!(await patch({ kind: el.value as CueKind }, "kind"))) el.value = cue().kind;
          }}
        >
          <For each={CUSTOM_CUE_KINDS}>{(k) => <option value={k}>{t(`cueKind.${k}`)}</option>}</For>
          {/* A kind set elsewhere stays visible rather than silently showing another. */}
          <Show when={!CUSTOM_CUE_KINDS.includes(cue().kind)}>
            <option value={cue().kind}>{t(`cueKind.${cue().kind}`)}</option>
          </Show>
        </select>
        <FieldError message={err("kind")} id={errId("kind")} />
      </td>
      <td>
        <select
          class="cell-input"
          data-testid="custom-cue-anchor"
          aria-label={t("cues.col.anchor")}
          value={cue().anchor}
          onChange={async (e) => {
            const el = e.currentTarget;
            const next = withAnchor(customCueFields(cue()), el.value as CueAnchor, props.segments);
            if (!(await save(next, "anchor"))) el.value = cue().anchor;
          }}
        >
          <For each={CUE_ANCHORS}>{(a) => <option value={a}>{t(`cueAnchor.${a}`)}</option>}</For>
        </select>
        <FieldError message={err("anchor")} id={errId("anchor")} />
      </td>
      <td>
        <Show when={isSegmentAnchor(cue().anchor)} fallback={<span class="muted small">{t("cues.wholeSession")}</span>}>
          <select
            class="cell-input"
            data-testid="custom-cue-segment"
            aria-label={t("cues.col.segment")}
            aria-invalid={invalid("segmentId")}
            aria-describedby={described("segmentId")}
            value={cue().segmentId ?? ""}
            onChange={async (e) => {
              const el = e.currentTarget;
              if (!(await patch({ segmentId: el.value || null }, "segmentId"))) el.value = cue().segmentId ?? "";
            }}
          >
            <Show when={!cue().segmentId}>
              <option value="">{t("cues.chooseSegment")}</option>
            </Show>
            <For each={props.segments}>
              {(s, i) => <option value={s.id}>{t("cues.segmentOption", { n: i() + 1, title: s.title })}</option>}
            </For>
          </select>
        </Show>
        <FieldError message={err("segmentId")} id={errId("segmentId")} />
      </td>
      <td>
        <input
          class="cell-input num"
          data-testid="custom-cue-offset"
          name="cueOffset"
          autocomplete="off"
          spellcheck={false}
          aria-label={t("cues.col.offset")}
          title={t("cues.offsetInput")}
          aria-invalid={invalid("offsetSecs")}
          aria-describedby={described("offsetSecs")}
          value={formatOffset(cue().offsetSecs)}
          onKeyDown={offsetCell.onKeyDown}
          onBlur={offsetCell.onBlur}
        />
        <FieldError message={err("offsetSecs")} id={errId("offsetSecs")} />
      </td>
      <td>
        <input
          class="cell-input num"
          data-testid="custom-cue-lead"
          name="cueLead"
          autocomplete="off"
          spellcheck={false}
          aria-label={t("cues.col.lead")}
          title={t("cues.leadInput")}
          aria-invalid={invalid("leadSecs")}
          aria-describedby={described("leadSecs")}
          value={formatDuration(cue().leadSecs)}
          onKeyDown={leadCell.onKeyDown}
          onBlur={leadCell.onBlur}
        />
        <FieldError message={err("leadSecs")} id={errId("leadSecs")} />
      </td>
      <td>
        <input
          class="cell-input"
          data-testid="custom-cue-text"
          name="cueText"
          autocomplete="off"
          aria-label={t("cues.col.text")}
          title={t("cues.textInput")}
          placeholder={t("cues.textPlaceholder")}
          aria-invalid={invalid("text")}
          aria-describedby={described("text")}
          value={cue().text}
          onKeyDown={textInput.onKeyDown}
          onBlur={textInput.onBlur}
        />
        <FieldError message={err("text")} id={errId("text")} />
      </td>
      <td class="row-actions">
        <button
          type="button"
          class="icon-btn small danger-quiet"
          data-testid="delete-custom-cue"
          title={t("cues.delete")}
          aria-label={t("cues.delete")}
          onClick={() => void applyEdit({ type: "deleteCustomCue", id: cue().id })}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}
