//! The demo event: a realistic one-day, two-stage corporate event in Montréal with back-to-back
//! sessions, a speaker booked on both stages and an invitation not yet sent, so every screen and
//! the findings panel have something to show on first start.

use crate::model::*;
use chrono::{NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

const ZONE: Tz = chrono_tz::America::Toronto;
const DAY: (i32, u32, u32) = (2027, 4, 15);

fn at(hm: &str) -> chrono::DateTime<Utc> {
    // The demo's own constants: a typo here is a bug of the demo, caught by its test.
    let (h, m) = hm.split_once(':').expect("demo times are HH:MM");
    let d = NaiveDate::from_ymd_opt(DAY.0, DAY.1, DAY.2).expect("the demo day exists");
    let hour = h.parse().expect("demo hours are numbers");
    let minute = m.parse().expect("demo minutes are numbers");
    let naive = d
        .and_hms_opt(hour, minute, 0)
        .expect("demo times are times of day");
    ZONE.from_local_datetime(&naive)
        .single()
        .expect("demo times exist once in Montréal")
        .with_timezone(&Utc)
}

/// Builds a fresh copy of the demo event (new ids every call), tasks generated.
pub fn event() -> EventData {
    let event_id = new_id();
    let mut d = EventData::of(Event {
        id: event_id.clone(),
        name: "Sommet Boréal 2027".into(),
        customer: "Boréal Assurances".into(),
        time_zone: ZONE.name().into(),
        locale: "fr-CA".into(),
        kit_purchase_date: NaiveDate::from_ymd_opt(2026, 9, 1),
        kit_term_months: 12,
        support_budget_minutes: 540,
        revision: 0,
    });
    let mut person = |name: &str, role: Role, email: &str, invited: bool| {
        let id = new_id();
        d.people.push(Person {
            id: id.clone(),
            event_id: event_id.clone(),
            name: name.into(),
            role,
            email: email.into(),
            time_zone: None,
            invitation_sent: invited,
            tech_check_done: invited,
            instructions_sent: false,
        });
        id
    };
    let helene = person(
        "Hélène Tremblay",
        Role::Host,
        "helene.tremblay@boreal.example",
        true,
    );
    let marc = person(
        "Marc-André Gagnon",
        Role::Speaker,
        "ma.gagnon@boreal.example",
        true,
    );
    let priya = person(
        "Priya Natarajan",
        Role::Speaker,
        "priya@northwind.example",
        true,
    );
    let jean = person(
        "Jean Dubois",
        Role::Moderator,
        "jean.dubois@boreal.example",
        true,
    );
    let sofia = person(
        "Sofia Rossi",
        Role::Speaker,
        "sofia.rossi@contoso.example",
        true,
    );
    let kwame = person(
        "Kwame Mensah",
        Role::Speaker,
        "kwame@fabrikam.example",
        false,
    );
    person(
        "Claire Bouchard",
        Role::CustomerLead,
        "claire.bouchard@boreal.example",
        false,
    );
    if let Some(p) = d.people.iter_mut().find(|p| p.name == "Priya Natarajan") {
        p.time_zone = Some("Europe/London".into());
    }

    let stages: Vec<String> = ["Salle principale", "Studio B"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let id = new_id();
            d.stages.push(Stage {
                id: id.clone(),
                event_id: event_id.clone(),
                name: (*name).into(),
                position: i as u32,
            });
            id
        })
        .collect();

    type Seg<'a> = (SegmentKind, &'a str, u32, Vec<&'a String>);
    let mut session =
        |stage: usize, title: &str, start: &str, end: &str, vod: bool, segs: Vec<Seg>| {
            let id = new_id();
            d.sessions.push(Session {
                id: id.clone(),
                event_id: event_id.clone(),
                stage_id: stages[stage].clone(),
                title: title.into(),
                start: at(start),
                end: at(end),
                livestream: true,
                recording: true,
                vod,
                restream: false,
            });
            for (i, (kind, title, minutes, who)) in segs.into_iter().enumerate() {
                d.segments.push(Segment {
                    id: new_id(),
                    session_id: id.clone(),
                    position: i as u32,
                    kind,
                    title: title.into(),
                    duration_secs: minutes * 60,
                    presenter_ids: who.into_iter().cloned().collect(),
                    notes: String::new(),
                });
            }
        };
    use SegmentKind::*;
    session(
        0,
        "Mot d’ouverture",
        "09:00",
        "09:40",
        true,
        vec![
            (VideoClip, "Vidéo d’ouverture", 2, vec![]),
            (Presentation, "Accueil et consignes", 5, vec![&helene]),
            (
                Presentation,
                "Conférence d’ouverture : l’année de l’assurance hybride",
                28,
                vec![&marc],
            ),
            (QAndA, "Questions de l’auditoire", 5, vec![&marc, &jean]),
        ],
    );
    session(
        0,
        "Panel : le travail hybride",
        "09:45",
        "10:45",
        true,
        vec![
            (
                Transition,
                "Transition et superposition du panel",
                2,
                vec![&helene],
            ),
            (Panel, "Discussion", 45, vec![&jean, &priya, &sofia]),
            (
                QAndA,
                "Période de questions",
                10,
                vec![&jean, &priya, &sofia],
            ),
        ],
    );
    session(
        0,
        "Feuille de route produit 2027",
        "11:00",
        "12:00",
        true,
        vec![
            (Presentation, "Vision produit", 35, vec![&marc]),
            (VideoClip, "Démo vidéo", 5, vec![]),
            (Slides, "Calendrier des lancements", 10, vec![&marc]),
            (QAndA, "Questions", 10, vec![&marc, &jean]),
        ],
    );
    session(
        0,
        "Histoires de clients",
        "13:00",
        "13:45",
        false,
        vec![
            (
                Presentation,
                "Trois clients, trois virages",
                35,
                vec![&sofia],
            ),
            (QAndA, "Questions", 10, vec![&sofia, &jean]),
        ],
    );
    session(
        0,
        "Causerie au coin du feu",
        "13:50",
        "14:30",
        false,
        vec![
            (Panel, "Causerie", 30, vec![&helene, &kwame]),
            (QAndA, "Questions", 10, vec![&kwame]),
        ],
    );
    session(
        0,
        "Mot de la fin",
        "15:45",
        "16:15",
        true,
        vec![
            (Presentation, "Remerciements", 10, vec![&helene]),
            (VideoClip, "Vidéo de clôture", 3, vec![]),
            (Break, "Musique de sortie", 2, vec![]),
        ],
    );
    session(
        1,
        "Atelier : cybersécurité",
        "11:00",
        "11:45",
        false,
        vec![
            (Presentation, "Menaces 2027", 30, vec![&priya]),
            (QAndA, "Questions", 15, vec![&priya]),
        ],
    );
    session(
        1,
        "Atelier : données et IA",
        "14:15",
        "15:00",
        false,
        vec![
            (Slides, "Modèles et gouvernance", 30, vec![&kwame]),
            (QAndA, "Questions", 15, vec![&kwame]),
        ],
    );
    crate::tasks::sync(&mut d);
    // The branding checklist: the colours are settled, the rest is still owed.
    let preset = crate::branding::default_preset(crate::i18n::Lang::FrCa);
    d.brand_items = crate::branding::items_from(&preset.items, &event_id, 0);
    d.branding.palette = crate::branding::Palette {
        primary: "#0b3d5c".into(),
        secondary: "#f2a900".into(),
        text: "#ffffff".into(),
        background: "#0b3d5c".into(),
    };
    d.branding.chat.moderated = true;
    d.branding.chat.languages = vec!["fr-CA".into(), "en".into()];
    if let Some(c) = d
        .brand_items
        .iter_mut()
        .find(|i| i.kind == crate::branding::AssetKind::Colours)
    {
        c.status = crate::branding::AssetStatus::Approved;
    }
    crate::branding::sync(&mut d);
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::rules::{check, codes_of};

    #[test]
    fn demo_is_valid_and_shows_the_changeover_findings() {
        let d = event();
        crate::validate::event_data(&d).unwrap();
        let f = check(&d, Lang::FrCa);
        let codes = codes_of(&f);
        assert_eq!(
            codes
                .iter()
                .filter(|c| **c == "closing_training_needed")
                .count(),
            2
        );
        assert!(codes.contains(&"invitation_not_sent"));
        assert!(codes.contains(&"prep_overlaps_session"));
        let errors: Vec<_> = f
            .iter()
            .filter(|f| f.severity == crate::rules::Severity::Error)
            .collect();
        assert_eq!(
            errors.len(),
            1,
            "one planted mistake: Kwame on two stages at 14:15"
        );
        assert_eq!(errors[0].code, "person_double_booked");
        assert!(
            !codes.contains(&"support_window_over_budget"),
            "8 h 45 fits in 9 h"
        );
        assert!(!codes.contains(&"segments_overrun_session"));
        assert!(!codes.contains(&"stage_overlap"));
        let w = crate::schedule::support_window(&d).unwrap();
        assert_eq!(w.minutes, 8 * 60 + 15);
    }
}
