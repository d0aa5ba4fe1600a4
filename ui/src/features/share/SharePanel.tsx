// "Share on the network": the live view's button and its dialog. The server (on/off, where it
// listens, its port) with its status, a new link to a view with its addresses and QR code (the
// token is in them and is shown this once only: never logged, never in a title or test id),
// and the event's links with revoking.
import { createEffect, createMemo, createSignal, For, Match, on, onCleanup, onMount, Show, Switch } from "solid-js";
import type { ShareLink, ShareStatus, SharedLink, Stage } from "../../bindings";
import { askConfirm, confirmOpen } from "../../components/Confirm";
import { Check, Field } from "../../components/Field";
import { FieldError } from "../../components/ErrorBanner";
import { SeverityIcon } from "../../components/Severity";
import { lang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { startPolling } from "../../poll";
import { hour12 } from "../../state";
import { formatDateTime, machineZone } from "../../time";
import {
  activeCount,
  fieldOfError,
  formOf,
  linkRows,
  settingsFromForm,
  SHARE_VIEWS,
  statusView,
  svgDataUrl,
  viewersKey,
  viewHasStage,
  viewKey,
  type BindChoice,
  type OfferedView,
  type ServerField,
  type ServerForm,
} from "./share";
import "./share.css";

/** The status is asked again this often while the dialog is open (screens come and go). */
export const STATUS_EVERY_MS = 2000;

const [open, setOpen] = createSignal(false);

/** The share dialog is showing (the live view's keys stand aside). */
export const shareOpen = open;

export function ShareButton() {
  return (
    <button
      type="button"
      class="share-open"
      data-testid="open-share"
      aria-haspopup="dialog"
      title={t("share.openTitle")}
      onClick={() => setOpen(true)}
    >
      {t("share.open")}
    </button>
  );
}

export function ShareDialog(props: { eventId: string; stages: readonly Stage[]; zone: string }) {
  return (
    <Show when={open()}>
      <Panel eventId={props.eventId} stages={props.stages} zone={props.zone} onClose={() => setOpen(false)} />
    </Show>
  );
}

const FOCUSABLE = "button:not(:disabled), input:not(:disabled), select:not(:disabled), [tabindex]:not([tabindex='-1'])";

function Panel(props: { eventId: string; stages: readonly Stage[]; zone: string; onClose: () => void }) {
  let dialogEl: HTMLDivElement | undefined;
  let firstEl: HTMLInputElement | undefined;
  const [problem, setProblem] = createSignal<string | null>(null);
  const report = (e: unknown) => setProblem(ipc.toErrorPayload(e).message);

  // ---- server ------------------------------------------------------------------------------
  const [status, setStatus] = createSignal<ShareStatus | null>(null);
  const [statusFailed, setStatusFailed] = createSignal<string | null>(null);
  const [form, setForm] = createSignal<ServerForm | null>(null);
  const [errors, setErrors] = createSignal<Partial<Record<ServerField, string>>>({});
  const [applying, setApplying] = createSignal(false);
  // Field messages come in the language of the moment: clear them when it changes.
  createEffect(on(lang, () => setErrors({}), { defer: true }));

  const poller = startPolling(async () => {
    try {
      const s = await ipc.shareStatus();
      setStatus(s);
      setStatusFailed(null);
      // The form opens on the stored settings; after that it is the user's.
      if (!form()) setForm(formOf(s.settings));
    } catch (e) {
      setStatusFailed(ipc.toErrorPayload(e).message);
    }
  }, STATUS_EVERY_MS);
  onCleanup(() => poller.stop());

  const edit = (patch: Partial<ServerForm>) => {
    const f = form();
    if (!f) return;
    setForm({ ...f, ...patch });
    const touched = Object.keys(patch).map((k) => (k === "choice" || k === "address" ? "bind" : k));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.includes(k))));
  };

  /** The form differs from what the server follows (a "not applied yet" note). */
  const unapplied = createMemo(() => {
    const f = form();
    const s = status();
    if (!f || !s) return false;
    const r = settingsFromForm(f, s.settings);
    if (!r.ok) return true;
    const a = r.settings;
    const b = s.settings;
    return a.on !== b.on || a.bind !== b.bind || a.port !== b.port;
  });

  const apply = async (e: Event) => {
    e.preventDefault();
    const f = form();
    const s = status();
    if (!f || !s || applying()) return;
    const r = settingsFromForm(f, s.settings);
    if (!r.ok) {
      setErrors(Object.fromEntries(Object.entries(r.errors).map(([k, key]) => [k, t(key)])));
      return;
    }
    setErrors({});
    setApplying(true);
    try {
      const st = await ipc.setShare({ settings: r.settings });
      setStatus(st);
      setForm(formOf(st.settings));
      setProblem(null);
    } catch (err) {
      const p = ipc.toErrorPayload(err);
      const field = fieldOfError(p.field);
      if (field) setErrors({ [field]: p.message });
      else setProblem(p.message);
    } finally {
      setApplying(false);
    }
    poller.poke();
  };

  const state = createMemo(() => {
    const s = status();
    return s ? statusView(s) : null;
  });
  const running = () => status()?.running === true;
  const failure = () => {
    const v = state();
    return v?.state === "failed" ? v.error : null;
  };
  const serving = () => {
    const v = state();
    return v?.state === "on" ? v : null;
  };
  /** Listening (or about to listen) on every network: anyone there with a link gets in. */
  const everywhere = () => form()?.choice === "all" || serving()?.everywhere === true;

  // ---- new link ----------------------------------------------------------------------------
  const [linkView, setLinkView] = createSignal<OfferedView>("speaker-timer");
  const [stageId, setStageId] = createSignal("");
  const [control, setControl] = createSignal(false);
  const [creating, setCreating] = createSignal(false);
  const [made, setMade] = createSignal<SharedLink | null>(null);
  const [copied, setCopied] = createSignal<number | null>(null);
  const [copyFailed, setCopyFailed] = createSignal(false);
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(copiedTimer));

  const create = async (e: Event) => {
    e.preventDefault();
    if (!running() || creating()) return;
    setCreating(true);
    setCopied(null);
    setCopyFailed(false);
    try {
      const v = linkView();
      const link = await ipc.makeShareLink({
        eventId: props.eventId,
        view: v,
        stageId: viewHasStage(v) ? stageId() || null : null,
        control: control(),
      });
      setMade(link);
      setProblem(null);
      void loadLinks();
    } catch (err) {
      report(err);
    } finally {
      setCreating(false);
    }
  };

  const copy = async (url: string, i: number) => {
    clearTimeout(copiedTimer);
    try {
      await navigator.clipboard.writeText(url);
      setCopyFailed(false);
      setCopied(i);
      copiedTimer = setTimeout(() => setCopied(null), 2500);
    } catch {
      setCopied(null);
      setCopyFailed(true);
    }
  };

  // ---- links ---------------------------------------------------------------------------------
  const [links, setLinks] = createSignal<ShareLink[]>([]);
  const [linksLoaded, setLinksLoaded] = createSignal(false);
  const rows = createMemo(() => linkRows(links(), props.stages));
  const loadLinks = async () => {
    try {
      setLinks(await ipc.shareLinks({ eventId: props.eventId }));
      setLinksLoaded(true);
    } catch (e) {
      report(e);
    }
  };
  const revoke = async (id: string) => {
    try {
      await ipc.revokeShareLink({ id });
      setProblem(null);
    } catch (e) {
      report(e);
    }
    await loadLinks();
  };
  const revokeAll = async () => {
    if (!(await askConfirm(t("share.revokeAllConfirm"), t("share.revokeAllYes")))) return;
    try {
      await ipc.revokeAllShareLinks();
      setProblem(null);
    } catch (e) {
      report(e);
    }
    await loadLinks();
  };
  const fmt = (iso: string) => formatDateTime(iso, props.zone, lang(), hour12());

  // ---- focus and keys ------------------------------------------------------------------------
  const onKey = (e: KeyboardEvent) => {
    // The revoke-all confirmation sits above this dialog and answers its own keys.
    if (confirmOpen()) return;
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };
  /** Tab and Shift+Tab go round the dialog's controls. */
  const trapTab = (e: KeyboardEvent) => {
    if (e.key !== "Tab" || !dialogEl) return;
    const all = [...dialogEl.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (all.length === 0) return;
    const first = all[0];
    const last = all[all.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === dialogEl)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };
  onMount(() => {
    const prev = document.activeElement as HTMLElement | null;
    dialogEl?.focus();
    void loadLinks();
    document.addEventListener("keydown", onKey, true);
    onCleanup(() => {
      document.removeEventListener("keydown", onKey, true);
      prev?.focus?.();
    });
  });
  // Once the settings arrived, the first control takes the focus (unless the user moved it).
  createEffect(
    on(
      () => form() !== null,
      (ready) => {
        if (ready && document.activeElement === dialogEl) queueMicrotask(() => firstEl?.focus());
      },
    ),
  );

  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={dialogEl}
        class="dialog share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-title"
        tabIndex={-1}
        data-testid="share-panel"
        data-native-undo
        onKeyDown={trapTab}
      >
        <div class="share-head">
          <h2 id="share-title">{t("share.title")}</h2>
          <button type="button" data-testid="share-close" onClick={() => props.onClose()}>
            {t("common.close")}
          </button>
        </div>
        <Show when={problem()}>
          <div class="share-problem" role="alert" data-testid="share-error">
            <SeverityIcon severity="error" />
            <span>{problem()}</span>
            <button type="button" class="link" onClick={() => setProblem(null)}>
              {t("common.dismiss")}
            </button>
          </div>
        </Show>

        {/* ---- server ---- */}
        <section class="share-section" aria-labelledby="share-server-title">
          <h3 id="share-server-title">{t("share.server")}</h3>
          <Show when={form()} fallback={<p class="muted">{statusFailed() ?? t("common.loading")}</p>}>
            {(f) => (
              <form class="share-server" onSubmit={(e) => void apply(e)}>
                <div class="form-row share-row">
                  <label class="check share-switch" title={t("share.onTitle")}>
                    <input
                      ref={firstEl}
                      type="checkbox"
                      role="switch"
                      name="shareOn"
                      data-testid="share-on"
                      checked={f().on}
                      onChange={(e) => edit({ on: e.currentTarget.checked })}
                    />
                    {t("share.on")}
                  </label>
                </div>
                <div class="form-row share-row">
                  <Field label={t("share.listenOn")}>
                    <select
                      name="shareBind"
                      data-testid="share-bind"
                      value={f().choice}
                      onChange={(e) => edit({ choice: e.currentTarget.value as BindChoice })}
                    >
                      <option value="loopback">{t("share.bind.loopback")}</option>
                      <option value="all">{t("share.bind.all")}</option>
                      <option value="one">{t("share.bind.one")}</option>
                    </select>
                  </Field>
                  <Show when={f().choice === "one"}>
                    <Field label={t("share.address")} error={errors().bind} errorId="share-address-error">
                      <input
                        name="shareAddress"
                        class="share-address"
                        data-testid="share-address"
                        value={f().address}
                        placeholder={t("share.addressPlaceholder")}
                        spellcheck={false}
                        aria-invalid={!!errors().bind}
                        aria-describedby={errors().bind ? "share-address-error" : undefined}
                        onInput={(e) => edit({ address: e.currentTarget.value })}
                      />
                    </Field>
                  </Show>
                  <Show when={f().choice !== "one"}>
                    {/* A stored address the choices do not name still gets its message. */}
                    <FieldError message={errors().bind} />
                  </Show>
                  <Field label={t("share.port")} error={errors().port} errorId="share-port-error">
                    <input
                      name="sharePort"
                      class="share-port"
                      data-testid="share-port"
                      inputMode="numeric"
                      value={f().port}
                      aria-invalid={!!errors().port}
                      aria-describedby={errors().port ? "share-port-error" : undefined}
                      onInput={(e) => edit({ port: e.currentTarget.value })}
                    />
                  </Field>
                  <div class="share-apply">
                    <button
                      type="submit"
                      class="primary"
                      data-testid="share-apply"
                      title={t("share.applyTitle")}
                      disabled={applying()}
                    >
                      {applying() ? t("share.applying") : t("share.apply")}
                    </button>
                    <Show when={unapplied() && !applying()}>
                      <span class="muted small" data-testid="share-unapplied">
                        {t("share.unapplied")}
                      </span>
                    </Show>
                  </div>
                </div>
              </form>
            )}
          </Show>
          <div class="share-state" data-testid="share-state" role="status" data-state={state()?.state ?? "unknown"}>
            <Switch>
              <Match when={state()?.state === "off"}>
                <p class="muted">{t("share.state.off")}</p>
              </Match>
              <Match when={state()?.state === "starting"}>
                <p class="muted">{t("share.state.starting")}</p>
              </Match>
              <Match when={failure()}>
                {(error) => (
                  <p class="share-failed">
                    <SeverityIcon severity="error" /> {t("share.state.failed", { error: error() })}
                  </p>
                )}
              </Match>
              <Match when={serving()}>
                {(on) => (
                  <>
                    <For each={on().urls}>
                      {(url) => (
                        <p class="share-on-line">
                          <span class="share-dot" aria-hidden="true">
                            ●
                          </span>{" "}
                          {t("share.state.on", { url })}
                        </p>
                      )}
                    </For>
                    <p class="muted" data-testid="share-viewers">
                      {t(viewersKey(on().viewers), { n: on().viewers })}
                    </p>
                  </>
                )}
              </Match>
            </Switch>
          </div>
          <Show when={everywhere()}>
            <p class="share-warning" data-testid="share-warning">
              <SeverityIcon severity="warning" /> {t("share.everywhereWarning")}
            </p>
          </Show>
        </section>

        {/* ---- new link ---- */}
        <section class="share-section" aria-labelledby="share-new-title">
          <h3 id="share-new-title">{t("share.newLink")}</h3>
          <form class="share-new" onSubmit={(e) => void create(e)}>
            <div class="form-row share-row">
              <Field label={t("share.view")}>
                <select
                  name="shareView"
                  data-testid="share-view"
                  value={linkView()}
                  disabled={!running()}
                  onChange={(e) => setLinkView(e.currentTarget.value as OfferedView)}
                >
                  <For each={SHARE_VIEWS}>{(v) => <option value={v}>{t(viewKey(v))}</option>}</For>
                </select>
              </Field>
              <Show when={viewHasStage(linkView())}>
                <Field label={t("share.stage")}>
                  <select
                    name="shareStage"
                    data-testid="share-stage"
                    value={stageId()}
                    disabled={!running()}
                    onChange={(e) => setStageId(e.currentTarget.value)}
                  >
                    <option value="">{t("share.onAir")}</option>
                    <For each={props.stages}>{(st) => <option value={st.id}>{st.name}</option>}</For>
                  </select>
                </Field>
              </Show>
            </div>
            <div class="share-new-actions">
              <Check
                class="share-control"
                name="shareControl"
                testid="share-control"
                title={t("share.controlTitle")}
                checked={control()}
                disabled={!running()}
                onCheck={setControl}
              >
                {t("share.control")}
              </Check>
              <button
                type="submit"
                class="primary share-create"
                data-testid="share-create"
                title={t("share.createTitle")}
                disabled={!running() || creating()}
                aria-describedby={running() ? undefined : "share-needs-server"}
              >
                {t("share.create")}
              </button>
            </div>
          </form>
          <Show when={!running()}>
            <p class="muted small" id="share-needs-server" data-testid="share-needs-server">
              {t("share.needsServer")}
            </p>
          </Show>
          <Show when={made()}>
            {(m) => (
              <div class="share-made" data-testid="share-made">
                <div class="share-made-text">
                  <p class="share-made-title">
                    {t("share.linkMade", { view: t(viewKey(m().link.view)) })}
                    <Show when={m().link.control}>
                      {" · "}
                      {t("share.col.control")}
                    </Show>
                  </p>
                  <p class="share-copy-now" role="status">
                    <SeverityIcon severity="warning" /> {t("share.copyNow")}
                  </p>
                  <ul class="share-urls">
                    <For each={m().urls}>
                      {(url, i) => (
                        <li>
                          <code class="share-url" data-testid={i() === 0 ? "share-url" : undefined}>
                            {url}
                          </code>
                          <button
                            type="button"
                            class="small"
                            data-testid="share-copy"
                            title={t("share.copyTitle")}
                            onClick={() => void copy(url, i())}
                          >
                            {copied() === i() ? `✓ ${t("share.copied")}` : t("share.copy")}
                          </button>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={copyFailed()}>
                    <p class="muted small" role="alert">
                      {t("share.copyFailed")}
                    </p>
                  </Show>
                </div>
                <Show when={m().qrSvg}>
                  <img class="share-qr" data-testid="share-qr" src={svgDataUrl(m().qrSvg)} alt={t("share.qrAlt")} />
                </Show>
              </div>
            )}
          </Show>
        </section>

        {/* ---- links ---- */}
        <section class="share-section" aria-labelledby="share-links-title">
          <div class="share-links-head">
            <h3 id="share-links-title">{t("share.links")}</h3>
            <Show when={props.zone !== machineZone()}>
              <span class="muted small">{t("share.linksZone", { zone: props.zone })}</span>
            </Show>
            <div class="spacer" />
            <button
              type="button"
              class="small danger-quiet"
              data-testid="share-revoke-all"
              title={t("share.revokeAllTitle")}
              disabled={activeCount(links()) === 0}
              onClick={() => void revokeAll()}
            >
              {t("share.revokeAll")}
            </button>
          </div>
          <Show
            when={rows().length > 0}
            fallback={<p class="muted">{linksLoaded() ? t("share.noLinks") : t("common.loading")}</p>}
          >
            <div class="share-links-scroll" tabIndex={0} role="group" aria-labelledby="share-links-title">
              <table class="grid compact share-links" data-testid="share-links">
                <thead>
                  <tr>
                    <th scope="col">{t("share.col.view")}</th>
                    <th scope="col">{t("share.col.stage")}</th>
                    <th scope="col">{t("share.col.control")}</th>
                    <th scope="col" class="num">
                      {t("share.col.created")}
                    </th>
                    <th scope="col">{t("share.col.state")}</th>
                    <th scope="col">
                      <span class="sr-only">{t("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={rows()}>
                    {(r) => (
                      <tr data-testid="share-link-row" data-link-id={r.id} data-active={r.active}>
                        <td>{t(viewKey(r.view))}</td>
                        <td class="ellipsis">
                          {r.stage ?? (r.onAir ? t("share.onAirShort") : t("common.none"))}
                        </td>
                        <td>{r.control ? t("share.yes") : t("share.no")}</td>
                        <td class="num">{fmt(r.created)}</td>
                        <td>
                          <Show when={r.active} fallback={<s class="muted">{t("share.revoked")}</s>}>
                            {t("share.active")}
                          </Show>
                        </td>
                        <td class="share-row-actions">
                          <Show when={r.active}>
                            <button
                              type="button"
                              class="small danger-quiet"
                              data-testid="share-revoke"
                              title={t("share.revokeTitle")}
                              onClick={() => void revoke(r.id)}
                            >
                              {t("share.revoke")}
                            </button>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </section>

      </div>
    </div>
  );
}
