//! French wording for what the standard library and serde_json say in English: common I/O
//! failures and the shapes of JSON errors, so a refused package reads in French throughout.

use super::Text;

/// What went wrong reading or writing a file, in French for the kinds people meet; other
/// kinds keep the system's own wording.
pub(super) fn io_fr(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let what = match e.kind() {
        K::NotFound => "fichier ou dossier introuvable",
        K::PermissionDenied => "accès refusé",
        K::AlreadyExists => "existe déjà",
        K::StorageFull => "plus d’espace libre sur le disque",
        K::ReadOnlyFilesystem => "le disque est en lecture seule",
        K::UnexpectedEof => "le fichier s’arrête avant la fin",
        _ => return e.to_string(),
    };
    match (e.raw_os_error(), e.get_ref()) {
        (Some(n), _) => format!("{what} (erreur système {n})"),
        (None, Some(inner)) => format!("{what} : {inner}"),
        (None, None) => what.to_string(),
    }
}

/// Why a JSON file could not be read, in both languages. serde_json's English wording is kept
/// as it is; the French one translates the parts serde_json and serde always word the same
/// way (type names and values between backticks stay as they are).
pub(crate) fn json_text(e: &serde_json::Error) -> Text {
    use serde_json::error::Category;
    let en = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    let (body, at_fr) = match en.strip_suffix(&at) {
        Some(body) => (
            body,
            format!(" à la ligne {}, colonne {}", e.line(), e.column()),
        ),
        None => (en.as_str(), String::new()),
    };
    let fr = match e.classify() {
        Category::Eof => format!("le JSON s’arrête avant la fin{at_fr}"),
        Category::Syntax => format!("JSON mal formé{at_fr} : {}", syntax_fr(body)),
        Category::Data => format!("{}{at_fr}", data_fr(body)),
        Category::Io => format!("lecture impossible : {body}"),
    };
    Text { en, fr }
}

pub(super) fn syntax_fr(body: &str) -> String {
    let fr = match body {
        "expected value" => "une valeur était attendue",
        "expected `,` or `}`" => "« , » ou « } » était attendu",
        "expected `,` or `]`" => "« , » ou « ] » était attendu",
        "expected `:`" => "« : » était attendu",
        "expected ident" => "true, false ou null était attendu",
        "key must be a string" => "une clé doit être une chaîne",
        "trailing characters" => "du texte suit la fin du JSON",
        "trailing comma" => "virgule en trop",
        "invalid number" => "nombre invalide",
        "number out of range" => "nombre hors limites",
        "invalid escape" => "séquence d’échappement invalide",
        "invalid unicode code point" => "point de code Unicode invalide",
        "recursion limit exceeded" => "trop de niveaux imbriqués",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle dans une chaîne"
        }
        other => return other.to_string(),
    };
    fr.to_string()
}

pub(super) fn data_fr(body: &str) -> String {
    let split = |rest: &str| match rest.split_once(", expected ") {
        Some((found, expected)) => {
            format!("{}, attendu : {}", found_fr(found), expected_fr(expected))
        }
        None => found_fr(rest),
    };
    if let Some(rest) = body.strip_prefix("invalid type: ") {
        format!("type invalide : {}", split(rest))
    } else if let Some(rest) = body.strip_prefix("invalid value: ") {
        format!("valeur invalide : {}", split(rest))
    } else if let Some(rest) = body.strip_prefix("invalid length ") {
        format!("longueur invalide : {}", split(rest))
    } else if let Some(rest) = body.strip_prefix("unknown variant ") {
        format!("valeur inconnue : {}", split(rest))
    } else if let Some(rest) = body.strip_prefix("unknown field ") {
        format!("champ inconnu : {}", split(rest))
    } else if let Some(rest) = body.strip_prefix("missing field ") {
        format!("champ manquant : {rest}")
    } else if let Some(rest) = body.strip_prefix("duplicate field ") {
        format!("champ en double : {rest}")
    } else {
        format!("valeur refusée : {body}")
    }
}

/// serde's `Unexpected` as it reads in French.
pub(super) fn found_fr(found: &str) -> String {
    for (en, fr) in [
        ("string ", "chaîne "),
        ("integer ", "entier "),
        ("floating point ", "nombre décimal "),
        ("boolean ", "booléen "),
        ("character ", "caractère "),
    ] {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{fr}{rest}");
        }
    }
    match found {
        "sequence" => "liste",
        "map" => "objet",
        "unit value" => "valeur vide",
        "null" => "null",
        other => other,
    }
    .to_string()
}

/// What serde expected, as it reads in French.
pub(super) fn expected_fr(expected: &str) -> String {
    if let Some(rest) = expected.strip_prefix("one of ") {
        return format!("l’une de ces valeurs : {rest}");
    }
    if let Some(rest) = expected.strip_prefix("struct ") {
        return format!("un objet ({rest})");
    }
    match expected {
        "a string" => "une chaîne".into(),
        "a boolean" => "un booléen".into(),
        "a sequence" => "une liste".into(),
        "a map" => "un objet".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            format!("un nombre entier ({expected})")
        }
        "f32" | "f64" => format!("un nombre ({expected})"),
        other => other.to_string(),
    }
}
