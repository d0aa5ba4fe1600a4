// A checklist line, expanded: its files with every check run on them, and its status history.
import { For, Show } from "solid-js";
import type { AssetCheck, AssetFile, BrandItem } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import { hour12, view } from "../../state";
import { formatDateTime } from "../../time";
import { formatBytes } from "../handoff/handoff";
import { checkLabel, previewOf, previewUrl, takesFiles } from "./branding";
import { actorCode, actorName, itemEdit } from "./store";

const HISTORY_COLUMNS: Column[] = [
  { label: "branding.historyWhen", class: "num" },
  { label: "branding.historyWho" },
  { label: "branding.historyChange" },
  { label: "branding.historyReason" },
];

/** The files (for the kinds that take files) and the history of status changes, newest first. */
export function BrandItemDetails(props: { item: BrandItem }) {
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
        <DataTable
          class="grid compact brand-history"
          columns={HISTORY_COLUMNS}
          scroll
          testid="brand-history"
          each={[...props.item.history].reverse()}
        >
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
        </DataTable>
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
        <Show when={view()?.brand.actions.find((a) => a.id === props.item.id)?.removeFiles}>
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
