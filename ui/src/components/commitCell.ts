// Text cells of the editable tables (run of show, extra cues, cue template, tasks) save their text
// when Enter is pressed or the cell is left; Escape puts the saved text back.

type InputKeyEvent = KeyboardEvent & { currentTarget: HTMLInputElement };
type InputFocusEvent = FocusEvent & { currentTarget: HTMLInputElement };

/**
 * The `onKeyDown` and `onBlur` handlers of a commit-on-Enter/blur input. Enter (without Alt, Ctrl
 * or Meta) commits with `fromEnter` true and leaving the cell commits with it false. Escape
 * (kept from the keys of the page) puts `saved()` back into the input, then calls `onRevert`.
 */
export function commitCell(opts: {
  saved: () => string;
  commit: (el: HTMLInputElement, fromEnter: boolean) => Promise<void>;
  onRevert?: (el: HTMLInputElement) => void;
}) {
  return {
    onKeyDown: (e: InputKeyEvent) => {
      if (e.key === "Enter" && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        void opts.commit(e.currentTarget, true);
      } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        e.currentTarget.value = opts.saved();
        opts.onRevert?.(e.currentTarget);
      }
    },
    onBlur: (e: InputFocusEvent) => void opts.commit(e.currentTarget, false),
  };
}

/**
 * Remembers the text being saved, so that the blur which follows an Enter does not send the
 * same text a second time while the first save is still under way.
 */
export function createInFlight() {
  let text: string | null = null;
  return {
    /** Is this text the one being saved right now? */
    has: (t: string): boolean => t === text,
    /** Runs `save` with `t` marked as being saved until it settles. */
    run: async (t: string, save: () => Promise<void>): Promise<void> => {
      text = t;
      try {
        await save();
      } finally {
        text = null;
      }
    },
  };
}
