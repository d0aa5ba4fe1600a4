// One line of the branding checklist: what it is, whose, when due, its status and spec, the
// actions its status allows, and (expanded) its files with every check and its history.
import { createSignal, Show } from "solid-js";
import type { BrandItem } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { Field } from "../../components/Field";
import { JobProgress } from "../../components/JobProgress";
import { lang, t } from "../../i18n";
import { running } from "../../jobs";
import { highlight, view } from "../../state";
import { formatDayKey } from "../../time";
import { FindingBadge } from "../findings/FindingBadge";
import { findingsOf } from "../../indexes";
import { BrandItemDetails } from "./BrandItemDetails";
import { BrandItemForm } from "./BrandItemForm";
import { NO_ACTIONS, specSummary, STATUS_MARK, takesFiles } from "./branding";
import { BrandThumb } from "./BrandThumb";
import {
  attachPaths,
  attachSlot,
  detailsOpen,
  itemBusy,
  itemEdit,
  pickFiles,
  rowError,
  setDetailsOpen,
  setRowError,
  setStatus,
} from "./store";

export function BrandItemRow(props: { item: BrandItem; dropTarget: boolean; dragging: boolean }) {
  const v = () => view()!;
  const it = () => props.item;
  const files = () => takesFiles(it().kind);
  const acts = () => v().brand.actions.find((a) => a.id === it().id) ?? NO_ACTIONS;
  const findings = () => findingsOf("brandItem", it().id);
  const overdue = () => findings().some((f) => f.code === "asset_overdue");
  const spec = () => specSummary(it().spec, lang());
  const busy = () => itemBusy(it().id);

  const [rejecting, setRejecting] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [reasonErr, setReasonErr] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal(false);
  const [path, setPath] = createSignal("");

  const flashed = () => highlight()?.kind === "brandItem" && highlight()?.id === it().id;

  const attachTyped = async (e: Event) => {
    e.preventDefault();
    const p = path().trim();
    if (!p) {
      setRowError(it().id, t("branding.pathRequired"));
      return;
    }
    if (await attachPaths(it().id, [p])) setPath("");
  };

  const browse = async () => {
    const got = await pickFiles(it());
    if (got && got.length > 0) await attachPaths(it().id, got);
  };

  const reject = async (e: Event) => {
    e.preventDefault();
    const why = reason().trim();
    if (!why) {
      setReasonErr(t("branding.reasonRequired"));
      return;
    }
    if (await setStatus(it(), "rejected", why)) {
      setRejecting(false);
      setReason("");
      setReasonErr(null);
    }
  };

  const remove = async () => {
    if (await askConfirm(t("branding.confirmDelete", { title: it().title }), t("common.delete"))) {
      await itemEdit(it().id, { type: "deleteBrandItem", id: it().id });
    }
  };

  const goToPanel = () => {
    const id = it().kind === "colours" ? "brand-colours" : "brand-chat";
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: "start" });
    el?.querySelector<HTMLElement>("input, select, textarea")?.focus({ preventScroll: true });
  };

  const due = () => {
    const d = it().due;
    return d ? formatDayKey(d, lang()) : null;
  };

  return (
    <li
      class="brand-item"
      data-testid="brand-item"
      data-id={it().id}
      data-kind={it().kind}
      data-status={it().status}
      data-takes-files={String(files())}
      classList={{
        flash: flashed(),
        "drop-ready": props.dragging && files(),
        "drop-target": props.dropTarget,
        [`brand-${it().status}`]: true,
      }}
      aria-busy={busy()}
    >
      <div class="brand-thumb" aria-hidden="true">
        <BrandThumb item={it()} />
      </div>

      <div class="brand-main">
        <div class="brand-title-line">
          <span class="strong brand-title" title={it().title}>
            {it().title}
          </span>
          <FindingBadge findings={findings()} />
          <span class="tag" classList={{ "tag-quiet": !it().required }} data-testid="brand-required">
            {it().required ? t("branding.required") : t("branding.optional")}
          </span>
        </div>
        <div class="brand-meta small">
          <span>
            <span class="muted">{t("branding.owner")}</span> {t(`owner.${it().owner}`)}
          </span>
          <span data-testid="brand-due" classList={{ "status-over": overdue() }} data-overdue={String(overdue())}>
            <span class="muted">{t("branding.due")}</span>{" "}
            <Show when={due()} fallback={<span class="muted">{t("branding.noDue")}</span>}>
              {(d) => (
                <>
                  {overdue() ? "⚠ " : ""}
                  {d()}
                  <Show when={overdue()}> ({t("branding.overdue")})</Show>
                  <Show when={!it().dueCustom}>
                    {" "}
                    <span class="muted">{t("branding.dueFollows")}</span>
                  </Show>
                </>
              )}
            </Show>
          </span>
        </div>
        <Show when={spec()}>
          <div class="brand-spec small" data-testid="brand-spec" title={t("branding.specTitle")}>
            {spec()}
          </div>
        </Show>
        <Show when={it().kind === "colours"}>
          <div class="brand-spec small muted">{t("branding.coloursHint")}</div>
        </Show>
        <Show when={it().kind === "chat"}>
          <div class="brand-spec small muted">{t("branding.chatHint")}</div>
        </Show>
        <Show when={it().status === "rejected" && it().reason}>
          <div class="brand-reason" data-testid="brand-reason">
            <strong>{t("branding.reasonLabel")}</strong> {it().reason}
          </div>
        </Show>
        <Show when={it().notes.trim()}>
          <div class="brand-notes small" data-testid="brand-notes">
            <span class="muted">{t("branding.notes")}</span> {it().notes}
          </div>
        </Show>
        <Show when={rowError(it().id)}>
          {(msg) => (
            <div class="field-error" data-testid="brand-error" role="alert">
              {msg()}
            </div>
          )}
        </Show>
      </div>

      <div class="brand-state">
        <span class={`brand-pill status-${it().status}`} data-testid="brand-status" data-status={it().status}>
          <span aria-hidden="true">{STATUS_MARK[it().status]}</span> {t(`branding.status.${it().status}`)}
        </span>
        <Show when={busy()}>
          <Show
            when={running[attachSlot(it().id)]}
            fallback={
              <span class="muted small">
                <span class="spinner" aria-hidden="true" /> {t("branding.attaching")}
              </span>
            }
          >
            <JobProgress slot={attachSlot(it().id)} />
          </Show>
        </Show>
      </div>

      <div class="brand-actions">
        <div class="toolbar">
          <Show when={acts().attach}>
            <button
              type="button"
              class="small"
              data-testid="brand-browse"
              title={t("branding.browseTitle")}
              disabled={busy()}
              onClick={() => void browse()}
            >
              ⤒ {t("branding.browse")}
            </button>
          </Show>
          <Show when={!files()}>
            <button type="button" class="small" data-testid="brand-fill" onClick={goToPanel}>
              {it().kind === "colours" ? t("branding.fillColours") : t("branding.fillChat")}
            </button>
          </Show>
          <Show when={acts().approve}>
            <button
              type="button"
              class="small"
              data-testid="brand-approve"
              title={acts().approveNeedsFile ? t("branding.approveNeedsFile") : t("branding.approveTitle")}
              disabled={busy()}
              onClick={() => void setStatus(it(), "approved")}
            >
              ✓ {t("branding.approve")}
            </button>
          </Show>
          <Show when={acts().reject}>
            <button
              type="button"
              class="small danger-quiet"
              data-testid="brand-reject"
              aria-expanded={rejecting()}
              disabled={busy()}
              onClick={() => {
                setRejecting(!rejecting());
                setReasonErr(null);
              }}
            >
              ✗ {t("branding.reject")}
            </button>
          </Show>
          <Show when={acts().reopen}>
            <button
              type="button"
              class="small"
              data-testid="brand-reopen"
              title={t("branding.reopenTitle")}
              disabled={busy()}
              onClick={() => void setStatus(it(), "requested")}
            >
              ↺ {t("branding.reopen")}
            </button>
          </Show>
          <button
            type="button"
            class="small"
            data-testid="brand-details-toggle"
            aria-expanded={detailsOpen(it().id)}
            onClick={() => setDetailsOpen(it().id, !detailsOpen(it().id))}
          >
            {detailsOpen(it().id) ? "▾" : "▸"}{" "}
            {files() ? t("branding.detailsFiles", { n: it().files.length }) : t("branding.details")}
          </button>
          {/* The checklist is the analyst's: the customer's lead fills it, not reshapes it. */}
          <Show when={v().may.shapeChecklist}>
            <button
              type="button"
              class="small"
              data-testid="brand-edit"
              aria-expanded={editing()}
              onClick={() => setEditing(!editing())}
            >
              {t("common.edit")}
            </button>
            <button type="button" class="small danger-quiet" data-testid="brand-delete" onClick={() => void remove()}>
              {t("common.delete")}
            </button>
          </Show>
        </div>
        <Show when={acts().attach}>
          <form class="brand-path-row" onSubmit={attachTyped}>
            <input
              class="mono brand-path"
              name={`brandPath-${it().id}`}
              data-testid="brand-path"
              autocomplete="off"
              spellcheck={false}
              placeholder={t("branding.pathPlaceholder")}
              aria-label={t("branding.pathLabel", { title: it().title })}
              value={path()}
              onInput={(e) => setPath(e.currentTarget.value)}
              disabled={busy()}
            />
            <button type="submit" class="small" data-testid="brand-attach" disabled={busy()}>
              {t("branding.attach")}
            </button>
          </form>
        </Show>
      </div>

      <Show when={rejecting()}>
        <form class="brand-wide brand-reject-form inline-form" onSubmit={reject}>
          <Field label={t("branding.rejectReason")} class="grow" error={reasonErr()}>
            <input
              name={`rejectReason-${it().id}`}
              data-testid="brand-reject-reason"
              autocomplete="off"
              placeholder={t("branding.rejectPlaceholder")}
              value={reason()}
              ref={(el) => queueMicrotask(() => el.focus())}
              onInput={(e) => setReason(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") setRejecting(false);
              }}
              aria-invalid={!!reasonErr()}
            />
          </Field>
          <div class="form-actions brand-reject-actions">
            <button type="submit" class="danger small" data-testid="brand-reject-confirm" disabled={busy()}>
              {t("branding.rejectConfirm")}
            </button>
            <button type="button" class="small" data-testid="brand-reject-cancel" onClick={() => setRejecting(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Show>

      <Show when={editing()}>
        <div class="brand-wide">
          <BrandItemForm item={it()} onDone={() => setEditing(false)} />
        </div>
      </Show>

      <Show when={detailsOpen(it().id)}>
        <BrandItemDetails item={it()} />
      </Show>
    </li>
  );
}
