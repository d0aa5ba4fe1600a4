//! The differences between the stored event and the package's: item by item, who changed it
//! (against the base when there is one), whether that is a conflict, the pick applied by default
//! and the fields that differ.

use super::item_kinds::{kind_of, label};
use super::items::{items, Items, LISTS};
use super::{Change, FieldDiff, MergeItem, MergePreview, Pick};
use crate::model::EventData;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::event as demo;

    #[test]
    fn identical_sides_differ_in_nothing() {
        let d = demo();
        let mut other = d.clone();
        other.event.revision += 7;
        assert!(preview(&d, &other, None).items.is_empty());
    }
}
