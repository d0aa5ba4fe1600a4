// What the customer lead's two forms (a session, a speaker) do alike.

/** The form's `onKeyDown`: Escape closes it without saving. */
export function closeOnEscape(close: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  };
}

/** Puts the focus on the form's first field marked invalid, once its message has rendered. */
export function focusFirstInvalid(form: HTMLFormElement | undefined): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
}
