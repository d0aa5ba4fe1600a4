import { createMemo, createSignal, Show } from "solid-js";
import type { Person, PersonFields } from "../../bindings";
import { AddOrEditForm } from "../../components/AddOrEditForm";
import { askConfirm } from "../../components/Confirm";
import { EmptyState } from "../../components/Empty";
import { CheckCell } from "../../components/Field";
import { WindowedTable, type Column } from "../../components/Table";
import { ZoneDatalist } from "../../components/ZoneDatalist";
import { t } from "../../i18n";
import { applyEdit, highlight, view } from "../../state";
import { FindingBadge } from "../findings/FindingBadge";
import { findingsOf } from "../../indexes";
import { personFields } from "../customer/speakers";
import { PersonForm } from "./PersonForm";

const COLUMNS: Column[] = [
  { label: "people.col.name" },
  { label: "people.col.role" },
  { label: "people.col.email" },
  { label: "people.col.zone" },
  { label: "people.col.invitation", class: "center" },
  { label: "people.col.techCheck", class: "center" },
  { label: "common.actions", class: "actions-col" },
];

export function PeopleTab() {
  const v = () => view()!;
  // null: no form; "new": add form; otherwise the id of the person being edited.
  const [editing, setEditing] = createSignal<string | null>(null);

  const toggle = (p: Person, patch: Partial<PersonFields>) =>
    applyEdit({ type: "updatePerson", id: p.id, fields: { ...personFields(p), ...patch } });

  const remove = async (p: Person) => {
    if (await askConfirm(t("people.confirmDelete", { name: p.name }), t("common.delete"))) {
      await applyEdit({ type: "deletePerson", id: p.id });
      if (editing() === p.id) setEditing(null);
    }
  };

  // A jump from the findings panel: the person's row is scrolled into view (the table is windowed).
  const flashed = createMemo(() => {
    const h = highlight();
    return h?.kind === "person" ? v().data.people.findIndex((p) => p.id === h.id) : null;
  });

  return (
    <main class="tab-page people-page">
      <div class="page-head">
        <h2>{t("people.title")}</h2>
        <div class="toolbar">
          <button type="button" class="primary" data-testid="add-person" onClick={() => setEditing("new")}>
            + {t("people.add")}
          </button>
        </div>
      </div>
      <AddOrEditForm
        editing={editing()}
        items={v().data.people}
        form={(p) => <PersonForm person={p} onDone={() => setEditing(null)} />}
      />
      <Show
        when={v().data.people.length > 0}
        fallback={<EmptyState title={t("people.emptyTitle")} body={t("people.emptyBody")} />}
      >
        <WindowedTable
          class="grid people-table"
          columns={COLUMNS}
          each={v().data.people}
          label={t("people.title")}
          reveal={flashed()}
        >
          {(p, i) => (
            <tr
              aria-rowindex={i() + 2}
              data-testid="person-row"
              data-person-id={p.id}
              classList={{ flash: highlight()?.kind === "person" && highlight()?.id === p.id }}
            >
              <td class="strong ellipsis" title={p.name}>
                {p.name} <FindingBadge findings={findingsOf("person", p.id)} />
              </td>
              <td>{t(`role.${p.role}`)}</td>
              <td class="ellipsis">{p.email || t("common.none")}</td>
              <td classList={{ mono: !!p.timeZone, muted: !p.timeZone }}>{p.timeZone || t("people.sameZone")}</td>
              <td class="center">
                <CheckCell
                  testid="person-invitation"
                  label={t("people.col.invitation")}
                  checked={p.invitationSent}
                  onCheck={(on) => void toggle(p, { invitationSent: on })}
                />
              </td>
              <td class="center">
                <CheckCell
                  testid="person-techcheck"
                  label={t("people.col.techCheck")}
                  checked={p.techCheckDone}
                  onCheck={(on) => void toggle(p, { techCheckDone: on })}
                />
              </td>
              <td class="row-actions">
                <button type="button" class="small" data-testid="edit-person" onClick={() => setEditing(p.id)}>
                  {t("common.edit")}
                </button>
                <button
                  type="button"
                  class="small danger-quiet"
                  data-testid="delete-person"
                  onClick={() => remove(p)}
                >
                  {t("common.delete")}
                </button>
              </td>
            </tr>
          )}
        </WindowedTable>
      </Show>
      <ZoneDatalist />
    </main>
  );
}
