// Building blocks shared by the Handoff tab's sections.
import { type JSX } from "solid-js";
import { FieldGroup } from "../../components/Field";
import { t } from "../../i18n";

export function PathField(props: {
  label: string;
  testid: string;
  name: string;
  value: string;
  onValue: (v: string) => void;
  onBrowse: () => void;
  browseTestid: string;
  browseTitle: string;
  disabled?: boolean;
  placeholder?: string;
}) {
  const id = `path-${props.name}`;
  return (
    <FieldGroup label={props.label} for={id} class="path-field">
      <div class="path-row">
        <input
          id={id}
          class="path-input mono"
          name={props.name}
          data-testid={props.testid}
          autocomplete="off"
          spellcheck={false}
          placeholder={props.placeholder}
          title={props.value}
          disabled={props.disabled}
          value={props.value}
          onInput={(e) => props.onValue(e.currentTarget.value)}
          onChange={(e) => props.onValue(e.currentTarget.value)}
        />
        <button
          type="button"
          data-testid={props.browseTestid}
          title={props.browseTitle}
          disabled={props.disabled}
          onClick={() => props.onBrowse()}
        >
          {t("handoff.browse")}
        </button>
      </div>
    </FieldGroup>
  );
}

/** A section card with its heading. */
export function Section(props: { id: string; title: string; testid: string; children: JSX.Element }) {
  return (
    <section class="card handoff-card" aria-labelledby={props.id} data-testid={props.testid}>
      <h3 id={props.id}>{props.title}</h3>
      {props.children}
    </section>
  );
}

/** A success line: ✓ and the text, with Dismiss. */
export function Notice(props: { testid: string; children: JSX.Element; onDismiss: () => void }) {
  return (
    <div class="notice handoff-notice" role="status" data-testid={props.testid}>
      <span class="notice-mark" aria-hidden="true">
        ✓
      </span>
      <div class="notice-text">{props.children}</div>
      <button type="button" class="link" onClick={() => props.onDismiss()}>
        {t("common.dismiss")}
      </button>
    </div>
  );
}
