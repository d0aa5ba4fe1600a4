//! The branding checklist's edits: adding, editing and removing items, moving an item along its
//! status flow ([`crate::branding::next_statuses`]), recording an attached file's checks, and
//! the event-wide palette and chat requirements.

use super::Edit;
use crate::branding::{items_from, labels, next_statuses, normalise_hex, palette_ready, say};
use crate::error::{Error, Invalid, Result};
use crate::i18n::Lang;
use crate::model::*;
use crate::paths::is_sha256;
use chrono::{DateTime, NaiveDate, Utc};

fn item_mut<'a>(d: &'a mut EventData, id: &str) -> Result<&'a mut BrandItem> {
    d.brand_items
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(|| Error::NotFound {
            kind: "brandItem",
            id: id.into(),
        })
}

fn change(it: &mut BrandItem, to: AssetStatus, reason: &str, by: &str, at: DateTime<Utc>) {
    it.history.push(StatusChange {
        at,
        by: by.trim().to_string(),
        from: it.status,
        to,
        reason: reason.trim().to_string(),
    });
    it.status = to;
    it.reason = if to == AssetStatus::Rejected {
        reason.trim().to_string()
    } else {
        String::new()
    };
}

/// Applies the checklist edits of [`Edit`] (see there); the store validates and writes.
pub(super) fn apply(d: &mut EventData, edit: &Edit) -> Result<Option<String>> {
    match edit {
        Edit::AddBrandItems { items } => {
            let start = d.brand_items.len() as u32;
            let mut new = items_from(items, &d.event.id, start);
            for it in &mut new {
                it.title = it.title.trim().to_string();
            }
            let first = new.first().map(|i| i.id.clone());
            d.brand_items.extend(new);
            Ok(first)
        }
        Edit::UpdateBrandItem { id, fields } => {
            let due = fields.due.trim();
            let due = if due.is_empty() {
                None
            } else {
                Some(NaiveDate::parse_from_str(due, "%Y-%m-%d").map_err(|_| {
                    Error::invalid("brandItem.due", Invalid::BadInstant(due.into()))
                })?)
            };
            let it = item_mut(d, id)?;
            it.title = fields.title.trim().to_string();
            it.owner = fields.owner;
            it.required = fields.required;
            it.due_custom = due.is_some();
            if due.is_some() {
                it.due = due;
            }
            it.notes = fields.notes.clone();
            it.spec = fields.spec.clone();
            Ok(None)
        }
        Edit::DeleteBrandItem { id } => {
            item_mut(d, id)?;
            d.brand_items.retain(|i| &i.id != id);
            Ok(None)
        }
        Edit::SetBrandStatus {
            id,
            status,
            reason,
            by,
            at,
        } => {
            let palette = d.branding.palette.clone();
            let it = item_mut(d, id)?;
            if it.status == *status {
                return Ok(None);
            }
            if !next_statuses(it.status).contains(status) {
                let (f, t) = (it.status, *status);
                return Err(Error::invalid(
                    "brandItem.status",
                    say(
                        format!(
                            "“{}” is {}: it cannot become {} (it can become {})",
                            it.title,
                            f.label(Lang::En),
                            t.label(Lang::En),
                            labels(next_statuses(f), Lang::En)
                        ),
                        format!(
                            "« {} » est {} : il ne peut pas devenir {} (il peut devenir {})",
                            it.title,
                            f.label(Lang::FrCa),
                            t.label(Lang::FrCa),
                            labels(next_statuses(f), Lang::FrCa)
                        ),
                    ),
                ));
            }
            let has_file = it.files.iter().any(|f| f.stored);
            match status {
                AssetStatus::Rejected if reason.trim().is_empty() => {
                    return Err(Error::invalid("brandItem.reason", Invalid::Empty));
                }
                AssetStatus::Approved | AssetStatus::Received
                    if it.kind.takes_files() && !has_file =>
                {
                    return Err(Error::invalid(
                        "brandItem.status",
                        say(
                            format!("“{}” has no file yet: attach one first", it.title),
                            format!(
                                "« {} » n’a pas encore de fichier : joignez-en un d’abord",
                                it.title
                            ),
                        ),
                    ));
                }
                AssetStatus::Approved if it.kind == AssetKind::Colours => {
                    palette_ready(&palette)?;
                }
                _ => {}
            }
            change(it, *status, reason, by, *at);
            Ok(None)
        }
        Edit::AttachBrandFile { id, file, lang } => {
            if !is_sha256(&file.sha256) {
                return Err(Error::invalid(
                    "brandItem.file",
                    say("not a SHA-256 name", "pas un nom SHA-256"),
                ));
            }
            let it = item_mut(d, id)?;
            if !it.kind.takes_files() {
                return Err(Error::invalid(
                    "brandItem.file",
                    say(
                        format!("“{}” is filled in, not delivered as a file", it.title),
                        format!("« {} » se remplit, il ne se livre pas en fichier", it.title),
                    ),
                ));
            }
            it.files.retain(|f| f.sha256 != file.sha256);
            it.files.push(file.clone());
            let by = file.added_by.clone();
            if file.report.ok() {
                change(it, AssetStatus::Received, "", &by, file.added_at);
            } else {
                let colon = if *lang == Lang::FrCa { " :" } else { ":" };
                let why = format!("{}{colon} {}", file.name, file.report.failures(*lang));
                change(it, AssetStatus::Rejected, &why, &by, file.added_at);
            }
            Ok(None)
        }
        Edit::RemoveBrandFile { id, sha256, by, at } => {
            let it = item_mut(d, id)?;
            let before = it.files.len();
            it.files.retain(|f| &f.sha256 != sha256);
            if it.files.len() == before {
                return Err(Error::NotFound {
                    kind: "file",
                    id: sha256.clone(),
                });
            }
            // Received or approved on the strength of files that are gone: owed again.
            let received = matches!(it.status, AssetStatus::Received | AssetStatus::Approved);
            if received && !it.files.iter().any(|f| f.stored) {
                change(it, AssetStatus::Requested, "", by, *at);
            }
            Ok(None)
        }
        Edit::UpdateBranding { fields, by, at } => {
            let mut b = fields.clone();
            let p = &mut b.palette;
            p.primary = normalise_hex("palette.primary", &p.primary)?;
            p.secondary = normalise_hex("palette.secondary", &p.secondary)?;
            p.text = normalise_hex("palette.text", &p.text)?;
            p.background = normalise_hex("palette.background", &p.background)?;
            if b.due_days_before > 365 {
                return Err(Error::invalid(
                    "branding.dueDaysBefore",
                    Invalid::OutOfRange(format!("{} (0–365)", b.due_days_before)),
                ));
            }
            let tidy = |v: &[String]| -> Vec<String> {
                v.iter()
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            };
            b.chat.pinned = tidy(&b.chat.pinned);
            b.chat.languages = tidy(&b.chat.languages);
            if let Some(long) = b.chat.pinned.iter().position(|m| m.chars().count() > 500) {
                return Err(Error::invalid(
                    "chat.pinned",
                    say(
                        format!("message {} is over 500 characters", long + 1),
                        format!("le message {} dépasse 500 caractères", long + 1),
                    ),
                ));
            }
            let colours_ready = palette_ready(&b.palette).is_ok();
            let chat_filled = b.chat != ChatRequirements::default();
            let (by, at) = (by.clone().unwrap_or_default(), at.unwrap_or_default());
            for it in d.brand_items.iter_mut() {
                let filled = match it.kind {
                    AssetKind::Colours => colours_ready,
                    AssetKind::Chat => chat_filled,
                    _ => false,
                };
                if filled && it.status == AssetStatus::Requested {
                    change(it, AssetStatus::Received, "", &by, at);
                }
            }
            d.branding = b;
            Ok(None)
        }
        _ => unreachable!("only checklist edits are routed here"),
    }
}
