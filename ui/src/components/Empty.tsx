// What a page shows while it has nothing to list yet.
import { children, Show, type JSX } from "solid-js";

/** `div.empty > h2 + p`, and the buttons given as children (if any) in a toolbar under them. */
export function EmptyState(props: { title: string; body: string; testid?: string; children?: JSX.Element }) {
  const actions = children(() => props.children);
  return (
    <div class="empty" data-testid={props.testid}>
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      <Show when={actions()}>
        <div class="toolbar">{actions()}</div>
      </Show>
    </div>
  );
}
