// One line of the branding checklist: what it is, whose, when due, its status and spec, the
// actions its status allows, and (expanded) its files with every check and its history.
import { createSignal, For, Show } from "solid-js";
import type { AssetCheck, AssetFile, BrandItem } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { FieldError } from "../../components/ErrorBanner";
import { lang, t } from "../../i18n";
import { highlight, hour12, mode, view } from "../../state";
import { formatDateTime, formatDayKey } from "../../time";
import { FindingBadge } from "../findings/FindingBadge";
import { findingsFor } from "../findings/findings";
import { formatBytes } from "../handoff/handoff";
import { BrandItemForm } from "./BrandItemForm";
import {
  actionsFor,
  checkLabel,
  KIND_ICON,
  latestFile,
  PALETTE_FIELDS,
  previewOf,
  previewUrl,
  specSummary,
  STATUS_MARK,
  takesFiles,
} from "./branding";
import { normaliseHex } from "./colour";
import {
  actorCode,
  actorName,
  attachPaths,
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
  const acts = () => actionsFor(it(), mode());
  const findings = () => findingsFor(v().findings, "brandItem", it().id);
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
        <Thumb item={it()} />
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
          <span class="muted small">
            <span class="spinner" aria-hidden="true" /> {t("branding.attaching")}
          </span>
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
          <Show when={mode() === "analyst"}>
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
          <label class="field grow">
            <span>{t("branding.rejectReason")}</span>
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
            <FieldError message={reasonErr()} />
          </label>
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
        <Details item={it()} />
      </Show>
    </li>
  );
}

/** The latest file's picture, a film mark, the palette's swatches or the kind's mark. */
function Thumb(props: { item: BrandItem }) {
  const preview = () => previewOf(latestFile(props.item));
  const palette = () => view()!.data.branding.palette;
  return (
    <Show
      when={props.item.kind !== "colours"}
      fallback={
        <span class="brand-swatches">
          <For each={PALETTE_FIELDS}>
            {(f) => {
              const c = () => normaliseHex(palette()[f]);
              return (
                <span
                  class="brand-swatch"
                  classList={{ unset: !c() }}
                  style={{ "background-color": c() ?? undefined }}
                />
              );
            }}
          </For>
        </span>
      }
    >
      <Show
        when={previewUrl(preview())}
        fallback={
          <span class="brand-kind-icon" data-film={String(preview().type === "film")}>
            {preview().type === "film" ? "🎞" : KIND_ICON[props.item.kind]}
          </span>
        }
      >
        {(url) => <img class="brand-thumb-img" src={url()} alt="" loading="lazy" />}
      </Show>
    </Show>
  );
}

// ---- details: files, checks, history -----------------------------------------------

function Details(props: { item: BrandItem }) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  const when = (at: string) => formatDateTime(at, zone(), lang(), hour12());
  const files = () => [...props.item.files].reverse();

  return (
    <div class="brand-wide brand-details" data-testid="brand-details">
      <Show when={takesFiles(props.item.kind)}>
        <h4>{t("branding.files")}</h4>
        <Show when={files().length > 0} fallback={<p class="empty-inline">{t("branding.noFiles")}</p>}>
          <ul class="brand-files">
            <For each={files()}>{(f) => <FileEntry item={props.item} file={f} when={when} />}</For>
          </ul>
        </Show>
      </Show>
      <h4>{t("branding.history")}</h4>
      <Show when={props.item.history.length > 0} fallback={<p class="empty-inline">{t("branding.noHistory")}</p>}>
        <div class="table-scroll">
          <table class="grid compact brand-history" data-testid="brand-history">
            <thead>
              <tr>
                <th class="num">{t("branding.historyWhen")}</th>
                <th>{t("branding.historyWho")}</th>
                <th>{t("branding.historyChange")}</th>
                <th>{t("branding.historyReason")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={[...props.item.history].reverse()}>
                {(h) => (
                  <tr data-testid="brand-history-row">
                    <td class="num">{when(h.at)}</td>
                    <td>{h.by ? actorName(h.by) : t("common.none")}</td>
                    <td>
                      {t(`branding.status.${h.from}`)} → <strong>{t(`branding.status.${h.to}`)}</strong>
                    </td>
                    <td class="brand-history-reason" title={h.reason}>
                      {h.reason || t("common.none")}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}

function FileEntry(props: { item: BrandItem; file: AssetFile; when: (at: string) => string }) {
  const f = () => props.file;
  const preview = () => previewOf(f());
  const facts = () => {
    const r = f().report;
    const out: string[] = [formatBytes(f().bytes)];
    if (r.fileType) out.push(r.fileType.toUpperCase());
    if (r.width !== null && r.height !== null) out.push(`${r.width}×${r.height}`);
    if (r.durationMs !== null) out.push(t("branding.seconds", { n: Math.round(r.durationMs / 100) / 10 }));
    return out.join(" · ");
  };
  const removeFile = async () => {
    if (await askConfirm(t("branding.confirmRemoveFile", { name: f().name }), t("branding.removeFile"))) {
      await itemEdit(props.item.id, {
        type: "removeBrandFile",
        id: props.item.id,
        sha256: f().sha256,
        by: actorCode(),
        at: new Date().toISOString(),
      });
    }
  };
  return (
    <li class="brand-file" data-testid="brand-file" data-sha={f().sha256} data-stored={String(f().stored)}>
      <div class="brand-file-head">
        <span class="brand-file-thumb" aria-hidden="true">
          <Show
            when={previewUrl(preview())}
            fallback={<span class="brand-kind-icon">{preview().type === "film" ? "🎞" : "▢"}</span>}
          >
            {(url) => <img src={url()} alt="" loading="lazy" />}
          </Show>
        </span>
        <span class="strong ellipsis" title={f().name}>
          {f().name}
        </span>
        <span class="muted small">{facts()}</span>
        <span class="muted small">
          {t("branding.addedBy", {
            who: f().addedBy ? actorName(f().addedBy) : t("common.none"),
            when: props.when(f().addedAt),
          })}
        </span>
        <Show when={!f().stored}>
          <span class="tag tag-warn" data-testid="brand-not-kept">
            {t("branding.notKept")}
          </span>
        </Show>
        <span class="spacer" />
        {/* Once approved, only the analyst takes a file back off. */}
        <Show when={mode() === "analyst" || props.item.status !== "approved"}>
          <button
            type="button"
            class="small danger-quiet"
            data-testid="brand-remove-file"
            onClick={() => void removeFile()}
          >
            {t("branding.removeFile")}
          </button>
        </Show>
      </div>
      <ul class="brand-checks">
        <For each={f().report.checks}>{(c) => <CheckLine check={c} />}</For>
      </ul>
    </li>
  );
}

function CheckLine(props: { check: AssetCheck }) {
  const c = () => props.check;
  const tone = () => (c().skipped ? "skipped" : c().ok ? "ok" : "fail");
  return (
    <li
      class={`brand-check check-${tone()}`}
      data-testid="brand-check"
      data-check={c().check}
      data-ok={String(c().ok)}
      data-skipped={String(c().skipped)}
    >
      <span class="brand-check-mark" aria-hidden="true">
        {c().skipped ? "–" : c().ok ? "✓" : "✗"}
      </span>
      <span class="sr-only">
        {c().skipped ? t("branding.checkSkipped") : c().ok ? t("branding.checkPassed") : t("branding.checkFailed")}
      </span>
      <span class="brand-check-name">{checkLabel(c().check)}</span>
      <span class="brand-check-detail">
        <Show
          when={!c().skipped}
          fallback={t("branding.notChecked", { found: c().found || c().expected || t("common.none") })}
        >
          {t("branding.expectedFound", {
            expected: c().expected || t("common.none"),
            found: c().found || t("common.none"),
          })}
        </Show>
      </span>
    </li>
  );
}
