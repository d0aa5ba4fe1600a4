//! A snapshot as keyed items, the unit of merging: [`items`] flattens an event into its own
//! fields, its three branding parts and every list entry, each as JSON under `kind:id`, without
//! the fields that are this machine's state; [`rebuild`] puts merged items back into an event,
//! restoring that local state from the version stored here.

use crate::error::{Error, Result};
use crate::model::EventData;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The lists of a snapshot as they appear in its JSON, with the kind each item is called.
pub(super) const LISTS: [(&str, &str); 9] = [
    ("stages", "stage"),
    ("sessions", "session"),
    ("segments", "segment"),
    ("people", "person"),
    ("tasks", "task"),
    ("customCues", "cue"),
    ("cueSettings", "cueSetting"),
    ("destinations", "destination"),
    ("brandItems", "brandItem"),
];

/// Fields that are this machine's state, not the event's: never compared nor carried.
fn local_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "event" => &["revision"],
        "destination" => &["hasKey", "keyHint", "lastTest"],
        _ => &[],
    }
}

pub(super) type Items = BTreeMap<String, Value>;

pub(super) fn items(d: &EventData) -> Items {
    let mut out = Items::new();
    let Value::Object(mut root) = serde_json::to_value(d).expect("event data serialises") else {
        unreachable!("event data is an object")
    };
    let mut event = root.remove("event").unwrap_or_default();
    strip(&mut event, "event");
    out.insert(format!("event:{}", d.event.id), event);
    // The branding details merge as three parts, so the customer's chat requirements and the
    // analyst's palette are not one conflict.
    let mut branding = match root.remove("branding") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    for part in ["palette", "chat"] {
        let v = branding.remove(part).unwrap_or_default();
        out.insert(format!("{part}:{}", d.event.id), v);
    }
    out.insert(
        format!("brandingDetails:{}", d.event.id),
        Value::Object(branding),
    );
    for (field, kind) in LISTS {
        if let Some(Value::Array(list)) = root.remove(field) {
            for mut v in list {
                let id = v
                    .get("id")
                    .or_else(|| v.get("kind"))
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                strip(&mut v, kind);
                out.insert(format!("{kind}:{id}"), v);
            }
        }
    }
    out
}

fn strip(v: &mut Value, kind: &str) {
    if let Value::Object(m) = v {
        for f in local_fields(kind) {
            m.remove(*f);
        }
        if kind == "brandItem" {
            // A due date that follows the event is worked out again after the merge; whether
            // this machine made a video still is its own business.
            if m.get("dueCustom") != Some(&Value::Bool(true)) {
                m.remove("due");
            }
            if let Some(Value::Array(files)) = m.get_mut("files") {
                for f in files {
                    if let Value::Object(f) = f {
                        f.remove("thumbnail");
                    }
                }
            }
        }
    }
}

pub(super) fn rebuild(m: &Items, ours: &EventData) -> Result<EventData> {
    let mut root = Map::new();
    let event_key = format!("event:{}", ours.event.id);
    let mut event = m.get(&event_key).cloned().unwrap_or_default();
    if let Value::Object(e) = &mut event {
        e.insert("revision".into(), ours.event.revision.into());
    }
    root.insert("event".into(), event);
    let mut branding = match m.get(&format!("brandingDetails:{}", ours.event.id)) {
        Some(Value::Object(b)) => b.clone(),
        _ => Map::new(),
    };
    for part in ["palette", "chat"] {
        if let Some(v) = m.get(&format!("{part}:{}", ours.event.id)) {
            branding.insert(part.into(), v.clone());
        }
    }
    root.insert("branding".into(), Value::Object(branding));
    for (field, kind) in LISTS {
        let prefix = format!("{kind}:");
        let list: Vec<Value> = m
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .map(|(_, v)| v.clone())
            .collect();
        root.insert(field.into(), Value::Array(list));
    }
    let mut data: EventData = serde_json::from_value(Value::Object(root))
        .map_err(|e| Error::Conflict(format!("the merged event does not read back: {e}")))?;
    // Which stills this machine made is its own business: keep what is known here.
    let stills: std::collections::HashSet<&str> = ours
        .brand_items
        .iter()
        .flat_map(|i| &i.files)
        .filter(|f| f.thumbnail)
        .map(|f| f.sha256.as_str())
        .collect();
    for f in data.brand_items.iter_mut().flat_map(|i| i.files.iter_mut()) {
        f.thumbnail = stills.contains(f.sha256.as_str());
    }
    // Local state of destinations (key presence, last test) is what is stored here.
    for d in data.destinations.iter_mut() {
        if let Some(mine) = ours.destinations.iter().find(|x| x.id == d.id) {
            d.has_key = mine.has_key;
            d.key_hint = mine.key_hint.clone();
            d.last_test = mine.last_test.clone();
            d.key_entered_for = mine.key_entered_for.clone();
        }
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::super::{merge, preview, Resolution};
    use crate::demo::event as demo;

    #[test]
    fn due_dates_that_follow_the_event_are_not_differences() {
        let base = demo();
        // The customer moves every session a day later: the checklist's due dates follow, but
        // they are worked out, not edited, so only the sessions differ.
        let mut theirs = base.clone();
        for s in &mut theirs.sessions {
            s.start += chrono::Duration::days(1);
            s.end += chrono::Duration::days(1);
        }
        crate::branding::sync(&mut theirs);
        assert_ne!(theirs.brand_items[0].due, base.brand_items[0].due);
        let p = preview(&base, &theirs, Some(&base));
        assert!(
            p.items.iter().all(|i| i.kind != "brandItem"),
            "{:?}",
            p.items.iter().map(|i| &i.kind).collect::<Vec<_>>()
        );
        let m = merge(&base, &theirs, Some(&base), &Resolution::default()).unwrap();
        assert_eq!(m.data.brand_items[0].due, theirs.brand_items[0].due);
    }
}
