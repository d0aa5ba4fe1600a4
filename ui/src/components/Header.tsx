import { For } from "solid-js";
import { LANGS } from "../enums";
import { lang, t } from "../i18n";
import { changeLang, closeEvent, handoffPage, hideToTray, hour12, setHelpOpen, setHour12, view } from "../state";

export function Header() {
  return (
    <header class="topbar">
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
      <div class="spacer" />
      <div class="seg-toggle" role="group" aria-label={t("header.language")}>
        <For each={LANGS}>
          {(l) => (
            <button
              type="button"
              data-testid={`lang-${l}`}
              lang={l}
              title={t(`lang.${l}`)}
              aria-label={t(`lang.${l}`)}
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
