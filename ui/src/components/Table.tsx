// The data tables (`table.grid`): a `<colgroup>` when the columns have widths, the `<thead>` row
// of headings from a list of columns, then the body: one row per item (`DataTable`) or the
// table's own `<tbody>` (`Table`). With `scroll`, the table sits in a `div.table-scroll`.
import { For, Show, splitProps, type JSX } from "solid-js";
import { t, type MessageKey } from "../i18n";

/** One column of a data table. */
export interface Column {
  /** The heading. */
  label: MessageKey;
  /** The heading cell's class: "num", "center", "actions-col"… */
  class?: string;
  /** The heading's tooltip. */
  title?: MessageKey;
  /** The `<col>`'s class, e.g. "c-kind" (a `<colgroup>` is written when a column has one). */
  col?: string;
  /** The heading is read by screen readers only (a column of buttons). */
  hidden?: boolean;
}

interface TableProps {
  class: string;
  columns: readonly Column[];
  /** Inside a `div.table-scroll`. */
  scroll?: boolean;
  testid?: string;
  role?: "grid";
  /** `aria-label`. */
  label?: string;
  /** `aria-labelledby`. */
  labelledby?: string;
  /** `aria-busy`. */
  busy?: boolean;
}

/** A data table whose body (`children`: one or more `<tbody>`) the caller writes. */
export function Table(props: TableProps & { children: JSX.Element }) {
  const table = (
    <table
      class={props.class}
      role={props.role}
      data-testid={props.testid}
      aria-label={props.label}
      aria-labelledby={props.labelledby}
      aria-busy={props.busy}
    >
      <Show when={props.columns.some((c) => c.col)}>
        <colgroup>
          <For each={props.columns}>{(c) => <col class={c.col} />}</For>
        </colgroup>
      </Show>
      <thead>
        <tr>
          <For each={props.columns}>
            {(c) => (
              <th class={c.class} title={c.title ? t(c.title) : undefined}>
                {c.hidden ? <span class="sr-only">{t(c.label)}</span> : t(c.label)}
              </th>
            )}
          </For>
        </tr>
      </thead>
      {props.children}
    </table>
  );
  return props.scroll ? <div class="table-scroll">{table}</div> : table;
}

/** A data table with one `children(item, index)` row (or rows) per item of `each`. */
export function DataTable<T>(
  props: TableProps & { each: readonly T[]; children: (item: T, index: () => number) => JSX.Element },
) {
  const [own, table] = splitProps(props, ["each", "children"]);
  return (
    <Table {...table}>
      <tbody>
        <For each={own.each}>{own.children}</For>
      </tbody>
    </Table>
  );
}
