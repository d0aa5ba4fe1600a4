//! What each kind of item is: the kind named in its key, the label a person reads for it, and
//! the keys of the items it refers to (which a merge must not drop while it is kept).

use super::items::Items;
use serde_json::Value;

pub(super) fn kind_of(key: &str) -> &str {
    key.split_once(':').map(|(k, _)| k).unwrap_or(key)
}

pub(super) fn text(v: &Value, field: &str) -> String {
    v.get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A human label for an item, looked up on whichever side has it.
pub(super) fn label(key: &str, v: &Value, all: &[&Items]) -> String {
    let find = |k: String, field: &str| {
        all.iter()
            .find_map(|m| m.get(&k))
            .map(|x| text(x, field))
            .unwrap_or_default()
    };
    match kind_of(key) {
        "event" | "stage" | "person" | "destination" => text(v, "name"),
        "session" => text(v, "title"),
        "segment" => format!(
            "{} — {}",
            find(format!("session:{}", text(v, "sessionId")), "title"),
            text(v, "title")
        ),
        "task" => {
            let s = text(v, "sessionId");
            if s.is_empty() {
                text(v, "kind")
            } else {
                format!(
                    "{} — {}",
                    find(format!("session:{s}"), "title"),
                    text(v, "kind")
                )
            }
        }
        "cue" | "brandItem" => text(
            v,
            if kind_of(key) == "cue" {
                "text"
            } else {
                "title"
            },
        ),
        "palette" => "palette".into(),
        "chat" => "chat".into(),
        "brandingDetails" => "branding".into(),
        _ => text(v, "kind"),
    }
}

/// The keys an item refers to.
pub(super) fn references(key: &str, v: &Value) -> Vec<String> {
    let one = |kind: &str, field: &str| {
        let id = text(v, field);
        (!id.is_empty()).then(|| format!("{kind}:{id}"))
    };
    let many = |kind: &str, field: &str| -> Vec<String> {
        v.get(field)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|id| format!("{kind}:{id}"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    match kind_of(key) {
        "session" => out.extend(one("stage", "stageId")),
        "segment" => {
            out.extend(one("session", "sessionId"));
            out.extend(many("person", "presenterIds"));
        }
        "task" => out.extend(one("session", "sessionId")),
        "cue" => {
            out.extend(one("session", "sessionId"));
            out.extend(one("segment", "segmentId"));
        }
        "destination" => out.extend(many("session", "sessionIds")),
        _ => {}
    }
    out
}
