// The data tables (`table.grid`): a `<colgroup>` when the columns have widths, the `<thead>` row
// of headings from a list of columns, then the body: one row per item (`DataTable`) or the
// table's own `<tbody>` (`Table`). With `scroll`, the table sits in a `div.table-scroll`.
import { createEffect, createMemo, createSignal, For, on, Show, splitProps, type JSX } from "solid-js";
import { createWindow } from "./createWindow";
import { spacers } from "./window";
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
  /** `aria-rowcount` (a windowed table: every row, the heading row included). */
  rowcount?: number;
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
      aria-rowcount={props.rowcount}
    >
      <Show when={props.columns.some((c) => c.col)}>
        <colgroup>
          <For each={props.columns}>{(c) => <col class={c.col} />}</For>
        </colgroup>
      </Show>
      <thead>
        <tr aria-rowindex={props.rowcount === undefined ? undefined : 1}>
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

/**
 * A `DataTable` for lists that can run to thousands of rows: only the rows on screen (plus a few)
 * are in the DOM, blank rows stand in for the others, and `index` is the row's place in the whole
 * list. Rows have one height (`rowHeight`, checked against the first rendered row).
 */
export function WindowedTable<T>(
  props: TableProps & {
    each: readonly T[];
    rowHeight?: number;
    /** Lists of at most this many rows are rendered whole (default 200). */
    renderAll?: number;
    /** A row to scroll into view (a jump from the findings panel); rendered before the next frame. */
    reveal?: number | null;
    children: (item: T, index: () => number) => JSX.Element;
  },
) {
  const [own, table] = splitProps(props, ["each", "children", "rowHeight", "reveal", "renderAll"]);
  const [rowHeight, setRowHeight] = createSignal(own.rowHeight ?? 33);
  const win = createWindow({
    count: () => own.each.length,
    rowHeight,
    overscan: 8,
    renderAll: own.renderAll ?? 200,
  });
  const shown = createMemo(() => {
    const r = win.range();
    return own.each.slice(r.start, r.end);
  });
  const gap = () => spacers(win.range(), rowHeight(), own.each.length);
  let body: HTMLTableSectionElement | undefined;
  // Row height as rendered (fonts, zoom): measured once rows are on screen.
  createEffect(
    on(shown, () =>
      requestAnimationFrame(() => {
        const row = body?.querySelector<HTMLElement>(":scope > tr:not(.spacer-row)");
        const h = row?.getBoundingClientRect().height ?? 0;
        if (h > 0 && Math.abs(h - rowHeight()) > 0.5) setRowHeight(h);
      }),
    ),
  );
  createEffect(
    on(
      () => own.reveal,
      (i) => {
        if (i != null && i >= 0) win.reveal(i);
      },
    ),
  );
  const spacer = (px: () => number) => (
    <Show when={px() > 0}>
      <tr class="spacer-row" aria-hidden="true">
        <td colSpan={table.columns.length} style={{ height: `${px()}px` }} />
      </tr>
    </Show>
  );
  return (
    <Table {...table} rowcount={own.each.length + 1}>
      <tbody
        ref={(el) => {
          body = el;
          win.ref(el);
        }}
      >
        {spacer(() => gap().before)}
        <For each={shown()}>{(item, i) => own.children(item, () => win.range().start + i())}</For>
        {spacer(() => gap().after)}
      </tbody>
    </Table>
  );
}
