//! Merging an event received in a handoff package into the same event stored here.
//!
//! Every stored item (the event's own fields, each stage, session, segment, person, task, custom
//! cue, cue setting and destination) is compared on three sides: what is stored here (*ours*),
//! what the package holds (*theirs*) and, when known, the version both sides last exchanged
//! (*base*). An item changed on one side only takes that side's version; an item changed on
//! both sides differently is a conflict the user decides. Without a base nothing can be told
//! apart from a removal: an item only here is kept, an item only in the package is added, and
//! an item that differs is a conflict. [`preview`] lists every difference; [`merge`] builds the
//! result from the user's picks. Pure: the store applies the result in one transaction.

use crate::error::{Error, Result};
use crate::model::EventData;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use ts_rs::TS;

/// Which version of an item to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Pick {
    /// The version stored here.
    Ours,
    /// The package's version.
    Theirs,
}

/// What happened to an item on one side, compared with the base (or with the other side).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Changed,
    Removed,
}

/// One field that differs between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldDiff {
    pub field: String,
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

/// One item that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergeItem {
    /// `kind:id`, what a per-item pick names.
    pub key: String,
    /// `event`, `stage`, `session`, `segment`, `person`, `task`, `cue`, `cueSetting`,
    /// `destination`.
    pub kind: String,
    pub label: String,
    /// What this side did (`None`: unchanged here).
    pub ours: Option<Change>,
    /// What the package did (`None`: unchanged there).
    pub theirs: Option<Change>,
    /// Both sides changed it differently: the user must pick.
    pub conflict: bool,
    /// The pick applied unless the user says otherwise (`None` for conflicts).
    pub default: Option<Pick>,
    pub fields: Vec<FieldDiff>,
}

/// Everything that differs between the stored event and the package's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MergePreview {
    pub event_id: String,
    pub event_name: String,
    /// Whether a version both sides last exchanged was found (a three-way merge).
    pub has_base: bool,
    pub items: Vec<MergeItem>,
}

impl MergePreview {
    /// The number of conflicts.
    pub fn conflicts(&self) -> usize {
        self.items.iter().filter(|i| i.conflict).count()
    }

    /// Whether the package changes nothing here (every difference is kept as ours by default).
    pub fn brings_nothing(&self) -> bool {
        self.items
            .iter()
            .all(|i| !i.conflict && i.default == Some(Pick::Ours))
    }
}

/// The user's decisions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    /// Applied to every conflict without a pick of its own (`--ours` / `--theirs`).
    pub conflicts: Option<Pick>,
    /// Per item, by key; overrides defaults too.
    #[ts(type = "Record<string, Pick>")]
    pub picks: HashMap<String, Pick>,
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub data: EventData,
    /// Items kept although one side removed them, because something kept still uses them.
    pub restored: Vec<String>,
}

/// The lists of a snapshot as they appear in its JSON, with the kind each item is called.
const LISTS: [(&str, &str); 9] = [
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

type Items = BTreeMap<String, Value>;

fn items(d: &EventData) -> Items {
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

fn kind_of(key: &str) -> &str {
    key.split_once(':').map(|(k, _)| k).unwrap_or(key)
}

fn text(v: &Value, field: &str) -> String {
    v.get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A human label for an item, looked up on whichever side has it.
fn label(key: &str, v: &Value, all: &[&Items]) -> String {
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

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn field_diffs(ours: Option<&Value>, theirs: Option<&Value>) -> Vec<FieldDiff> {
    let empty = Map::new();
    let o = ours.and_then(Value::as_object).unwrap_or(&empty);
    let t = theirs.and_then(Value::as_object).unwrap_or(&empty);
    if ours.is_none() || theirs.is_none() {
        return Vec::new();
    }
    let names: BTreeSet<&String> = o.keys().chain(t.keys()).collect();
    names
        .into_iter()
        .filter(|n| o.get(*n) != t.get(*n))
        .map(|n| FieldDiff {
            field: n.clone(),
            ours: o.get(n).map(show),
            theirs: t.get(n).map(show),
        })
        .collect()
}

fn change(base: Option<&Value>, side: Option<&Value>) -> Option<Change> {
    match (base, side) {
        (None, None) => None,
        (None, Some(_)) => Some(Change::Added),
        (Some(_), None) => Some(Change::Removed),
        (Some(b), Some(s)) => (b != s).then_some(Change::Changed),
    }
}

/// Lists every item that differs between `ours` and `theirs` (the same event), using `base`
/// (the version last exchanged) to tell who changed what.
pub fn preview(ours: &EventData, theirs: &EventData, base: Option<&EventData>) -> MergePreview {
    let o = items(ours);
    let t = items(theirs);
    let b = base.map(items);
    let keys: BTreeSet<&String> = o.keys().chain(t.keys()).collect();
    let mut list = Vec::new();
    for key in keys {
        let (ov, tv) = (o.get(key), t.get(key));
        if ov == tv {
            continue;
        }
        let (oc, tc, conflict, default) = match &b {
            Some(b) => {
                let bv = b.get(key);
                let (oc, tc) = (change(bv, ov), change(bv, tv));
                match (oc, tc) {
                    (None, _) => (None, tc, false, Some(Pick::Theirs)),
                    (_, None) => (oc, None, false, Some(Pick::Ours)),
                    _ => (oc, tc, true, None),
                }
            }
            None => match (ov, tv) {
                (None, _) => (None, Some(Change::Added), false, Some(Pick::Theirs)),
                (_, None) => (Some(Change::Added), None, false, Some(Pick::Ours)),
                _ => (Some(Change::Changed), Some(Change::Changed), true, None),
            },
        };
        let sides: Vec<&Items> = [Some(&o), Some(&t), b.as_ref()]
            .into_iter()
            .flatten()
            .collect();
        let shown = tv.or(ov).expect("one side has the item");
        list.push(MergeItem {
            key: key.clone(),
            kind: kind_of(key).to_string(),
            label: label(key, shown, &sides),
            ours: oc,
            theirs: tc,
            conflict,
            default,
            fields: field_diffs(ov, tv),
        });
    }
    // The event first, then in the order of the snapshot's lists.
    let rank = |k: &str| {
        LISTS
            .iter()
            .position(|(_, kind)| *kind == k)
            .map_or(0, |p| p + 1)
    };
    list.sort_by(|a, b| {
        rank(&a.kind)
            .cmp(&rank(&b.kind))
            .then(a.label.cmp(&b.label))
    });
    MergePreview {
        event_id: ours.event.id.clone(),
        event_name: ours.event.name.clone(),
        has_base: base.is_some(),
        items: list,
    }
}

/// Builds the merged event: every differing item takes the version the resolution picks
/// (its own pick, else its default, else the pick for conflicts). Refuses unresolved
/// conflicts. An item one side removed but something kept still refers to is kept.
pub fn merge(
    ours: &EventData,
    theirs: &EventData,
    base: Option<&EventData>,
    resolution: &Resolution,
) -> Result<Merged> {
    if ours.event.id != theirs.event.id {
        return Err(Error::Conflict(format!(
            "the package holds event {}, not {}",
            theirs.event.id, ours.event.id
        )));
    }
    let p = preview(ours, theirs, base);
    if let Some(k) = resolution
        .picks
        .keys()
        .find(|k| !p.items.iter().any(|i| &i.key == *k))
    {
        return Err(Error::Conflict(format!(
            "no difference named {k} between this event and the package"
        )));
    }
    let unresolved: Vec<&str> = p
        .items
        .iter()
        .filter(|i| i.conflict && !resolution.picks.contains_key(&i.key))
        .filter(|_| resolution.conflicts.is_none())
        .map(|i| i.label.as_str())
        .collect();
    if !unresolved.is_empty() {
        return Err(Error::Conflict(format!(
            "{} conflict(s) need a choice (keep this version or the package's): {}",
            unresolved.len(),
            unresolved.join("; ")
        )));
    }
    let o = items(ours);
    let t = items(theirs);
    let mut m = o.clone();
    for i in &p.items {
        let pick = resolution
            .picks
            .get(&i.key)
            .copied()
            .or(i.default)
            .or(resolution.conflicts)
            .expect("conflicts resolved above");
        if pick == Pick::Theirs {
            match t.get(&i.key) {
                Some(v) => m.insert(i.key.clone(), v.clone()),
                None => m.remove(&i.key),
            };
        }
    }
    let restored = restore_references(&mut m, &o, &t);
    let mut data = rebuild(&m, ours)?;
    normalise(&mut data);
    crate::tasks::sync(&mut data);
    Ok(Merged { data, restored })
}

/// The keys an item refers to.
fn references(key: &str, v: &Value) -> Vec<String> {
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

/// Brings back, from either side, every item something in `m` still refers to.
fn restore_references(m: &mut Items, ours: &Items, theirs: &Items) -> Vec<String> {
    let mut restored = Vec::new();
    loop {
        let missing: BTreeSet<String> = m
            .iter()
            .flat_map(|(k, v)| references(k, v))
            .filter(|r| !m.contains_key(r))
            .collect();
        let mut any = false;
        for r in missing {
            if let Some(v) = ours.get(&r).or_else(|| theirs.get(&r)) {
                let all = [ours, theirs];
                restored.push(label(&r, v, &all));
                m.insert(r, v.clone());
                any = true;
            }
        }
        if !any {
            return restored;
        }
    }
}

fn rebuild(m: &Items, ours: &EventData) -> Result<EventData> {
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
        }
    }
    Ok(data)
}

/// Orders the lists as the store does and renumbers positions (both sides may have put
/// something at the same place).
fn normalise(d: &mut EventData) {
    d.stages
        .sort_by(|a, b| (a.position, &a.name).cmp(&(b.position, &b.name)));
    for (i, s) in d.stages.iter_mut().enumerate() {
        s.position = i as u32;
    }
    d.destinations
        .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    for (i, s) in d.destinations.iter_mut().enumerate() {
        s.position = i as u32;
    }
    d.sessions
        .sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
    let order: HashMap<&str, usize> = d
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut segs = std::mem::take(&mut d.segments);
    segs.sort_by_key(|s| {
        (
            order
                .get(s.session_id.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            s.position,
            s.id.clone(),
        )
    });
    let mut last: Option<String> = None;
    let mut pos = 0;
    for s in segs.iter_mut() {
        if last.as_deref() != Some(&s.session_id) {
            last = Some(s.session_id.clone());
            pos = 0;
        }
        s.position = pos;
        pos += 1;
    }
    d.segments = segs;
    d.people
        .sort_by(|a, b| (a.name.to_lowercase(), &a.id).cmp(&(b.name.to_lowercase(), &b.id)));
    d.tasks.sort_by_key(|a| (a.due, a.kind));
    d.normalize();
    crate::branding::sync(d);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};

    fn demo() -> EventData {
        crate::demo::event()
    }

    fn edit(d: &EventData, e: Edit) -> EventData {
        let mut d = d.clone();
        apply(&mut d, &e).unwrap();
        crate::tasks::sync(&mut d);
        d
    }

    #[test]
    fn palette_and_chat_changed_on_each_side_merge_without_a_conflict() {
        let base = demo();
        let mut b = base.branding.clone();
        b.palette.secondary = "#123456".into();
        let ours = edit(
            &base,
            Edit::UpdateBranding {
                fields: b,
                by: None,
                at: None,
            },
        );
        let mut b = base.branding.clone();
        b.chat.pinned = vec!["Bienvenue!".into()];
        let theirs = edit(
            &base,
            Edit::UpdateBranding {
                fields: b,
                by: None,
                at: None,
            },
        );
        let p = preview(&ours, &theirs, Some(&base));
        assert!(p.items.iter().all(|i| !i.conflict), "{:?}", p.items);
        let m = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap();
        assert_eq!(m.data.branding.palette.secondary, "#123456");
        assert_eq!(m.data.branding.chat.pinned, ["Bienvenue!"]);
    }

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

    fn rename_session(d: &EventData, i: usize, title: &str) -> EventData {
        let s = &d.sessions[i];
        let fields = crate::edit::SessionFields {
            title: title.into(),
            ..crate::edit::SessionFields::of(s)
        };
        edit(
            d,
            Edit::UpdateSession {
                id: s.id.clone(),
                fields,
            },
        )
    }

    #[test]
    fn identical_sides_differ_in_nothing() {
        let d = demo();
        let mut other = d.clone();
        other.event.revision += 7;
        assert!(preview(&d, &other, None).items.is_empty());
    }

    #[test]
    fn one_sided_changes_merge_without_asking() {
        let base = demo();
        let ours = rename_session(&base, 0, "Ours renamed");
        let theirs = rename_session(&base, 1, "Theirs renamed");
        let p = preview(&ours, &theirs, Some(&base));
        assert_eq!(p.conflicts(), 0, "{p:#?}");
        let s0 = format!("session:{}", base.sessions[0].id);
        let s1 = format!("session:{}", base.sessions[1].id);
        let i0 = p.items.iter().find(|i| i.key == s0).unwrap();
        assert_eq!(
            (i0.ours, i0.theirs, i0.default),
            (Some(Change::Changed), None, Some(Pick::Ours))
        );
        let i1 = p.items.iter().find(|i| i.key == s1).unwrap();
        assert_eq!(i1.theirs, Some(Change::Changed));
        assert_eq!(i1.fields[0].field, "title");
        assert_eq!(i1.fields[0].theirs.as_deref(), Some("Theirs renamed"));
        let m = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap();
        let titles: Vec<&str> = m.data.sessions.iter().map(|s| s.title.as_str()).collect();
        assert!(titles.contains(&"Ours renamed") && titles.contains(&"Theirs renamed"));
        crate::validate::event_data(&m.data).unwrap();
    }

    #[test]
    fn both_sides_changing_an_item_is_a_conflict_that_needs_a_pick() {
        let base = demo();
        let ours = rename_session(&base, 0, "Mine");
        let theirs = rename_session(&base, 0, "Yours");
        let p = preview(&ours, &theirs, Some(&base));
        assert_eq!(p.conflicts(), 1);
        let err = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap_err();
        assert!(
            err.to_string().contains("1 conflict(s) need a choice"),
            "{err}"
        );
        assert!(err.to_string().contains("Yours"), "{err}");
        let take = |pick| Resolution {
            conflicts: Some(pick),
            ..Default::default()
        };
        let m = merge(&ours, &theirs, Some(&base), &take(Pick::Theirs)).unwrap();
        assert!(m.data.sessions.iter().any(|s| s.title == "Yours"));
        let m = merge(&ours, &theirs, Some(&base), &take(Pick::Ours)).unwrap();
        assert!(m.data.sessions.iter().any(|s| s.title == "Mine"));
        let key = p.items[0].key.clone();
        let per_item = Resolution {
            picks: [(key, Pick::Theirs)].into(),
            ..Default::default()
        };
        let m = merge(&ours, &theirs, Some(&base), &per_item).unwrap();
        assert!(m.data.sessions.iter().any(|s| s.title == "Yours"));
    }

    #[test]
    fn without_a_base_only_here_is_kept_and_only_there_is_added() {
        let base = demo();
        let ours = edit(
            &base,
            Edit::AddStage {
                name: "Here".into(),
            },
        );
        let theirs = edit(
            &base,
            Edit::AddStage {
                name: "There".into(),
            },
        );
        let p = preview(&ours, &theirs, None);
        assert!(!p.has_base);
        let m = merge(&ours, &theirs, None, &Resolution::default()).unwrap();
        let names: Vec<&str> = m.data.stages.iter().map(|s| s.name.as_str()).collect();
        assert!(
            names.contains(&"Here") && names.contains(&"There"),
            "{names:?}"
        );
        let positions: Vec<u32> = m.data.stages.iter().map(|s| s.position).collect();
        assert_eq!(positions, (0..names.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn a_removal_is_not_applied_while_something_kept_uses_it() {
        let base = demo();
        // They delete a person; here that person is put on another segment.
        let person = base
            .segments
            .iter()
            .find(|s| !s.presenter_ids.is_empty())
            .unwrap()
            .presenter_ids[0]
            .clone();
        let theirs = edit(&base, Edit::DeletePerson { id: person.clone() });
        let seg = base
            .segments
            .iter()
            .find(|s| !s.presenter_ids.contains(&person))
            .unwrap();
        let mut fields = crate::edit::SegmentFields {
            kind: seg.kind,
            title: seg.title.clone(),
            duration_secs: seg.duration_secs as i64,
            presenter_ids: seg.presenter_ids.clone(),
            notes: seg.notes.clone(),
        };
        fields.presenter_ids.push(person.clone());
        let ours = edit(
            &base,
            Edit::UpdateSegment {
                id: seg.id.clone(),
                fields,
            },
        );
        let m = merge(&ours, &theirs, Some(&base), &Resolution::default()).unwrap();
        assert!(m.data.people.iter().any(|p| p.id == person));
        assert_eq!(m.restored.len(), 1, "{:?}", m.restored);
        crate::validate::event_data(&m.data).unwrap();
    }

    #[test]
    fn an_unknown_pick_is_refused() {
        let d = demo();
        let r = Resolution {
            picks: [("session:nope".to_string(), Pick::Theirs)].into(),
            ..Default::default()
        };
        assert!(merge(&d, &d, None, &r).is_err());
    }
}
