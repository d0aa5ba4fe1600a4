// Editing one checklist item: title, owner, required, due date (or the event's default), notes
// and, for items delivered as files, the spec their files are checked against.
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { AssetSpec, BrandItem, Owner } from "../../bindings";
import { Check, Field, FieldSet } from "../../components/Field";
import { OWNERS } from "../../enums";
import { lang, t, type MessageKey } from "../../i18n";
import { applyEdit, view } from "../../state";
import { formatDayKey } from "../../time";
import { copySpec, FILE_TYPES, parseList, parseOptionalInt, parseOptionalNumber, takesFiles } from "./branding";
import { setRowError } from "./store";

type IntField = "width" | "height" | "minWidth" | "minHeight" | "minLongSide";
type NumField = "maxAspect" | "maxFps";
const INT_FIELDS: { field: IntField; label: MessageKey }[] = [
  { field: "width", label: "branding.specField.width" },
  { field: "height", label: "branding.specField.height" },
  { field: "minWidth", label: "branding.specField.minWidth" },
  { field: "minHeight", label: "branding.specField.minHeight" },
  { field: "minLongSide", label: "branding.specField.minLongSide" },
];
const NUM_FIELDS: { field: NumField; label: MessageKey }[] = [
  { field: "maxAspect", label: "branding.specField.maxAspect" },
  { field: "maxFps", label: "branding.specField.maxFps" },
];
type TextSpec = IntField | NumField | "maxMb" | "videoCodecs" | "audioCodecs";

const TYPE_LABEL: Record<(typeof FILE_TYPES)[number], string> = {
  png: "PNG",
  jpeg: "JPEG",
  svg: "SVG",
  mp4: "MP4",
  mov: "MOV",
};

function textOf(spec: AssetSpec): Record<TextSpec, string> {
  const n = (v: number | null) => (v === null ? "" : String(v));
  return {
    width: n(spec.width),
    height: n(spec.height),
    minWidth: n(spec.minWidth),
    minHeight: n(spec.minHeight),
    minLongSide: n(spec.minLongSide),
    maxAspect: n(spec.maxAspect),
    maxFps: n(spec.maxFps),
    // Specs say sizes in decimal megabytes, like the core's checks.
    maxMb: spec.maxBytes === null ? "" : String(spec.maxBytes / 1_000_000),
    videoCodecs: spec.videoCodecs.join(", "),
    audioCodecs: spec.audioCodecs.join(", "),
  };
}

export function BrandItemForm(props: { item: BrandItem; onDone: () => void }) {
  const it = props.item;
  const [title, setTitle] = createSignal(it.title);
  const [owner, setOwner] = createSignal<Owner>(it.owner);
  const [required, setRequired] = createSignal(it.required);
  const [followEvent, setFollowEvent] = createSignal(!it.dueCustom);
  const [due, setDue] = createSignal(it.dueCustom && it.due ? it.due : (it.due ?? ""));
  const [notes, setNotes] = createSignal(it.notes);
  const [types, setTypes] = createSignal<string[]>([...it.spec.types]);
  const [landscape, setLandscape] = createSignal(it.spec.landscape);
  const [transparency, setTransparency] = createSignal(it.spec.transparency);
  const [text, setText] = createSignal<Record<TextSpec, string>>(textOf(it.spec));
  const [errors, setErrors] = createSignal<Partial<Record<string, string>>>({});
  const [busy, setBusy] = createSignal(false);
  const files = takesFiles(it.kind);
  const uid = it.id;

  createEffect(on(lang, () => setErrors({}), { defer: true }));

  const setField = (f: TextSpec, value: string) => setText((all) => ({ ...all, [f]: value }));

  /** The spec from the fields, or the names of the fields that are not numbers. */
  const readSpec = (): { spec: AssetSpec; bad: TextSpec[] } => {
    const spec = copySpec(it.spec);
    const bad: TextSpec[] = [];
    const tx = text();
    for (const { field } of INT_FIELDS) {
      const n = parseOptionalInt(tx[field]);
      if (n === undefined) bad.push(field);
      else spec[field] = n;
    }
    for (const { field } of NUM_FIELDS) {
      const n = parseOptionalNumber(tx[field]);
      if (n === undefined) bad.push(field);
      else spec[field] = n;
    }
    const mb = parseOptionalNumber(tx.maxMb);
    if (mb === undefined) bad.push("maxMb");
    else spec.maxBytes = mb === null ? null : Math.round(mb * 1_000_000);
    spec.types = FILE_TYPES.filter((x) => types().includes(x));
    // Keep a type the core knows but this form does not list (unticked ones stay off).
    for (const x of it.spec.types) if (!(FILE_TYPES as readonly string[]).includes(x)) spec.types.push(x);
    spec.landscape = landscape();
    spec.transparency = transparency();
    spec.videoCodecs = parseList(tx.videoCodecs).map((c) => c.toLowerCase());
    spec.audioCodecs = parseList(tx.audioCodecs).map((c) => c.toLowerCase());
    return { spec, bad };
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    const errs: Record<string, string> = {};
    if (!title().trim()) errs.title = t("error.required");
    if (!followEvent() && !/^\d{4}-\d{2}-\d{2}$/.test(due())) errs.due = t("branding.dueInvalid");
    const { spec, bad } = readSpec();
    for (const f of bad) errs[f] = t("branding.specNumberInvalid");
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    const r = await applyEdit({
      type: "updateBrandItem",
      id: it.id,
      fields: {
        title: title().trim(),
        owner: owner(),
        required: required(),
        due: followEvent() ? "" : due(),
        notes: notes(),
        spec,
      },
    });
    setBusy(false);
    if (r.ok) {
      setRowError(it.id, null);
      props.onDone();
      return;
    }
    const field = r.error.field?.split(".").pop() ?? "";
    if (field === "title" || field === "due") setErrors({ [field]: r.error.message });
    else setRowError(it.id, r.error.message);
  };

  return (
    <form class="brand-form" data-testid="brand-form" onSubmit={submit}>
      <div class="form-row">
        <Field label={t("branding.form.title")} class="grow" error={errors().title} errorId={`brand-title-err-${uid}`}>
          <input
            name="brandTitle"
            data-testid="brand-form-title"
            autocomplete="off"
            value={title()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setTitle(e.currentTarget.value)}
            aria-invalid={!!errors().title}
            aria-describedby={`brand-title-err-${uid}`}
          />
        </Field>
        <Field label={t("branding.owner")}>
          <select
            name="brandOwner"
            data-testid="brand-form-owner"
            value={owner()}
            onChange={(e) => setOwner(e.currentTarget.value as Owner)}
          >
            <For each={OWNERS}>
              {(o) => (
                <option value={o} selected={o === owner()}>
                  {t(`owner.${o}`)}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Check
          class="brand-form-check"
          name="brandRequired"
          testid="brand-form-required"
          checked={required()}
          onCheck={setRequired}
        >
          {t("branding.form.required")}
        </Check>
      </div>
      <div class="form-row">
        <FieldSet legend={t("branding.form.due")} class="brand-due-field" error={errors().due}>
          <label class="check">
            <input
              type="radio"
              name={`brandDue-${uid}`}
              data-testid="brand-form-due-follow"
              checked={followEvent()}
              onChange={() => setFollowEvent(true)}
            />
            {t("branding.form.dueFollow", { days: view()?.data.branding.dueDaysBefore ?? 0 })}
          </label>
          <label class="check">
            <input
              type="radio"
              name={`brandDue-${uid}`}
              data-testid="brand-form-due-custom"
              checked={!followEvent()}
              onChange={() => setFollowEvent(false)}
            />
            {t("branding.form.dueCustom")}
            <input
              type="date"
              name="brandDueDate"
              data-testid="brand-form-due"
              value={due()}
              disabled={followEvent()}
              onInput={(e) => {
                setDue(e.currentTarget.value);
                setFollowEvent(false);
              }}
              aria-invalid={!!errors().due}
              aria-label={t("branding.form.dueDate")}
            />
          </label>
          <Show when={!followEvent() && /^\d{4}-\d{2}-\d{2}$/.test(due())}>
            <span class="muted small">{formatDayKey(due(), lang())}</span>
          </Show>
        </FieldSet>
        <Field label={t("branding.notes")} class="grow">
          <textarea
            name="brandNotes"
            data-testid="brand-form-notes"
            rows={2}
            value={notes()}
            onInput={(e) => setNotes(e.currentTarget.value)}
          />
        </Field>
      </div>
      <Show when={files}>
        <fieldset class="brand-spec-fields">
          <legend>{t("branding.form.spec")}</legend>
          <div class="form-row checks">
            <span class="muted small">{t("branding.form.types")}</span>
            <For each={FILE_TYPES}>
              {(ty) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="specType"
                    value={ty}
                    data-testid={`spec-type-${ty}`}
                    checked={types().includes(ty)}
                    onChange={(e) =>
                      setTypes((all) =>
                        e.currentTarget.checked ? [...all.filter((x) => x !== ty), ty] : all.filter((x) => x !== ty),
                      )
                    }
                  />
                  {TYPE_LABEL[ty]}
                </label>
              )}
            </For>
          </div>
          <div class="form-row">
            <For each={[...INT_FIELDS, ...NUM_FIELDS]}>
              {(f) => (
                <SpecInput
                  field={f.field}
                  label={f.label}
                  value={text()[f.field]}
                  error={errors()[f.field]}
                  onValue={setField}
                />
              )}
            </For>
            <SpecInput
              field="maxMb"
              label="branding.specField.maxMb"
              value={text().maxMb}
              error={errors().maxMb}
              onValue={setField}
            />
          </div>
          <div class="form-row checks">
            <Check name="specLandscape" testid="spec-landscape" checked={landscape()} onCheck={setLandscape}>
              {t("branding.specField.landscape")}
            </Check>
            <Check
              name="specTransparency"
              testid="spec-transparency"
              checked={transparency()}
              onCheck={setTransparency}
            >
              {t("branding.specField.transparency")}
            </Check>
          </div>
          <Show when={it.kind === "video" || it.kind === "other" || text().videoCodecs || text().audioCodecs}>
            <div class="form-row">
              <CodecsInput field="videoCodecs" value={text().videoCodecs} onValue={setField} />
              <CodecsInput field="audioCodecs" value={text().audioCodecs} onValue={setField} />
            </div>
          </Show>
        </fieldset>
      </Show>
      <div class="form-actions brand-form-actions">
        <button type="submit" class="primary small" data-testid="brand-form-save" disabled={busy()}>
          {t("common.save")}
        </button>
        <button type="button" class="small" data-testid="brand-form-cancel" onClick={() => props.onDone()}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

function SpecInput(props: {
  field: TextSpec;
  label: MessageKey;
  value: string;
  error: string | undefined;
  onValue: (f: TextSpec, v: string) => void;
}) {
  return (
    <Field label={t(props.label)} class="brand-spec-input" error={props.error}>
      <input
        class="num"
        name={`spec-${props.field}`}
        data-testid={`spec-${props.field}`}
        inputmode="decimal"
        autocomplete="off"
        value={props.value}
        onInput={(e) => props.onValue(props.field, e.currentTarget.value)}
        aria-invalid={!!props.error}
      />
    </Field>
  );
}

const CODECS = {
  videoCodecs: { name: "specVideoCodecs", label: "branding.specField.videoCodecs", placeholder: "h264" },
  audioCodecs: { name: "specAudioCodecs", label: "branding.specField.audioCodecs", placeholder: "aac" },
} as const;

/** The accepted video or audio codecs, as a list. */
function CodecsInput(props: {
  field: "videoCodecs" | "audioCodecs";
  value: string;
  onValue: (f: TextSpec, v: string) => void;
}) {
  const c = () => CODECS[props.field];
  return (
    <Field label={t(c().label)}>
      <input
        class="mono"
        name={c().name}
        data-testid={`spec-${props.field}`}
        placeholder={c().placeholder}
        value={props.value}
        onInput={(e) => props.onValue(props.field, e.currentTarget.value)}
      />
    </Field>
  );
}
