// A session's run of show in plain words: its parts (segments) with their minutes, a way to add
// one at the end and to remove one. Times, cues and reordering stay on the analyst's Calendar tab.
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import type { Session } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { Field } from "../../components/Field";
import { lang, t } from "../../i18n";
import { applyEdit, view } from "../../state";
import { segmentMinutes, segmentsOf, validateSegmentDraft } from "./schedule";

export function SchedulePartsList(props: { session: Session }) {
  const v = () => view()!;
  const parts = createMemo(() => segmentsOf(props.session.id, v().data.segments));
  const planned = () => segmentMinutes(parts().reduce((a, s) => a + s.durationSecs, 0));
  const length = () => Math.round((Date.parse(props.session.end) - Date.parse(props.session.start)) / 60000);
  const over = () => planned() - length();

  const [title, setTitle] = createSignal("");
  const [minutes, setMinutes] = createSignal("");
  const [errors, setErrors] = createSignal<{ title?: string; minutes?: string }>({});
  const [busy, setBusy] = createSignal(false);
  createEffect(on(lang, () => setErrors({}), { defer: true }));
  const uid = `parts-${props.session.id}`;
  let titleInput: HTMLInputElement | undefined;

  const add = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    const checked = validateSegmentDraft(title(), minutes());
    setErrors({
      title: checked.errors.title && t(checked.errors.title),
      minutes: checked.errors.minutes && t(checked.errors.minutes),
    });
    if (!checked.value) return;
    setBusy(true);
    const r = await applyEdit({
      type: "addSegment",
      sessionId: props.session.id,
      position: null,
      fields: { kind: "presentation", title: checked.value.title, durationSecs: checked.value.durationSecs, presenterIds: [], notes: "" },
    });
    setBusy(false);
    if (!r.ok) {
      const last = r.error.field?.split(".").pop();
      setErrors(last === "durationSecs" ? { minutes: r.error.message } : { title: r.error.message });
      return;
    }
    setTitle("");
    setMinutes("");
    titleInput?.focus();
  };

  const remove = async (id: string, name: string) => {
    if (await askConfirm(t("customer.ros.confirmRemove", { name }), t("customer.ros.remove"))) {
      await applyEdit({ type: "deleteSegment", id });
    }
  };

  return (
    <details class="schedule-parts" data-testid="schedule-parts">
      <summary>
        <span class="strong">{t("customer.ros.summary")}</span>
        <span class="muted">
          {" · "}
          {parts().length === 0
            ? t("customer.ros.parts0")
            : parts().length === 1
              ? t("customer.ros.parts1")
              : t("customer.ros.parts", { n: parts().length })}
          {" · "}
          {t("customer.ros.planned", { planned: planned(), length: length() })}
        </span>
        <Show when={over() > 0}>
          {" "}
          <span class="status-over" data-testid="schedule-parts-over">
            {t("customer.ros.over", { over: over() })}
          </span>
        </Show>
      </summary>
      <Show when={parts().length > 0} fallback={<p class="empty-inline">{t("customer.ros.empty")}</p>}>
        <ol class="parts-list">
          <For each={parts()}>
            {(seg) => (
              <li class="part-row" data-testid="schedule-part" data-segment-id={seg.id}>
                <span class="part-title ellipsis" title={seg.title}>
                  {seg.title}
                </span>
                <span class="num part-minutes">{t("customer.ros.minutes", { n: segmentMinutes(seg.durationSecs) })}</span>
                <button
                  type="button"
                  class="small danger-quiet"
                  data-testid="schedule-part-remove"
                  title={t("customer.ros.removeTitle", { name: seg.title })}
                  aria-label={t("customer.ros.removeTitle", { name: seg.title })}
                  onClick={() => void remove(seg.id, seg.title)}
                >
                  {t("customer.ros.remove")}
                </button>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <form class="form-row part-form" data-native-undo noValidate onSubmit={add}>
        <Field label={t("customer.ros.partTitle")} class="grow" error={errors().title} errorId={`${uid}-title-err`}>
          <input
            ref={titleInput}
            name="partTitle"
            data-testid="schedule-part-title"
            autocomplete="off"
            placeholder={t("customer.ros.partTitlePlaceholder")}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
            aria-invalid={!!errors().title}
            aria-describedby={errors().title ? `${uid}-title-err` : undefined}
          />
        </Field>
        <Field label={t("customer.ros.partMinutes")} error={errors().minutes} errorId={`${uid}-minutes-err`}>
          <input
            name="partMinutes"
            class="short"
            data-testid="schedule-part-minutes"
            inputmode="numeric"
            autocomplete="off"
            value={minutes()}
            onInput={(e) => setMinutes(e.currentTarget.value)}
            aria-invalid={!!errors().minutes}
            aria-describedby={errors().minutes ? `${uid}-minutes-err` : undefined}
          />
        </Field>
        <button type="submit" data-testid="schedule-part-add" disabled={busy()}>
          + {t("customer.ros.add")}
        </button>
      </form>
    </details>
  );
}
