//! An edit as the page sends it (JSON): `serde_json::from_slice::<Edit>`, and when it parses,
//! what the store does with it on the demo event: `edit::apply`, `validate::event_data`, then
//! the task and branding sync. Refusals are fine; a panic is a bug.
//!
//! The demo event gets new ids on every build, so an input can name its items by placeholder:
//! `@ev` is the event's id, `@st0`…`@st9` its stages', `@se0`… sessions', `@sg0`… segments',
//! `@pe0`… people's, `@ta0`… tasks', `@cc0`… custom cues', `@de0`… destinations' and `@bi0`…
//! branding checklist items' (out of range: left as written). The seeds use them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use showcall_core::{Edit, EventData};
use std::sync::OnceLock;

struct Demo {
    data: EventData,
    /// (placeholder, id), longest placeholders first so `@st10` is not read as `@st1` + `0`.
    ids: Vec<(String, String)>,
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let data = showcall_core::demo::event();
        let mut ids = vec![("@ev".to_string(), data.event.id.clone())];
        let mut add = |tag: &str, list: Vec<String>| {
            for (i, id) in list.into_iter().take(10).enumerate() {
                ids.push((format!("@{tag}{i}"), id));
            }
        };
        add("st", data.stages.iter().map(|x| x.id.clone()).collect());
        add("se", data.sessions.iter().map(|x| x.id.clone()).collect());
        add("sg", data.segments.iter().map(|x| x.id.clone()).collect());
        add("pe", data.people.iter().map(|x| x.id.clone()).collect());
        add("ta", data.tasks.iter().map(|x| x.id.clone()).collect());
        add(
            "cc",
            data.custom_cues.iter().map(|x| x.id.clone()).collect(),
        );
        add(
            "de",
            data.destinations.iter().map(|x| x.id.clone()).collect(),
        );
        add(
            "bi",
            data.brand_items.iter().map(|x| x.id.clone()).collect(),
        );
        ids.sort_by_key(|(tag, _)| std::cmp::Reverse(tag.len()));
        Demo { data, ids }
    })
}

fuzz_target!(|bytes: &[u8]| {
    let demo = demo();
    let text;
    let bytes = match std::str::from_utf8(bytes) {
        Ok(s) if s.contains('@') => {
            let mut t = s.to_string();
            for (tag, id) in &demo.ids {
                t = t.replace(tag.as_str(), id);
            }
            text = t;
            text.as_bytes()
        }
        _ => bytes,
    };
    let debug = std::env::var_os("FUZZ_DEBUG").is_some();
    let edit: Edit = match serde_json::from_slice(bytes) {
        Ok(e) => e,
        Err(e) => {
            if debug {
                eprintln!("edit_json: not an edit: {e}");
            }
            return;
        }
    };
    let mut d = demo.data.clone();
    let applied = showcall_core::edit::apply(&mut d, &edit);
    let valid = applied
        .as_ref()
        .ok()
        .map(|_| showcall_core::validate::event_data(&d));
    if let Some(Ok(())) = valid {
        showcall_core::tasks::sync(&mut d);
        showcall_core::branding::sync(&mut d);
        // What the store writes reads back as the same shape.
        let json = serde_json::to_vec(&d).expect("event data serializes");
        let _: EventData = serde_json::from_slice(&json).expect("event data reads back");
    }
    if debug {
        eprintln!(
            "edit_json: {edit:?}\n  applied: {:?}\n  valid: {:?}",
            applied.map(|_| ()),
            valid
        );
    }
});
