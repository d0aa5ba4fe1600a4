// The chat requirements the customer owes: moderated or not, who may write, pinned messages,
// languages and notes. Saved together with the rest of the event's branding.
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { ChatAudience, ChatRequirements } from "../../bindings";
import { FieldError } from "../../components/ErrorBanner";
import { Check, Field } from "../../components/Field";
import { lang, t } from "../../i18n";
import { applyEdit, view } from "../../state";
import { brandingWith, CHAT_AUDIENCES, parseLines, parseList } from "./branding";
import { Unsaved } from "./Unsaved";

interface ChatDraft {
  moderated: boolean;
  whoMayChat: ChatAudience;
  pinned: string;
  languages: string;
  notes: string;
}

const draftOf = (c: ChatRequirements): ChatDraft => ({
  moderated: c.moderated,
  whoMayChat: c.whoMayChat,
  pinned: c.pinned.join("\n"),
  languages: c.languages.join(", "),
  notes: c.notes,
});

const chatOf = (d: ChatDraft): ChatRequirements => ({
  moderated: d.moderated,
  whoMayChat: d.whoMayChat,
  pinned: parseLines(d.pinned),
  languages: parseList(d.languages),
  notes: d.notes.trim(),
});

const keyOf = (c: ChatRequirements) => JSON.stringify(chatOf(draftOf(c)));

export function ChatPanel() {
  const v = () => view()!;
  const saved = () => v().data.branding.chat;
  const [draft, setDraft] = createSignal<ChatDraft>(draftOf(saved()));
  const [err, setErr] = createSignal<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const dirty = () => JSON.stringify(chatOf(draft())) !== keyOf(saved());

  // The draft follows the saved requirements (undo, another event) unless the user changed it.
  let base = keyOf(saved());
  let baseEvent = v().data.event.id;
  createEffect(
    on(
      () => keyOf(saved()) + "|" + v().data.event.id,
      () => {
        const now = keyOf(saved());
        if (baseEvent !== v().data.event.id || JSON.stringify(chatOf(draft())) === base) setDraft(draftOf(saved()));
        base = now;
        baseEvent = v().data.event.id;
      },
      { defer: true },
    ),
  );
  createEffect(on(lang, () => setErr(null), { defer: true }));

  const set = <K extends keyof ChatDraft>(k: K, value: ChatDraft[K]) => setDraft((d) => ({ ...d, [k]: value }));

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    const r = await applyEdit({
      type: "updateBranding",
      fields: brandingWith(v().data.branding, { chat: chatOf(draft()) }),
    });
    setBusy(false);
    if (r.ok) {
      setErr(null);
      setDraft(draftOf(saved()));
    } else {
      setErr({ field: r.error.field?.split(".").pop() ?? "", message: r.error.message });
    }
  };

  const errFor = (field: string) => (err()?.field === field ? err()!.message : null);

  return (
    <section class="card brand-panel" id="brand-chat" data-testid="brand-chat" aria-labelledby="brand-chat-title">
      <div class="brand-panel-head">
        <h3 id="brand-chat-title">{t("branding.chat")}</h3>
      </div>
      <form class="brand-chat-form" onSubmit={save}>
        <div class="form-row checks">
          <Check
            name="chatModerated"
            testid="chat-moderated"
            checked={draft().moderated}
            onCheck={(checked) => set("moderated", checked)}
          >
            {t("branding.chatModerated")}
          </Check>
          <label class="check">
            <span>{t("branding.chatWho")}</span>
            <select
              name="chatWho"
              data-testid="chat-who"
              value={draft().whoMayChat}
              onChange={(e) => set("whoMayChat", e.currentTarget.value as ChatAudience)}
            >
              <For each={CHAT_AUDIENCES}>
                {(a) => (
                  <option value={a} selected={a === draft().whoMayChat}>
                    {t(`branding.audience.${a}`)}
                  </option>
                )}
              </For>
            </select>
          </label>
        </div>
        <Field label={t("branding.chatPinned")} error={errFor("pinned")}>
          <textarea
            name="chatPinned"
            data-testid="chat-pinned"
            rows={3}
            placeholder={t("branding.chatPinnedPlaceholder")}
            value={draft().pinned}
            onInput={(e) => set("pinned", e.currentTarget.value)}
            aria-invalid={!!errFor("pinned")}
          />
          <span class="muted small">{t("branding.chatPinnedHint")}</span>
        </Field>
        <Field label={t("branding.chatLanguages")} error={errFor("languages")}>
          <input
            name="chatLanguages"
            data-testid="chat-languages"
            autocomplete="off"
            placeholder={t("branding.chatLanguagesPlaceholder")}
            value={draft().languages}
            onInput={(e) => set("languages", e.currentTarget.value)}
            aria-invalid={!!errFor("languages")}
          />
        </Field>
        <Field label={t("branding.notes")}>
          <textarea
            name="chatNotes"
            data-testid="chat-notes"
            rows={2}
            value={draft().notes}
            onInput={(e) => set("notes", e.currentTarget.value)}
          />
        </Field>
        <Show when={err() && !["pinned", "languages"].includes(err()!.field)}>
          <FieldError message={err()!.message} />
        </Show>
        <div class="form-actions">
          <button type="submit" class="primary small" data-testid="chat-save" disabled={busy() || !dirty()}>
            {t("branding.saveChat")}
          </button>
          <Unsaved dirty={dirty()} testid="chat-reset" onRevert={() => setDraft(draftOf(saved()))} />
        </div>
      </form>
    </section>
  );
}
