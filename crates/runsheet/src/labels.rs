//! The words the run of show prints, in English and Canadian French, and the date, time and
//! duration formats.

use chrono::{Datelike, NaiveDate, Timelike, Weekday};
use showcall_core::cues::CueKind;
use showcall_core::i18n::Lang;
use showcall_core::model::SegmentKind;

/// A fixed label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum L {
    RunOfShow,
    Stage,
    Session,
    Date,
    Start,
    End,
    SegmentStart,
    SegmentEnd,
    Duration,
    Kind,
    Segment,
    Presenters,
    Cues,
    Notes,
    Time,
    TimeZone,
    SessionCues,
    Continued,
    Overrun,
    Livestream,
    Recording,
    Vod,
    NoStage,
    LocalTime,
}

/// The text of a fixed label.
pub(crate) fn label(l: L, lang: Lang) -> &'static str {
    let [en, fr] = match l {
        L::RunOfShow => ["Run of show", "Déroulement"],
        L::Stage => ["Stage", "Salle/Scène"],
        L::Session => ["Session", "Séance"],
        L::Date => ["Date", "Date"],
        L::Start => ["Start", "Début"],
        L::End => ["End", "Fin"],
        L::SegmentStart => ["Segment start", "Début du segment"],
        L::SegmentEnd => ["Segment end", "Fin du segment"],
        L::Duration => ["Duration", "Durée"],
        L::Kind => ["Kind", "Type"],
        L::Segment => ["Segment", "Segment"],
        L::Presenters => ["Presenters", "Conférencier(s)"],
        L::Cues => ["Cues", "Repères"],
        L::Notes => ["Notes", "Notes"],
        L::Time => ["Time", "Heure"],
        L::TimeZone => ["Time zone", "Fuseau horaire"],
        L::SessionCues => ["Session cues", "Repères de la séance"],
        L::Continued => ["continued", "suite"],
        L::Overrun => ["Overrun", "Dépassement"],
        L::Livestream => ["Livestream", "Diffusion en direct"],
        L::Recording => ["Recording", "Enregistrement"],
        L::Vod => ["On demand", "Sur demande"],
        L::NoStage => ["No stage", "Sans salle"],
        L::LocalTime => ["local time", "heure locale"],
    };
    pick(lang, en, fr)
}

/// `Label: value` with the punctuation of the language (French puts a space before the colon).
pub(crate) fn colon(lang: Lang, label: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{label}: {value}"),
        Lang::FrCa => format!("{label} : {value}"),
    }
}

/// "Page 2 of 5" / "Page 2 de 5".
pub(crate) fn page_of(lang: Lang, page: usize, total: usize) -> String {
    match lang {
        Lang::En => format!("Page {page} of {total}"),
        Lang::FrCa => format!("Page {page} de {total}"),
    }
}

/// The name of a segment kind.
pub(crate) fn segment_kind(kind: SegmentKind, lang: Lang) -> &'static str {
    let [en, fr] = match kind {
        SegmentKind::Presentation => ["Presentation", "Présentation"],
        SegmentKind::VideoClip => ["Video clip", "Vidéo"],
        SegmentKind::Slides => ["Slides", "Diapositives"],
        SegmentKind::Panel => ["Panel", "Table ronde"],
        SegmentKind::QAndA => ["Q&A", "Période de questions"],
        SegmentKind::Transition => ["Transition", "Transition"],
        SegmentKind::Break => ["Break", "Pause"],
        SegmentKind::Other => ["Other", "Autre"],
    };
    pick(lang, en, fr)
}

/// The short name of a cue kind, as a run of show prints it.
pub(crate) fn cue_kind(kind: CueKind, lang: Lang) -> &'static str {
    let [en, fr] = match kind {
        CueKind::AvCheck => ["AV check", "Vérification audio-vidéo"],
        CueKind::SpeakerPrep => ["Speaker prep", "Préparation des conférenciers"],
        CueKind::GoLive => ["Go live", "Mise en ondes"],
        CueKind::AttendeeViewCheck => ["Check attendee view", "Vérifier la vue des participants"],
        CueKind::PresenterOn => ["On stage", "Sur scène"],
        CueKind::PresenterOff => ["Off stage", "Hors scène"],
        CueKind::Transition => ["Transition", "Transition"],
        CueKind::PlayClip => ["Play clip", "Lancer la vidéo"],
        CueKind::ShareDeck => ["Share deck", "Partager la présentation"],
        CueKind::TimeCheck => ["Time check", "Rappel du temps"],
        CueKind::EndStream => ["End stream", "Fin de la diffusion"],
        CueKind::RecordingDownload => ["Download recording", "Télécharger l’enregistrement"],
        CueKind::OverlayOn => ["Overlay on", "Afficher la superposition"],
        CueKind::OverlayOff => ["Overlay off", "Retirer la superposition"],
        CueKind::BackgroundChange => ["Change background", "Changer l’arrière-plan"],
        CueKind::CaptionsOn => ["Captions on", "Activer les sous-titres"],
        CueKind::CaptionsOff => ["Captions off", "Désactiver les sous-titres"],
        CueKind::Custom => ["Cue", "Repère"],
    };
    pick(lang, en, fr)
}

fn pick(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::FrCa => fr,
    }
}

/// A long date: "Thursday, April 15, 2027" / "jeudi 15 avril 2027" ("1er" on the first).
pub(crate) fn long_date(d: NaiveDate, lang: Lang) -> String {
    const MONTHS_EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const MONTHS_FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let weekday = |w: Weekday| -> [&'static str; 2] {
        match w {
            Weekday::Mon => ["Monday", "lundi"],
            Weekday::Tue => ["Tuesday", "mardi"],
            Weekday::Wed => ["Wednesday", "mercredi"],
            Weekday::Thu => ["Thursday", "jeudi"],
            Weekday::Fri => ["Friday", "vendredi"],
            Weekday::Sat => ["Saturday", "samedi"],
            Weekday::Sun => ["Sunday", "dimanche"],
        }
    };
    let [wd_en, wd_fr] = weekday(d.weekday());
    let m = d.month0() as usize;
    match lang {
        Lang::En => format!("{wd_en}, {} {}, {}", MONTHS_EN[m], d.day(), d.year()),
        Lang::FrCa => {
            let day = if d.day() == 1 {
                "1er".to_string()
            } else {
                d.day().to_string()
            };
            format!("{wd_fr} {day} {} {}", MONTHS_FR[m], d.year())
        }
    }
}

/// A wall-clock time on 24 hours: "09:05", or "09:05:30" when the seconds are not zero.
pub(crate) fn clock<T: Timelike>(t: &T) -> String {
    if t.second() == 0 {
        format!("{:02}:{:02}", t.hour(), t.minute())
    } else {
        format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
    }
}

/// A length as `m:ss` under an hour and `h:mm:ss` from an hour on: `5:00`, `1:05:00`.
pub fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if h == 0 {
        format!("{m}:{s:02}")
    } else {
        format!("{h}:{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_m_ss_under_an_hour_and_h_mm_ss_above() {
        assert_eq!(duration(0), "0:00");
        assert_eq!(duration(5), "0:05");
        assert_eq!(duration(300), "5:00");
        assert_eq!(duration(59 * 60 + 59), "59:59");
        assert_eq!(duration(3600), "1:00:00");
        assert_eq!(duration(3600 + 5 * 60 + 7), "1:05:07");
        assert_eq!(duration(27 * 3600), "27:00:00");
    }

    #[test]
    fn long_dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2027, 4, 15).unwrap();
        assert_eq!(long_date(d, Lang::En), "Thursday, April 15, 2027");
        assert_eq!(long_date(d, Lang::FrCa), "jeudi 15 avril 2027");
        let first = NaiveDate::from_ymd_opt(2027, 8, 1).unwrap();
        assert_eq!(long_date(first, Lang::FrCa), "dimanche 1er août 2027");
    }

    #[test]
    fn clock_is_24_hours_with_seconds_only_when_needed() {
        let t = chrono::NaiveTime::from_hms_opt(9, 5, 0).unwrap();
        assert_eq!(clock(&t), "09:05");
        let t = chrono::NaiveTime::from_hms_opt(15, 45, 30).unwrap();
        assert_eq!(clock(&t), "15:45:30");
    }
}
