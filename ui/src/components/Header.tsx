import { For, Show } from "solid-js";
import { LANGS } from "../enums";
import { lang, t, type MessageKey } from "../i18n";
import {
  changeLang,
  closeEvent,
  handoffPage,
  hideToTray,
  hour12,
  mode,
  setHelpOpen,
  setHour12,
  setMode,
  view,
  type Mode,
} from "../state";

const MODES: { id: Mode; label: MessageKey; title: MessageKey }[] = [
  { id: "analyst", label: "customer.mode.analyst", title: "customer.mode.analystTitle" },
  { id: "customer", label: "customer.mode.customer", title: "customer.mode.customerTitle" },
];

export function Header() {
  return (
    <header class="topbar" classList={{ "customer-mode": mode() === "customer" }}>
      <div class="brand">
        <span class="brand-mark" aria-hidden="true">
          ◉
        </span>
        <span class="brand-name">{t("app.name")}</span>
      </div>
      <nav class="crumbs" aria-label={t("nav.events")}>
        <button
          type="button"
          class="navlink"
          data-testid="nav-events"
          title={t("nav.eventsTitle")}
          aria-current={view() || handoffPage() ? undefined : "page"}
          onClick={() => closeEvent()}
        >
          {t("nav.events")}
        </button>
      </nav>
      <Show when={mode() === "customer"}>
        <span class="mode-marker" data-testid="customer-marker" role="status" title={t("customer.mode.markerTitle")}>
          <span aria-hidden="true">◆</span> {t("customer.mode.marker")}
        </span>
      </Show>
      <div class="spacer" />
      <div class="seg-toggle mode-toggle" role="group" aria-label={t("customer.mode.group")}>
        <For each={MODES}>
          {(m) => (
            <button
              type="button"
              data-testid={`mode-${m.id}`}
              title={t(m.title)}
              aria-pressed={mode() === m.id}
              onClick={() => mode() !== m.id && void setMode(m.id)}
            >
              {t(m.label)}
            </button>
          )}
        </For>
      </div>
      <div class="seg-toggle" role="group" aria-label={t("header.language")}>
        <For each={LANGS}>
          {(l) => (
            <button
              type="button"
              data-testid={`lang-${l}`}
              lang={l}
              title={t(`lang.${l}`)}
              aria-pressed={lang() === l}
              onClick={() => lang() !== l && void changeLang(l)}
            >
              {t(`langShort.${l}`)}
            </button>
          )}
        </For>
      </div>
      <div class="seg-toggle" role="group" aria-label={t("header.clock")}>
        <button
          type="button"
          data-testid="clock-12"
          title={t("header.hour12Title")}
          aria-pressed={hour12()}
          onClick={() => setHour12(true)}
        >
          {t("header.hour12")}
        </button>
        <button
          type="button"
          data-testid="clock-24"
          title={t("header.hour24Title")}
          aria-pressed={!hour12()}
          onClick={() => setHour12(false)}
        >
          {t("header.hour24")}
        </button>
      </div>
      <button
        type="button"
        data-testid="hide-window"
        title={t("header.hideTitle")}
        onClick={() => void hideToTray()}
      >
        <span aria-hidden="true">▁</span> {t("header.hide")}
      </button>
      <button
        type="button"
        class="icon-btn"
        data-testid="help"
        title={t("header.helpTitle")}
        aria-label={t("header.helpTitle")}
        onClick={() => setHelpOpen((o) => !o)}
      >
        {t("header.help")}
      </button>
    </header>
  );
}
