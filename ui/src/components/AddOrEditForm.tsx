// The form above a list: the add form, or the edit form of one item.
import { Show, type JSX } from "solid-js";

/**
 * `form()` (the add form) while `editing` is "new"; `form(item)` for the item of `items` whose id
 * `editing` is (a fresh form for each item); nothing while `editing` is null.
 */
export function AddOrEditForm<T extends { id: string }>(props: {
  editing: string | null;
  items: readonly T[];
  form: (item?: T) => JSX.Element;
}) {
  const edited = () => props.items.find((x) => x.id === props.editing);
  return (
    <>
      <Show when={props.editing === "new"}>{props.form()}</Show>
      <Show when={edited()} keyed>
        {(item) => props.form(item)}
      </Show>
    </>
  );
}
