// The branding tab: the asset checklist the customer owes (readiness, due dates, presets, files
// with their spec checks, approve / reject / request again), the palette with its contrast and a
// mock stage, and the chat requirements.
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { AssetKind } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { EmptyState } from "../../components/Empty";
import { FieldError } from "../../components/ErrorBanner";
import { lang, t } from "../../i18n";
import { applyEdit, view } from "../../state";
import { isPackagePath } from "../handoff/opened";
import { BrandItemRow } from "./BrandItemRow";
import { ChatPanel } from "./ChatPanel";
import { ColoursPanel } from "./ColoursPanel";
import {
  ASSET_KINDS,
  brandingWith,
  builtInPreset,
  newPresetItem,
  parseDueDays,
  presetItems,
  rowAt,
  toCssPoint,
  type RowBox,
} from "./branding";
import { attachPaths, clearRowErrors, deletePreset, loadPresets, presets, savePreset } from "./store";

export function BrandingTab() {
  const v = () => view()!;
  const items = () => v().data.brandItems;

  // The presets' built-in titles follow the UI language; field messages too.
  createEffect(on(lang, () => void loadPresets()));
  createEffect(on(lang, () => clearRowErrors(), { defer: true }));

  // ---- drag and drop (Tauri gives the dropped files' paths) ----------------------------
  const [dragging, setDragging] = createSignal(false);
  const [dragOver, setDragOver] = createSignal<string | null>(null);
  let root: HTMLElement | undefined;

  const rowUnder = (pos: { x: number; y: number }): string | null => {
    if (!root) return null;
    const p = toCssPoint(pos, window.devicePixelRatio || 1);
    const rows: RowBox[] = [];
    root.querySelectorAll<HTMLElement>('[data-testid="brand-item"][data-takes-files="true"]').forEach((el) => {
      const r = el.getBoundingClientRect();
      if (el.dataset.id) rows.push({ id: el.dataset.id, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    });
    return rowAt(rows, p.x, p.y);
  };

  onMount(() => {
    let unlisten: (() => void) | null = null;
    let gone = false;
    const webview = currentWebview();
    if (webview) {
      webview
        .onDragDropEvent((e) => {
          const p = e.payload;
          if (p.type === "leave") {
            setDragging(false);
            setDragOver(null);
            return;
          }
          const id = rowUnder(p.position);
          if (p.type === "drop") {
            setDragging(false);
            setDragOver(null);
            // A handoff package dropped anywhere opens its import preview (App listens).
            const files = p.paths.filter((f) => !isPackagePath(f));
            if (id && files.length > 0) void attachPaths(id, files);
            return;
          }
          setDragging(true);
          setDragOver(id);
        })
        .then((off) => {
          if (gone) off();
          else unlisten = off;
        })
        .catch(() => undefined);
    }
    onCleanup(() => {
      gone = true;
      unlisten?.();
    });
  });

  return (
    <main class="tab-page brand-page" data-testid="branding-tab" data-native-undo ref={root}>
      <div class="page-head">
        <h2>{t("branding.title")}</h2>
        <Show when={v().may.shapeChecklist}>
          <AddItem />
        </Show>
      </div>
      <Summary />
      <Show
        when={items().length > 0}
        fallback={
          <EmptyState testid="brand-empty" title={t("branding.emptyTitle")} body={t("branding.emptyBody")}>
            <button
              type="button"
              class="primary"
              data-testid="brand-create-standard"
              onClick={() => void createStandard()}
            >
              {t("branding.createStandard")}
            </button>
          </EmptyState>
        }
      >
        <Show when={dragging()}>
          <p class="hint brand-drop-hint" role="status">
            {t("branding.dropHint")}
          </p>
        </Show>
        <ul class="brand-list" data-testid="brand-list" aria-label={t("branding.listLabel")}>
          <For each={items()}>
            {(item) => <BrandItemRow item={item} dropTarget={dragOver() === item.id} dragging={dragging()} />}
          </For>
        </ul>
      </Show>
      <div class="brand-panels">
        <ColoursPanel />
        <ChatPanel />
      </div>
    </main>
  );
}

/** Fills an empty checklist from the built-in preset (loading the presets first if need be). */
async function createStandard(): Promise<void> {
  if (!builtInPreset(presets())) await loadPresets();
  const p = builtInPreset(presets());
  if (p) await applyEdit({ type: "addBrandItems", items: presetItems(p) });
}

/** The app's webview, or null outside Tauri (tests, a plain browser). */
function currentWebview(): ReturnType<typeof getCurrentWebview> | null {
  if (typeof window === "undefined" || !("__TAURI_INTERNALS__" in window)) return null;
  try {
    return getCurrentWebview();
  } catch {
    return null;
  }
}

// ---- header: readiness, due lead time, presets ------------------------------------------

function Summary() {
  const v = () => view()!;
  const score = () => ({ ...v().brand.readiness, percent: v().brand.readinessPercent });
  return (
    <section class="card brand-summary" aria-label={t("branding.summaryLabel")}>
      <div
        class="brand-readiness"
        data-testid="brand-readiness"
        data-approved={score().approved}
        data-required={score().required}
      >
        <div class="brand-readiness-line">
          <strong>{t("branding.readinessLabel")}</strong>{" "}
          <span class="num strong">
            {score().approved}/{score().required}
          </span>{" "}
          <span>
            {score().required > 0 ? t("branding.readiness", { percent: score().percent }) : t("branding.readinessNone")}
          </span>
        </div>
        <div
          class="support-bar brand-bar"
          role="progressbar"
          aria-label={t("branding.readinessLabel")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={score().percent}
        >
          <div
            class="support-fill"
            classList={{ partial: score().percent < 100 }}
            style={{ width: `${score().required > 0 ? score().percent : 0}%` }}
          />
        </div>
      </div>
      <div class="brand-summary-tools">
        <Show when={v().may.leadTime}>
          <DueDays />
        </Show>
        <Show when={v().may.presets}>
          <Presets />
        </Show>
      </div>
    </section>
  );
}

function DueDays() {
  const v = () => view()!;
  const saved = () => v().data.branding.dueDaysBefore;
  const [err, setErr] = createSignal<string | null>(null);
  createEffect(on(lang, () => setErr(null), { defer: true }));
  const hasSessions = () => v().data.sessions.length > 0;

  const commit = async (el: HTMLInputElement) => {
    const n = parseDueDays(el.value);
    if (n === null) {
      setErr(t("branding.dueDaysInvalid"));
      return;
    }
    if (n === saved()) {
      setErr(null);
      el.value = String(n);
      return;
    }
    const r = await applyEdit({
      type: "updateBranding",
      fields: brandingWith(v().data.branding, { dueDaysBefore: n }),
    });
    if (r.ok) setErr(null);
    else setErr(r.error.message);
  };

  return (
    <div class="brand-due">
      <label class="brand-due-line">
        <span>{t("branding.dueBefore")}</span>
        <input
          class="short num"
          type="number"
          min="0"
          max="365"
          step="1"
          inputmode="numeric"
          name="dueDaysBefore"
          data-testid="brand-due-days"
          value={saved()}
          aria-invalid={!!err()}
          aria-describedby="brand-due-err"
          onChange={(e) => void commit(e.currentTarget)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void commit(e.currentTarget);
            } else if (e.key === "Escape") {
              e.currentTarget.value = String(saved());
              setErr(null);
            }
          }}
        />
        <span>{t("branding.dueAfter")}</span>
      </label>
      <Show when={!hasSessions()}>
        <span class="muted small">{t("branding.dueNoSession")}</span>
      </Show>
      <FieldError message={err()} id="brand-due-err" />
    </div>
  );
}

function Presets() {
  const v = () => view()!;
  const [selected, setSelected] = createSignal<string>("");
  const [naming, setNaming] = createSignal(false);
  const [name, setName] = createSignal("");
  const [err, setErr] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  createEffect(on(lang, () => setErr(null), { defer: true }));

  // The built-in preset is picked until the user picks another (or the picked one goes away).
  const current = () => {
    const list = presets();
    return list.find((p) => p.name === selected()) ?? builtInPreset(list) ?? list[0];
  };

  const addFrom = async () => {
    const p = current();
    if (p) await applyEdit({ type: "addBrandItems", items: presetItems(p) });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const n = name().trim();
    if (!n) {
      setErr(t("branding.presetNameRequired"));
      return;
    }
    setBusy(true);
    const failed = await savePreset(n);
    setBusy(false);
    if (failed) {
      setErr(failed.message);
      return;
    }
    setErr(null);
    setNaming(false);
    setName("");
    setSelected(n);
  };

  const remove = async () => {
    const p = current();
    if (!p || p.builtIn) return;
    if (await askConfirm(t("branding.presetConfirmDelete", { name: p.name }), t("common.delete"))) {
      if (await deletePreset(p.name)) setSelected("");
    }
  };

  return (
    <div class="brand-presets">
      <div class="toolbar">
        <label class="check">
          <span class="muted small">{t("branding.preset")}</span>
          <select
            name="brandPreset"
            data-testid="brand-preset-select"
            value={current()?.name ?? ""}
            onChange={(e) => setSelected(e.currentTarget.value)}
          >
            <For each={presets()}>
              {(p) => (
                <option value={p.name} selected={p.name === current()?.name}>
                  {p.builtIn ? t("branding.presetBuiltIn", { name: p.name }) : p.name}
                </option>
              )}
            </For>
          </select>
        </label>
        <button
          type="button"
          data-testid="brand-preset-apply"
          title={t("branding.presetApplyTitle")}
          disabled={!current()}
          onClick={() => void addFrom()}
        >
          {t("branding.presetApply")}
        </button>
        <button
          type="button"
          data-testid="brand-preset-save"
          disabled={v().data.brandItems.length === 0}
          title={t("branding.presetSaveTitle")}
          aria-expanded={naming()}
          onClick={() => {
            setNaming(!naming());
            setErr(null);
          }}
        >
          {t("branding.presetSave")}
        </button>
        <Show when={current() && !current()!.builtIn}>
          <button type="button" class="danger-quiet" data-testid="brand-preset-delete" onClick={() => void remove()}>
            {t("branding.presetDelete")}
          </button>
        </Show>
      </div>
      <Show when={naming()}>
        <form class="inline-form brand-preset-form" onSubmit={save}>
          <input
            name="presetName"
            data-testid="brand-preset-name"
            autocomplete="off"
            placeholder={t("branding.presetNamePlaceholder")}
            aria-label={t("branding.presetName")}
            value={name()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") setNaming(false);
            }}
            aria-invalid={!!err()}
          />
          <button type="submit" class="primary small" data-testid="brand-preset-save-confirm" disabled={busy()}>
            {t("common.save")}
          </button>
          <button type="button" class="small" onClick={() => setNaming(false)}>
            {t("common.cancel")}
          </button>
        </form>
      </Show>
      <FieldError message={err()} />
    </div>
  );
}

function AddItem() {
  const [kind, setKind] = createSignal<AssetKind>("logo");
  return (
    <div class="toolbar">
      <select
        name="newItemKind"
        data-testid="brand-add-kind"
        aria-label={t("branding.addKind")}
        value={kind()}
        onChange={(e) => setKind(e.currentTarget.value as AssetKind)}
      >
        <For each={ASSET_KINDS}>
          {(k) => (
            <option value={k} selected={k === kind()}>
              {t(`branding.kind.${k}`)}
            </option>
          )}
        </For>
      </select>
      <button
        type="button"
        class="primary"
        data-testid="brand-add-item"
        onClick={() => void applyEdit({ type: "addBrandItems", items: [newPresetItem(kind(), presets())] })}
      >
        + {t("branding.addItem")}
      </button>
    </div>
  );
}
