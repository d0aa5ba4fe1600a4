import { createRoot } from "solid-js";
import type { Severity } from "../bindings";
import { t } from "../i18n";

/** Severity icon drawn inline (no icon font, so it renders whatever fonts the machine has). */
export function SeverityIcon(props: { severity: Severity }) {
  return (
    <svg class="sev-svg" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      {props.severity === "error" ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
        </>
      ) : props.severity === "warning" ? (
        <>
          <path d="M8 1.2l7 13H1z" fill="currentColor" stroke="currentColor" stroke-linejoin="round" />
          <path d="M8 5.6v4.2" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
          <circle cx="8" cy="12" r="1" fill="#fff" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 7.2v4.4" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
          <circle cx="8" cy="4.8" r="1.1" fill="#fff" />
        </>
      )}
    </svg>
  );
}

const icons = new Map<Severity, Element>();
/** A copy of `SeverityIcon` as a plain node, for what is drawn without components. */
export function severityIconNode(severity: Severity): Element {
  let icon = icons.get(severity);
  if (!icon) {
    icon = createRoot((dispose) => {
      const el = SeverityIcon({ severity }) as Element;
      dispose();
      return el;
    });
    icons.set(severity, icon);
  }
  return icon.cloneNode(true) as Element;
}

/** Severity as icon + word + colour (never colour alone). */
export function SeverityTag(props: { severity: Severity }) {
  return (
    <span class={`sev sev-${props.severity}`}>
      <SeverityIcon severity={props.severity} />
      {t(`severity.${props.severity}`)}
    </span>
  );
}
