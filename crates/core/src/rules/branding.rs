//! Rules about the branding checklist: required items nothing was received for, items past
//! their due date and not approved, rejected items, and a palette whose text does not stand
//! out from its background (WCAG AA, 4.5:1).

use super::{Ctx, Finding, Severity, Subject};
use crate::branding::{contrast, AssetStatus, BrandItem, AA_CONTRAST};

fn subject(it: &BrandItem) -> Subject {
    Subject {
        kind: "brandItem".into(),
        id: it.id.clone(),
        name: it.title.clone(),
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let today = ctx.now.map(|n| n.with_timezone(&ctx.tz).date_naive());
    for it in &ctx.data.brand_items {
        let t = &it.title;
        if it.status == AssetStatus::Rejected {
            out.push(ctx.finding(
                "asset_rejected",
                Severity::Warning,
                subject(it),
                ctx.say(
                    format!("“{t}” was rejected: {}", it.reason),
                    format!("« {t} » a été refusé : {}", it.reason),
                ),
            ));
            continue;
        }
        let overdue = match (today, it.due) {
            (Some(today), Some(due)) => it.status != AssetStatus::Approved && due < today,
            _ => false,
        };
        if overdue {
            let due = it.due.expect("checked");
            let days = (today.expect("checked") - due).num_days();
            out.push(ctx.finding(
                "asset_overdue",
                // A warning, not an error: late branding does not stop a show, and a check run
                // on an old event must not start failing as the calendar moves on.
                if it.required {
                    Severity::Warning
                } else {
                    Severity::Info
                },
                subject(it),
                ctx.say(
                    format!("“{t}” was due {due} ({days} days ago) and is not approved"),
                    format!(
                        "« {t} » était dû le {due} (il y a {days} jours) et n’est pas approuvé"
                    ),
                ),
            ));
        } else if it.required && it.status == AssetStatus::Requested {
            let due = it
                .due
                .map(|d| ctx.say(format!(", due {d}"), format!(", attendu le {d}")))
                .unwrap_or_default();
            out.push(ctx.finding(
                "asset_missing",
                Severity::Info,
                subject(it),
                ctx.say(
                    format!("“{t}” has not been received yet{due}"),
                    format!("« {t} » n’a pas encore été reçu{due}"),
                ),
            ));
        }
    }
    let p = &ctx.data.branding.palette;
    if let Some(ratio) = contrast(&p.text, &p.background).filter(|r| *r < AA_CONTRAST) {
        let r = format!("{ratio:.2}");
        out.push(ctx.finding(
            "palette_low_contrast",
            Severity::Warning,
            ctx.event_subject(),
            ctx.say(
                format!(
                    "Text {} on background {} has a contrast of {r}:1, under the 4.5:1 that WCAG AA asks for",
                    p.text, p.background
                ),
                format!(
                    "Le texte {} sur le fond {} a un contraste de {}:1, sous le 4,5:1 exigé par WCAG AA",
                    p.text,
                    p.background,
                    r.replace('.', ",")
                ),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::branding::{default_preset, items_from, sync, AssetKind, AssetStatus};
    use crate::i18n::Lang;
    use crate::rules::{check_at, codes_of};
    use crate::schedule;
    use crate::testing::*;
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn codes(d: &crate::model::EventData, now: &str) -> Vec<String> {
        let s = schedule::compute(d);
        codes_of(&check_at(d, &s, Lang::En, Some(at(now))))
            .into_iter()
            .filter(|c| c.starts_with("asset_") || c.starts_with("palette_"))
            .map(String::from)
            .collect()
    }

    fn event_with_checklist() -> crate::model::EventData {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        session(
            &mut d,
            &a,
            "Opening",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        d.brand_items = items_from(&default_preset(Lang::En).items, &d.event.id, 0);
        sync(&mut d);
        d
    }

    #[test]
    fn missing_items_become_overdue_after_their_due_date() {
        let mut d = event_with_checklist();
        // Due 14 days before May 4 (Toronto): April 20.
        assert!(d
            .brand_items
            .iter()
            .all(|i| i.due.unwrap().to_string() == "2027-04-20"));
        let before = codes(&d, "2027-04-01T12:00:00Z");
        assert_eq!(before.iter().filter(|c| *c == "asset_missing").count(), 6);
        assert!(!before.contains(&"asset_overdue".to_string()));
        let after = codes(&d, "2027-04-21T12:00:00Z");
        // Seven items: six required plus the optional clip, all overdue and none "missing".
        assert_eq!(after.iter().filter(|c| *c == "asset_overdue").count(), 7);
        assert!(!after.contains(&"asset_missing".to_string()));
        // Approved items are never overdue.
        for it in &mut d.brand_items {
            it.status = AssetStatus::Approved;
        }
        assert!(codes(&d, "2027-04-21T12:00:00Z").is_empty());
    }

    #[test]
    fn rejected_items_say_why_in_both_languages() {
        let mut d = event_with_checklist();
        let bg = d
            .brand_items
            .iter_mut()
            .find(|i| i.kind == AssetKind::Background)
            .unwrap();
        bg.status = AssetStatus::Rejected;
        bg.reason = "bg.png: dimensions — expected 1920×1080, found 1280×720".into();
        let s = schedule::compute(&d);
        let en = check_at(&d, &s, Lang::En, None);
        let f = en.iter().find(|f| f.code == "asset_rejected").unwrap();
        assert!(f.message.contains("1280×720"), "{}", f.message);
        assert_eq!(f.subject.kind, "brandItem");
        let fr = check_at(&d, &s, Lang::FrCa, None);
        let f = fr.iter().find(|f| f.code == "asset_rejected").unwrap();
        assert!(
            f.message.starts_with("« Background » a été refusé"),
            "{}",
            f.message
        );
    }

    #[test]
    fn low_contrast_palette_is_reported() {
        let mut d = event_with_checklist();
        d.branding.palette.text = "#777777".into();
        d.branding.palette.background = "#ffffff".into();
        assert!(codes(&d, "2027-04-01T12:00:00Z").contains(&"palette_low_contrast".to_string()));
        d.branding.palette.text = "#767676".into();
        assert!(!codes(&d, "2027-04-01T12:00:00Z").contains(&"palette_low_contrast".to_string()));
    }
}
