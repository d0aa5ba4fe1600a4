// The labelled form controls the forms are built from: `label.field > span + control + .field-error`,
// `div.field > label[for] + controls`, `fieldset.field > legend`, `label.check > input[type=checkbox]`
// and the table cells' `label.check-cell`. Each renders the markup the forms used to write by hand.
import type { JSX } from "solid-js";
import { FieldError } from "./ErrorBanner";

/** `field` followed by the extra classes (e.g. "grow", "time-field"), if any. */
function fieldClass(base: string, extra: string | undefined): string {
  return extra ? `${base} ${extra}` : base;
}

/**
 * A control with its label above it and its error message (nothing while there is none) under it:
 * `<label class="field …"><span>label</span>{control}<div class="field-error">…</div></label>`.
 */
export function Field(props: {
  label: JSX.Element;
  /** Classes after `field`, e.g. "grow" or "time-field". */
  class?: string;
  error?: string | null;
  /** The message's id, for the control's `aria-describedby`. */
  errorId?: string;
  children: JSX.Element;
}) {
  return (
    <label class={fieldClass("field", props.class)}>
      <span>{props.label}</span>
      {props.children}
      <FieldError message={props.error} id={props.errorId} />
    </label>
  );
}

/**
 * A field of several controls whose label names one of them by id:
 * `<div class="field …"><label for=…>label</label>{controls}<div class="field-error">…</div></div>`.
 */
export function FieldGroup(props: {
  label: JSX.Element;
  /** The id of the control the label names. */
  for: string;
  /** Classes after `field`. */
  class?: string;
  error?: string | null;
  errorId?: string;
  children: JSX.Element;
}) {
  return (
    <div class={fieldClass("field", props.class)}>
      <label for={props.for}>{props.label}</label>
      {props.children}
      <FieldError message={props.error} id={props.errorId} />
    </div>
  );
}

/** A group of controls under one legend, with the group's error message last. */
export function FieldSet(props: {
  legend: JSX.Element;
  /** Classes after `field`, e.g. "budget". */
  class?: string;
  testid?: string;
  error?: string | null;
  errorId?: string;
  children: JSX.Element;
}) {
  return (
    <fieldset class={fieldClass("field", props.class)} data-testid={props.testid}>
      <legend>{props.legend}</legend>
      {props.children}
      <FieldError message={props.error} id={props.errorId} />
    </fieldset>
  );
}

/** A checkbox followed by its label: `<label class="check …"><input type="checkbox">label</label>`. */
export function Check(props: {
  checked: boolean;
  onCheck: (checked: boolean) => void;
  name?: string;
  testid?: string;
  /** Classes after `check`. */
  class?: string;
  /** The label's tooltip. */
  title?: string;
  disabled?: boolean;
  children: JSX.Element;
}) {
  return (
    <label class={fieldClass("check", props.class)} title={props.title}>
      <input
        type="checkbox"
        name={props.name}
        data-testid={props.testid}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onCheck(e.currentTarget.checked)}
      />
      {props.children}
    </label>
  );
}

/** A checkbox alone in a table cell, with a ✓ beside it while checked. */
export function CheckCell(props: {
  testid: string;
  /** Its accessible name (the cell has no visible label). */
  label: string;
  checked: boolean;
  onCheck: (checked: boolean) => void;
}) {
  return (
    <label class="check-cell">
      <input
        type="checkbox"
        data-testid={props.testid}
        aria-label={props.label}
        checked={props.checked}
        onChange={(e) => props.onCheck(e.currentTarget.checked)}
      />
      <span aria-hidden="true">{props.checked ? "✓" : ""}</span>
    </label>
  );
}
