//! The two languages the core speaks (English and Canadian French) and the labels of the fields
//! and item kinds its messages name. The UI has its own catalogue for its screens; the core only
//! translates what it says itself (errors and findings).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language Showcall speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "fr-CA")]
    FrCa,
}

impl Lang {
    /// Parses `en` or `fr-CA` (also `fr`, `fr_CA`, any case).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "en" | "en-ca" | "en-us" => Some(Lang::En),
            "fr" | "fr-ca" => Some(Lang::FrCa),
            _ => None,
        }
    }

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::FrCa => "fr-CA",
        }
    }
}

/// The label of an input field named `item.field`, for error messages.
pub fn field_label(field: &str, lang: Lang) -> String {
    let fr = lang == Lang::FrCa;
    let label = match field {
        "event.name" => ["Event name", "Nom de l’événement"],
        "event.customer" => ["Customer", "Client"],
        "event.timeZone" => ["Event time zone", "Fuseau horaire de l’événement"],
        "event.locale" => ["Event language", "Langue de l’événement"],
        "event.kitTermMonths" => ["Kit term (months)", "Durée de la trousse (mois)"],
        "event.supportBudgetMinutes" => ["Support budget", "Budget de soutien"],
        "stage.name" => ["Stage name", "Nom de la scène"],
        "stage.id" | "session.stageId" => ["Stage", "Scène"],
        "session.title" => ["Session title", "Titre de la séance"],
        "session.start" => ["Session start", "Début de la séance"],
        "session.end" => ["Session end", "Fin de la séance"],
        "segment.title" => ["Segment title", "Titre du segment"],
        "segment.durationSecs" => ["Segment duration", "Durée du segment"],
        "segment.presenterIds" => ["Presenters", "Présentateurs"],
        "segment.position" => ["Segment position", "Position du segment"],
        "segment.kind" => ["Segment kind", "Type de segment"],
        "person.name" => ["Person name", "Nom de la personne"],
        "person.email" => ["Email", "Courriel"],
        "person.timeZone" => ["Person time zone", "Fuseau horaire de la personne"],
        "person.role" => ["Role", "Rôle"],
        "task.status" => ["Task status", "Statut de la tâche"],
        "task.link" => ["Link", "Lien"],
        "cue.sessionId" => ["Cue session", "Séance du signal"],
        "cue.segmentId" => ["Cue segment", "Segment du signal"],
        "cue.offsetSecs" => ["Cue offset", "Décalage du signal"],
        "cue.leadSecs" => ["Heads-up", "Préavis"],
        "cue.text" => ["Cue text", "Texte du signal"],
        "delay.stage" | "message.stage" | "blackout.stage" | "share.stage" => ["Stage", "Scène"],
        "share.person" => ["Team member", "Membre de l’équipe"],
        "share.bind" => ["Listen on", "Écouter sur"],
        "share.port" => ["Port", "Port"],
        "share.oscPort" => ["OSC port", "Port OSC"],
        "share.feedback.to" => ["OSC feedback address", "Adresse de retour OSC"],
        "share" => ["Sharing", "Partage"],
        "delay.session" => ["Session", "Séance"],
        "delay.minutes" => ["Delay (minutes)", "Retard (minutes)"],
        "actual.start" => ["Actual start", "Début réel"],
        "actual.end" => ["Actual end", "Fin réelle"],
        "destination.name" => ["Destination name", "Nom de la destination"],
        "destination.preset" => ["Platform", "Plateforme"],
        "destination.serverUrl" => ["Server URL", "URL du serveur"],
        "destination.backupUrl" => ["Backup URL", "URL de relève"],
        "destination.streamKey" => ["Stream key", "Clé de diffusion"],
        "destination.sessionIds" => ["Sessions", "Séances"],
        "destination.id" => ["Destination", "Destination"],
        "brandItem.title" => ["Item title", "Titre de l’élément"],
        "brandItem.due" => ["Due date", "Date d’échéance"],
        "brandItem.status" => ["Status", "Statut"],
        "brandItem.reason" => ["Reason for rejecting", "Motif du refus"],
        "brandItem.file" => ["File", "Fichier"],
        "brandItem.spec" => ["Spec", "Spécification"],
        "branding.dueDaysBefore" => ["Days before the event", "Jours avant l’événement"],
        "palette.primary" => ["Primary colour", "Couleur principale"],
        "palette.secondary" => ["Secondary colour", "Couleur secondaire"],
        "palette.text" => ["Text colour", "Couleur du texte"],
        "palette.background" => ["Background colour", "Couleur de fond"],
        "chat.pinned" => ["Pinned messages", "Messages épinglés"],
        "chat.languages" => ["Chat languages", "Langues du clavardage"],
        "preset.name" => ["Preset name", "Nom du modèle"],
        "event.id" => ["Event id", "Identifiant de l’événement"],
        "event.revision" => ["Event revision", "Révision de l’événement"],
        "event.kitPurchaseDate" => ["Kit purchase date", "Date d’achat de la trousse"],
        "stage.eventId"
        | "session.eventId"
        | "person.eventId"
        | "task.eventId"
        | "destination.eventId"
        | "brandItem.eventId" => ["Event", "Événement"],
        "session.id" | "task.sessionId" | "segment.sessionId" => ["Session", "Séance"],
        "segment.id" => ["Segment", "Segment"],
        "person.id" => ["Person", "Personne"],
        "task.id" => ["Task", "Tâche"],
        "cue.id" => ["Cue", "Signal"],
        "brandItem.id" => ["Checklist item", "Élément de la liste"],
        "stage.position" => ["Stage position", "Position de la scène"],
        "destination.position" => ["Destination position", "Position de la destination"],
        "brandItem.position" => ["Item position", "Position de l’élément"],
        "rehearsal.from" => ["Rehearsal start", "Début de la répétition"],
        "rehearsal.speed" => ["Rehearsal speed", "Vitesse de la répétition"],
        "actual.which" => ["Start or end", "Début ou fin"],
        "export.path" => ["Export file", "Fichier d’exportation"],
        "package.includeStreamKeys" => [
            "Stream keys in the package",
            "Clés de diffusion dans le paquet",
        ],
        "mode" => ["Who uses this copy", "Qui utilise cette copie"],
        "job" => ["Job", "Tâche de fond"],
        // A whole item (an action on it rather than one of its fields): its kind's name.
        _ if !field.contains('.') => return kind_label(field, lang),
        _ => return field.to_string(),
    };
    label[fr as usize].to_string()
}

/// The label of an item kind (`event`, `session`, …), for messages.
pub fn kind_label(kind: &str, lang: Lang) -> String {
    let fr = lang == Lang::FrCa;
    let label = match kind {
        "event" => ["Event", "Événement"],
        "stage" => ["Stage", "Scène"],
        "session" => ["Session", "Séance"],
        "segment" => ["Segment", "Segment"],
        "person" => ["Person", "Personne"],
        "task" => ["Task", "Tâche"],
        "cue" => ["Cue", "Signal"],
        "destination" => ["Destination", "Destination"],
        "brandItem" => ["Checklist item", "Élément de la liste"],
        "file" => ["File", "Fichier"],
        "preset" => ["Preset", "Modèle"],
        _ => return kind.to_string(),
    };
    label[fr as usize].to_string()
}

/// The speaker timer window's title.
pub fn speaker_timer_title(lang: Lang) -> &'static str {
    match lang {
        Lang::FrCa => "Showcall — minuterie du conférencier",
        Lang::En => "Showcall — speaker timer",
    }
}

/// Formats a length in minutes as `9 h`, `9 h 30` or `45 min`.
pub fn hours_minutes(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}
