//! The text of every notification, in English or French: the name of each cue kind, one cue's
//! heads-up or moment, and the one summary of cues missed in a gap. Rehearsal notifications are
//! tagged as such.

use crate::cues::{Cue, CueKind, Phase};
use crate::i18n::{hours_minutes, Lang};
use serde::Serialize;
use ts_rs::TS;

/// The name of a cue kind, for notifications.
pub fn kind_label(kind: CueKind, lang: Lang) -> &'static str {
    let fr = lang == Lang::FrCa;
    let [en, f] = match kind {
        CueKind::AvCheck => [
            "Lighting, video and audio check",
            "Vérification éclairage, vidéo et son",
        ],
        CueKind::SpeakerPrep => ["Speaker prep", "Préparation des conférenciers"],
        CueKind::GoLive => ["Go live", "Mise en ondes"],
        CueKind::AttendeeViewCheck => [
            "Check the attendee view",
            "Vérifier la vue des participants",
        ],
        CueKind::PresenterOn => ["Presenter on stage", "Présentateur sur scène"],
        CueKind::PresenterOff => ["Presenter off stage", "Présentateur hors scène"],
        CueKind::Transition => ["Transition", "Transition"],
        CueKind::PlayClip => ["Play clip", "Lancer la vidéo"],
        CueKind::ShareDeck => ["Share the deck", "Partager la présentation"],
        CueKind::TimeCheck => [
            "Time check to the speaker",
            "Rappel du temps au conférencier",
        ],
        CueKind::EndStream => ["End the stream", "Fin de la diffusion"],
        CueKind::RecordingDownload => ["Download the recording", "Télécharger l’enregistrement"],
        CueKind::OverlayOn => ["Overlay on", "Afficher la superposition"],
        CueKind::OverlayOff => ["Overlay off", "Retirer la superposition"],
        CueKind::BackgroundChange => ["Change the background", "Changer l’arrière-plan"],
        CueKind::CaptionsOn => ["Captions on", "Activer les sous-titres"],
        CueKind::CaptionsOff => ["Captions off", "Désactiver les sous-titres"],
        CueKind::Custom => ["Cue", "Signal"],
    };
    if fr {
        f
    } else {
        en
    }
}

/// A notification's title and body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotificationText {
    pub title: String,
    pub body: String,
}

/// The notification for one cue: e.g. "Go live — Keynote" / "Stage A · in 2 min".
pub fn notification(cue: &Cue, phase: Phase, lang: Lang, rehearsal: bool) -> NotificationText {
    let fr = lang == Lang::FrCa;
    let tag = rehearsal_tag(rehearsal, fr);
    let detail = if cue.detail.is_empty() {
        String::new()
    } else {
        format!(" ({})", cue.detail)
    };
    let title = format!(
        "{tag}{} — {}{detail}",
        kind_label(cue.kind, lang),
        cue.session
    );
    let when = match (phase, fr) {
        (Phase::At, false) => "now".to_string(),
        (Phase::At, true) => "maintenant".to_string(),
        (Phase::Lead, false) => format!("in {}", hours_minutes((cue.lead_secs + 59) / 60)),
        (Phase::Lead, true) => format!("dans {}", hours_minutes((cue.lead_secs + 59) / 60)),
    };
    NotificationText {
        title,
        body: format!("{} · {when}", cue.stage),
    }
}

/// One notification summing up cues that fell in a gap (sleep, clock jump).
pub fn missed_summary(cues: &[&Cue], lang: Lang, rehearsal: bool) -> NotificationText {
    let fr = lang == Lang::FrCa;
    let tag = rehearsal_tag(rehearsal, fr);
    let n = cues.len();
    let title = if fr {
        format!("{tag}{n} signal(s) manqué(s) pendant l’interruption")
    } else {
        format!(
            "{tag}{n} cue{} missed while Showcall was not running",
            if n == 1 { "" } else { "s" }
        )
    };
    let mut lines: Vec<String> = cues
        .iter()
        .take(5)
        .map(|c| format!("{} — {}", kind_label(c.kind, lang), c.session))
        .collect();
    if n > 5 {
        lines.push(if fr {
            format!("… et {} autres", n - 5)
        } else {
            format!("… and {} more", n - 5)
        });
    }
    NotificationText {
        title,
        body: lines.join("\n"),
    }
}

/// The prefix of a rehearsal's notification titles (empty for the real show).
fn rehearsal_tag(rehearsal: bool, fr: bool) -> &'static str {
    match (rehearsal, fr) {
        (false, _) => "",
        (true, false) => "[Rehearsal] ",
        (true, true) => "[Répétition] ",
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::day;
    use super::*;
    use crate::cues::{timeline, DayLog};

    #[test]
    fn notifications_read_well_in_both_languages() {
        let d = day();
        let cues = timeline(&d, &DayLog::default());
        let go = cues.iter().find(|c| c.kind == CueKind::GoLive).unwrap();
        assert_eq!(
            notification(go, Phase::Lead, Lang::En, false),
            NotificationText {
                title: "Go live — Keynote".into(),
                body: "A · in 2 min".into()
            }
        );
        assert_eq!(
            notification(go, Phase::At, Lang::FrCa, true),
            NotificationText {
                title: "[Répétition] Mise en ondes — Keynote".into(),
                body: "A · maintenant".into()
            }
        );
        let missed: Vec<&Cue> = cues.iter().take(7).collect();
        let s = missed_summary(&missed, Lang::En, false);
        assert_eq!(s.title, "7 cues missed while Showcall was not running");
        assert!(s.body.ends_with("… and 2 more"));
    }
}
