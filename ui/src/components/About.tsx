// The About box: version, where the data lives, the web engine, and the licences of every
// component shipped (generated at build time from cargo metadata, the npm lock file and the
// fonts' copyright file; see src-tauri/tests/licences.rs).
import { createMemo, createResource, createSignal, For, Show } from "solid-js";
import type { AppInfo, ComponentKind } from "../bindings";
import { licenceCounts, matching } from "./about";
import { t, type MessageKey } from "../i18n";
import * as ipc from "../ipc";

const KIND: Record<ComponentKind, MessageKey> = {
  crate: "about.kind.crate",
  npm: "about.kind.npm",
  font: "about.kind.font",
};

export function About(props: { onBack: () => void }) {
  const [info] = createResource<AppInfo>(() => ipc.appInfo());
  const [query, setQuery] = createSignal("");
  const all = () => info()?.components ?? [];
  const shown = createMemo(() => matching(all(), query()));
  const count = (k: ComponentKind) => all().filter((c) => c.kind === k).length;
  return (
    <div class="about" data-testid="about">
      <h2 id="help-title">{t("about.title")}</h2>
      <Show when={info()}>
        {(i) => (
          <>
            <dl class="about-facts">
              <dt>{t("about.version")}</dt>
              <dd data-testid="about-version">{i().version}</dd>
              <dt>{t("about.dataFolder")}</dt>
              <dd class="path" data-testid="about-data-folder">
                {i().dataFolder}
              </dd>
              <dt>{t("about.webkit")}</dt>
              <dd data-testid="about-webkit">{i().webkit ?? t("about.unknown")}</dd>
              <Show when={i().os}>
                <dt>{t("about.os")}</dt>
                <dd>{i().os}</dd>
              </Show>
            </dl>
            <h3>{t("about.components")}</h3>
            <p class="small" data-testid="about-summary">
              {t("about.summary", { crates: count("crate"), npm: count("npm"), fonts: count("font") })}
            </p>
            <ul class="about-licences" data-testid="about-licences">
              <For each={licenceCounts(all())}>
                {([licence, n]) => (
                  <li>
                    <button type="button" class="link" onClick={() => setQuery(licence)}>
                      {licence}
                    </button>{" "}
                    <span class="muted">({n})</span>
                  </li>
                )}
              </For>
            </ul>
            <label class="about-filter">
              <span class="sr-only">{t("about.filter")}</span>
              <input
                type="search"
                placeholder={t("about.filter")}
                value={query()}
                onInput={(e) => setQuery(e.currentTarget.value)}
                data-testid="about-filter"
              />
              <span class="muted small" aria-live="polite">
                {t("about.shown", { n: shown().length, total: all().length })}
              </span>
            </label>
            <div class="about-list" tabindex="0" role="group" aria-label={t("about.components")}>
              <table class="grid compact">
                <thead>
                  <tr>
                    <th scope="col">{t("about.name")}</th>
                    <th scope="col">{t("about.licence")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={shown()}>
                    {(c) => (
                      <tr data-testid="about-component">
                        <td>
                          <span class="strong">{c.name}</span> <span class="muted">{c.version ?? ""}</span>
                          <span class="muted small"> · {t(KIND[c.kind])}</span>
                        </td>
                        <td>{c.licence}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
      <div class="dialog-actions">
        <button type="button" data-testid="about-back" onClick={() => props.onBack()}>
          {t("common.back")}
        </button>
      </div>
    </div>
  );
}
