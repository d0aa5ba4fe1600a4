//! What the shell keeps between commands: the open store, the UI language and one undo/redo
//! history per event.

use showcall_core::error::{ErrorPayload, Result};
use showcall_core::history::History;
use showcall_core::i18n::Lang;
use showcall_core::{demo, Store};
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// Shared by every command (Tauri's managed state).
pub struct AppState {
    inner: Mutex<Inner>,
}

pub struct Inner {
    pub store: Store,
    pub lang: Lang,
    pub history: HashMap<String, History>,
}

const LANG_KEY: &str = "ui.lang";
const DEMO_KEY: &str = "demo.loaded";

impl AppState {
    /// Opens the store and loads the demo event the first time a database is used.
    pub fn open(path: &Path) -> Result<AppState> {
        let mut store = Store::open(path)?;
        if store.setting(DEMO_KEY)?.is_none() {
            if store.list_events()?.is_empty() {
                store.insert(&demo::event())?;
            }
            store.set_setting(DEMO_KEY, "1")?;
        }
        let lang = match store.setting(LANG_KEY)? {
            Some(l) => Lang::parse(&l).unwrap_or_default(),
            None => system_lang(),
        };
        Ok(AppState {
            inner: Mutex::new(Inner {
                store,
                lang,
                history: HashMap::new(),
            }),
        })
    }

    /// Locks the state for one command.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Inner {
    /// Maps a core error to the `{code, message, field}` payload in the UI language.
    pub fn err(&self, e: showcall_core::Error) -> ErrorPayload {
        e.payload(self.lang)
    }

    pub fn set_lang(&mut self, lang: Lang) -> Result<()> {
        self.store.set_setting(LANG_KEY, lang.tag())?;
        self.lang = lang;
        Ok(())
    }
}

fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::parse(v.split(['.', '_']).next().unwrap_or("")))
        .unwrap_or_default()
}
