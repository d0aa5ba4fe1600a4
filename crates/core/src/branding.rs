//! The branding checklist: what the customer's event leads owe the analyst (logo, banner,
//! background, overlays, video clips, colours, chat requirements), each item with an owner, a due
//! date, a status (requested → received → approved, or rejected with a reason and back to
//! requested), its history, notes and attached files (stored by SHA-256 in the data folder).
//! Also the palette (WCAG contrast), the chat requirements and the readiness score.

use crate::asset_check::{self, Report, Spec};
use crate::edit::Edit;
use crate::error::{Error, Invalid, Result};
use crate::i18n::Lang;
use crate::model::{new_id, EventData, Owner};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// What an item of the checklist is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    Logo,
    Banner,
    Background,
    Overlay,
    Video,
    Colours,
    Chat,
    Other,
}

impl AssetKind {
    pub const ALL: [AssetKind; 8] = [
        AssetKind::Logo,
        AssetKind::Banner,
        AssetKind::Background,
        AssetKind::Overlay,
        AssetKind::Video,
        AssetKind::Colours,
        AssetKind::Chat,
        AssetKind::Other,
    ];

    /// The snake_case code (also the key of its spec in `assets/branding-specs.json`).
    pub fn code(self) -> &'static str {
        match self {
            AssetKind::Logo => "logo",
            AssetKind::Banner => "banner",
            AssetKind::Background => "background",
            AssetKind::Overlay => "overlay",
            AssetKind::Video => "video",
            AssetKind::Colours => "colours",
            AssetKind::Chat => "chat",
            AssetKind::Other => "other",
        }
    }

    pub fn from_code(s: &str) -> Option<AssetKind> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Whether the item is delivered as files (colours and chat requirements are filled in).
    pub fn takes_files(self) -> bool {
        !matches!(self, AssetKind::Colours | AssetKind::Chat)
    }

    /// The default title of a new item.
    pub fn title(self, lang: Lang) -> &'static str {
        let fr = lang == Lang::FrCa;
        match (self, fr) {
            (AssetKind::Logo, false) => "Logo",
            (AssetKind::Logo, true) => "Logo",
            (AssetKind::Banner, false) => "Banner",
            (AssetKind::Banner, true) => "Bannière",
            (AssetKind::Background, false) => "Background",
            (AssetKind::Background, true) => "Arrière-plan",
            (AssetKind::Overlay, false) => "Overlay / lower third",
            (AssetKind::Overlay, true) => "Superposition / bandeau-titre",
            (AssetKind::Video, false) => "Video clip",
            (AssetKind::Video, true) => "Clip vidéo",
            (AssetKind::Colours, false) => "Colours and theme",
            (AssetKind::Colours, true) => "Couleurs et thème",
            (AssetKind::Chat, false) => "Chat requirements",
            (AssetKind::Chat, true) => "Exigences du clavardage",
            (AssetKind::Other, false) => "Other asset",
            (AssetKind::Other, true) => "Autre élément",
        }
    }
}

/// Where an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssetStatus {
    Requested,
    Received,
    Approved,
    Rejected,
}

impl AssetStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AssetStatus::Requested, Lang::En) => "requested",
            (AssetStatus::Requested, Lang::FrCa) => "demandé",
            (AssetStatus::Received, Lang::En) => "received",
            (AssetStatus::Received, Lang::FrCa) => "reçu",
            (AssetStatus::Approved, Lang::En) => "approved",
            (AssetStatus::Approved, Lang::FrCa) => "approuvé",
            (AssetStatus::Rejected, Lang::En) => "rejected",
            (AssetStatus::Rejected, Lang::FrCa) => "refusé",
        }
    }
}

/// A file attached to an item: a copy kept in the data folder under its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssetFile {
    /// The content's SHA-256 (for a file over [`MAX_STORED_BYTES`], never kept, that of its
    /// first 64 KiB and its length).
    pub sha256: String,
    /// The original file's name (never its folder).
    pub name: String,
    #[ts(type = "number")]
    pub bytes: u64,
    pub added_at: DateTime<Utc>,
    pub added_by: String,
    /// The spec checks run when it was attached.
    pub report: Report,
    /// Whether a copy is kept (a file of the wrong type or far too big is only reported).
    pub stored: bool,
    /// A still picture of a video clip was made (ffmpeg), kept as `thumbs/<sha256>.jpg`.
    #[serde(default)]
    pub thumbnail: bool,
}

/// One change of status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub at: DateTime<Utc>,
    pub by: String,
    pub from: AssetStatus,
    pub to: AssetStatus,
    pub reason: String,
}

/// One line of the branding checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandItem {
    pub id: String,
    pub event_id: String,
    pub position: u32,
    pub kind: AssetKind,
    pub title: String,
    pub owner: Owner,
    /// Counts towards readiness.
    pub required: bool,
    /// The due date; kept in step with the event unless `due_custom`.
    pub due: Option<NaiveDate>,
    pub due_custom: bool,
    pub spec: Spec,
    pub status: AssetStatus,
    /// Why it was rejected (empty otherwise).
    pub reason: String,
    pub notes: String,
    pub files: Vec<AssetFile>,
    pub history: Vec<StatusChange>,
}

/// The event's colours, as `#RRGGBB` (empty when not given yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Palette {
    pub primary: String,
    pub secondary: String,
    pub text: String,
    pub background: String,
}

/// Who may write in the event's chat.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChatAudience {
    #[default]
    Everyone,
    Attendees,
    SpeakersOnly,
    Nobody,
}

/// The chat requirements the customer owes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ChatRequirements {
    pub moderated: bool,
    pub who_may_chat: ChatAudience,
    /// Pinned messages, one per entry.
    pub pinned: Vec<String>,
    /// Languages the chat is run in (BCP 47 tags or names).
    pub languages: Vec<String>,
    pub notes: String,
}

/// Event-wide branding details: palette, chat, the default lead time of due dates, and the
/// speaker instructions sent to presenters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Branding {
    pub palette: Palette,
    pub chat: ChatRequirements,
    /// Items are due this many days before the first session.
    pub due_days_before: u32,
    /// The speaker instructions the customer sends with invitations.
    pub speaker_instructions: String,
}

impl Default for Branding {
    fn default() -> Self {
        Branding {
            palette: Palette::default(),
            chat: ChatRequirements::default(),
            due_days_before: DEFAULT_DUE_DAYS,
            speaker_instructions: String::new(),
        }
    }
}

/// Items are due two weeks before the event unless the analyst says otherwise.
pub const DEFAULT_DUE_DAYS: u32 = 14;

/// A template line: what a preset makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PresetItem {
    pub kind: AssetKind,
    pub title: String,
    pub owner: Owner,
    pub required: bool,
    pub spec: Spec,
}

/// A named checklist template (the built-in one, or one the analyst saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandPreset {
    pub name: String,
    pub built_in: bool,
    pub items: Vec<PresetItem>,
}

/// The spec of a kind as shipped (empty for colours, chat and other).
pub fn default_spec(kind: AssetKind) -> Spec {
    asset_check::presets()
        .remove(kind.code())
        .unwrap_or_default()
}

/// The built-in checklist, from the shipped specs.
pub fn default_preset(lang: Lang) -> BrandPreset {
    let items = [
        AssetKind::Logo,
        AssetKind::Banner,
        AssetKind::Background,
        AssetKind::Overlay,
        AssetKind::Video,
        AssetKind::Colours,
        AssetKind::Chat,
    ]
    .into_iter()
    .map(|kind| PresetItem {
        kind,
        title: kind.title(lang).into(),
        owner: Owner::Customer,
        // A clip is often optional; everything else is needed to configure the platform.
        required: kind != AssetKind::Video,
        spec: default_spec(kind),
    })
    .collect();
    BrandPreset {
        name: match lang {
            Lang::En => "Standard",
            Lang::FrCa => "Standard",
        }
        .into(),
        built_in: true,
        items,
    }
}

/// The setting holding the presets the analyst saved (JSON).
const PRESETS_SETTING: &str = "brand_presets";

/// The saved presets; a setting that does not read is an error (never silently emptied, so
/// saving cannot wipe it).
fn saved_presets(store: &crate::store::Store) -> Result<Vec<BrandPreset>> {
    match store.setting(PRESETS_SETTING)? {
        None => Ok(Vec::new()),
        Some(v) => serde_json::from_str(&v).map_err(|e| {
            Error::invalid(
                "preset.name",
                say(
                    format!("the saved presets do not read ({e}); nothing was changed"),
                    format!("les modèles enregistrés sont illisibles ({e}) ; rien n’a changé"),
                ),
            )
        }),
    }
}

/// The built-in preset (titles in `lang`) then the saved ones, by name. Saved presets that do
/// not read are left out here (the built-in one still works); saving says why.
pub fn presets(store: &crate::store::Store, lang: Lang) -> Vec<BrandPreset> {
    let mut v = vec![default_preset(lang)];
    v.extend(saved_presets(store).unwrap_or_default());
    v
}

fn store_presets(store: &mut crate::store::Store, list: &mut Vec<BrandPreset>) -> Result<()> {
    list.sort_by_key(|p| p.name.to_lowercase());
    let json = serde_json::to_string(list).expect("presets serialise");
    store.set_setting(PRESETS_SETTING, &json)
}

/// Saves the checklist lines of `data` (kinds, titles, owners, specs) as a preset named `name`,
/// replacing a saved one of that name.
pub fn save_preset(
    store: &mut crate::store::Store,
    name: &str,
    data: &EventData,
    lang: Lang,
) -> Result<Vec<BrandPreset>> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("preset.name", Invalid::Empty));
    }
    let built_in = default_preset(lang).name;
    if name.eq_ignore_ascii_case(&built_in) {
        return Err(Error::invalid(
            "preset.name",
            say(
                format!("“{name}” is the built-in preset: choose another name"),
                format!("« {name} » est le modèle intégré : choisissez un autre nom"),
            ),
        ));
    }
    let preset = BrandPreset {
        name: name.to_string(),
        built_in: false,
        items: data
            .brand_items
            .iter()
            .map(|i| PresetItem {
                kind: i.kind,
                title: i.title.clone(),
                owner: i.owner,
                required: i.required,
                spec: i.spec.clone(),
            })
            .collect(),
    };
    let mut list = saved_presets(store)?;
    list.retain(|p| p.name != name);
    list.push(preset);
    store_presets(store, &mut list)?;
    Ok(presets(store, lang))
}

/// Forgets a saved preset (the built-in one cannot be deleted).
pub fn delete_preset(
    store: &mut crate::store::Store,
    name: &str,
    lang: Lang,
) -> Result<Vec<BrandPreset>> {
    let mut list = saved_presets(store)?;
    let before = list.len();
    list.retain(|p| p.name != name);
    if list.len() == before {
        return Err(Error::NotFound {
            kind: "preset",
            id: name.into(),
        });
    }
    store_presets(store, &mut list)?;
    Ok(presets(store, lang))
}

/// The checklist lines of a preset, for one event (due dates follow with [`sync`]).
pub fn items_from(preset: &[PresetItem], event_id: &str, from_position: u32) -> Vec<BrandItem> {
    preset
        .iter()
        .enumerate()
        .map(|(i, p)| BrandItem {
            id: new_id(),
            event_id: event_id.into(),
            position: from_position + i as u32,
            kind: p.kind,
            title: p.title.clone(),
            owner: p.owner,
            required: p.required,
            due: None,
            due_custom: false,
            spec: p.spec.clone(),
            status: AssetStatus::Requested,
            reason: String::new(),
            notes: String::new(),
            files: vec![],
            history: vec![],
        })
        .collect()
}

/// The default due date: `days` before the first session's day, in the event's zone.
pub fn default_due(d: &EventData) -> Option<NaiveDate> {
    let tz: Tz = d.event.time_zone.parse().unwrap_or(Tz::UTC);
    let first = d.sessions.iter().map(|s| s.start).min()?;
    Some(first.with_timezone(&tz).date_naive() - Duration::days(d.branding.due_days_before as i64))
}

/// Keeps due dates in step with the event (items whose date was not set by hand), and orders
/// and numbers the items.
pub fn sync(d: &mut EventData) {
    let due = default_due(d);
    for it in &mut d.brand_items {
        if !it.due_custom {
            it.due = due;
        }
    }
    d.brand_items
        .sort_by(|a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
    for (i, it) in d.brand_items.iter_mut().enumerate() {
        it.position = i as u32;
    }
}

/// Approved items over required ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub approved: u32,
    pub required: u32,
}

impl Readiness {
    /// 0–100, rounded down; 100 when nothing is required.
    pub fn percent(self) -> u32 {
        (self.approved * 100)
            .checked_div(self.required)
            .unwrap_or(100)
    }
}

pub fn readiness(items: &[BrandItem]) -> Readiness {
    let req = items.iter().filter(|i| i.required);
    Readiness {
        required: req.clone().count() as u32,
        approved: req.filter(|i| i.status == AssetStatus::Approved).count() as u32,
    }
}

/// Parses `#RRGGBB` (or `#RGB`, any case, `#` optional) to its three channels.
pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.trim().trim_start_matches('#');
    let full: String = match h.len() {
        3 => h.chars().flat_map(|c| [c, c]).collect(),
        6 => h.to_string(),
        _ => return None,
    };
    if !full.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2.x relative luminance of an sRGB colour.
fn luminance(c: [u8; 3]) -> f64 {
    let ch = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
}

/// The WCAG contrast ratio of two colours (1 to 21), or `None` if either is not a colour.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse_hex(a)?), luminance(parse_hex(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// WCAG AA for body text.
pub const AA_CONTRAST: f64 = 4.5;

/// The canonical form of a colour typed by a user: `#rrggbb`, or empty.
pub fn normalise_hex(field: &str, s: &str) -> Result<String> {
    if s.trim().is_empty() {
        return Ok(String::new());
    }
    let [r, g, b] = parse_hex(s).ok_or_else(|| {
        Error::invalid(
            field,
            Invalid::Say {
                en: format!("“{}” is not a colour like #1a2b3c", s.trim()),
                fr: format!("« {} » n’est pas une couleur comme #1a2b3c", s.trim()),
            },
        )
    })?;
    Ok(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// Where attached files are kept: `files/` beside the database.
pub fn files_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("files")
}

/// Where an attached file with this SHA-256 is kept: `files/<first two hex digits>/<sha256>`
/// (the layout handoff packages unpack into too).
pub fn blob_path(files_dir: &Path, sha256: &str) -> PathBuf {
    files_dir.join(&sha256[..2.min(sha256.len())]).join(sha256)
}

/// Where video stills are kept: `thumbs/` beside the database.
pub fn thumbs_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("thumbs")
}

/// Whether `s` is a SHA-256 in lowercase hex (the only names served from the files folder).
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Removes what an interrupted copy left behind: `files/.incoming-*` and half-made stills.
/// Returns how many were removed. Run at start-up.
pub fn sweep(db: &Path) -> usize {
    let mut n = 0;
    for (dir, leftover) in [(files_dir(db), ".incoming-"), (thumbs_dir(db), ".")] {
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in list.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().starts_with(leftover)
                && e.path().is_file()
                && std::fs::remove_file(e.path()).is_ok()
            {
                n += 1;
            }
        }
    }
    n
}

/// Files bigger than this are never copied (the checks still run and say why).
pub const MAX_STORED_BYTES: u64 = 1_000_000_000;

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The `ffmpeg` to run: `SHOWCALL_FFMPEG` when set, else the one on the `PATH`.
fn ffmpeg() -> PathBuf {
    std::env::var_os("SHOWCALL_FFMPEG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("ffmpeg"))
}

/// Checks the file at `src` against `spec` and, unless its type is wrong or it is far too big,
/// copies it into `files_dir` under its SHA-256 (the original is only read). The copy is written
/// to a temporary name and renamed once complete, and the checks run on the copy, so the report
/// describes exactly the bytes kept. A file that cannot be read is an error: nothing is kept.
pub fn store_file(
    files_dir: &Path,
    src: &Path,
    kind: AssetKind,
    spec: &Spec,
    by: &str,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<AssetFile> {
    let name = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !kind.takes_files() {
        return Err(Error::invalid(
            "brandItem.file",
            say(
                format!(
                    "“{}” is filled in, not delivered as a file",
                    kind.title(lang)
                ),
                format!(
                    "« {} » se remplit, il ne se livre pas en fichier",
                    kind.title(lang)
                ),
            ),
        ));
    }
    // First what the head and the size tell (cheap on any file), to decide whether to copy.
    let mut first = asset_check::check_head(src, kind.code(), spec, lang);
    if let Some(c) = first.checks.iter().find(|c| c.check == "readable") {
        return Err(Error::invalid(
            "brandItem.file",
            Invalid::Say {
                en: format!("cannot read “{name}”: {}", c.found),
                fr: format!("impossible de lire « {name} » : {}", c.found),
            },
        ));
    }
    let over_cap = first.bytes > MAX_STORED_BYTES;
    if over_cap && !first.checks.iter().any(|c| c.check == "bytes" && !c.ok) {
        first.checks.push(asset_check::Check {
            check: "bytes".into(),
            ok: false,
            expected: match lang {
                Lang::En => "at most 1 GB (the most Showcall keeps)".into(),
                Lang::FrCa => "au plus 1 Go (le plus que Showcall conserve)".into(),
            },
            found: format!("{:.1} GB", first.bytes as f64 / 1e9),
            skipped: false,
        });
    }
    if !first.ok() {
        // Only the report is kept: a file of the wrong type or too big can never be used, so
        // it is not copied. A file over the cap is not even read through: its head and length
        // name the attempt.
        let sha = hash_file(src, over_cap)?;
        return Ok(AssetFile {
            sha256: sha,
            name,
            bytes: first.bytes,
            added_at: now,
            added_by: by.into(),
            report: first,
            stored: false,
            thumbnail: false,
        });
    }
    std::fs::create_dir_all(files_dir).map_err(|e| io(files_dir, e))?;
    let tmp = files_dir.join(format!(".incoming-{}", new_id()));
    let copied = stream(src, Some(&tmp));
    let (sha, bytes) = match copied {
        Ok(x) => x,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let report = asset_check::check_file(&tmp, kind.code(), spec, lang);
    let dest = blob_path(files_dir, &sha);
    let placed = if dest.exists() {
        std::fs::remove_file(&tmp).map_err(|e| io(&tmp, e))
    } else {
        let dir = dest.parent().expect("blob paths have a folder");
        std::fs::create_dir_all(dir)
            .map_err(|e| io(dir, e))
            .and_then(|()| std::fs::rename(&tmp, &dest).map_err(|e| io(&dest, e)))
    };
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // A still for any clip with a picture, even one that fails a check (it is in the list).
    let thumbnail =
        kind == AssetKind::Video && report.width.is_some() && video_still(files_dir, &sha);
    Ok(AssetFile {
        sha256: sha,
        name,
        bytes,
        added_at: now,
        added_by: by.into(),
        report,
        stored: true,
        thumbnail,
    })
}

/// Makes `thumbs/<sha>.jpg` from the clip's first second with ffmpeg, if it is installed.
fn video_still(files_dir: &Path, sha: &str) -> bool {
    let thumbs = files_dir.parent().unwrap_or(Path::new(".")).join("thumbs");
    if std::fs::create_dir_all(&thumbs).is_err() {
        return false;
    }
    let out = thumbs.join(format!("{sha}.jpg"));
    if out.exists() {
        return true;
    }
    let tmp = thumbs.join(format!(".{sha}.jpg"));
    let ok = std::process::Command::new(ffmpeg())
        .args(["-v", "error", "-y", "-ss", "0.5", "-i"])
        .arg(blob_path(files_dir, sha))
        .args(["-frames:v", "1", "-vf", "scale=320:-2", "-f", "image2"])
        .arg(&tmp)
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    ok && std::fs::rename(&tmp, &out).is_ok()
}

/// The SHA-256 of a file, or with `head_only` of its first 64 KiB and its length.
fn hash_file(src: &Path, head_only: bool) -> Result<String> {
    let mut f = std::fs::File::open(src).map_err(|e| io(src, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    if head_only {
        let n = f.read(&mut buf).map_err(|e| io(src, e))?;
        h.update(&buf[..n]);
        let len = f.metadata().map_err(|e| io(src, e))?.len();
        h.update(len.to_le_bytes());
        return Ok(hex(&h.finalize()));
    }
    Ok(stream(src, None)?.0)
}

/// Reads `src` once, hashing it, and writes it to `to` (synced) when given: (SHA-256, bytes).
fn stream(src: &Path, to: Option<&Path>) -> Result<(String, u64)> {
    let mut f = std::fs::File::open(src).map_err(|e| io(src, e))?;
    let mut out = match to {
        Some(to) => Some((std::fs::File::create(to).map_err(|e| io(to, e))?, to)),
        None => None,
    };
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(|e| io(src, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        if let Some((out, to)) = &mut out {
            out.write_all(&buf[..n]).map_err(|e| io(to, e))?;
        }
        total += n as u64;
    }
    if let Some((out, to)) = &out {
        out.sync_all().map_err(|e| io(to, e))?;
    }
    Ok((hex(&h.finalize()), total))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The SHA-256 of every stored file the event's checklist refers to.
pub fn stored_hashes(d: &EventData) -> Vec<String> {
    let mut v: Vec<String> = d
        .brand_items
        .iter()
        .flat_map(|i| i.files.iter())
        .filter(|f| f.stored)
        .map(|f| f.sha256.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

fn say(en: impl Into<String>, fr: impl Into<String>) -> Invalid {
    Invalid::Say {
        en: en.into(),
        fr: fr.into(),
    }
}

/// Where an item may go from `from` by hand: requested → received / approved / rejected;
/// received → approved / rejected / requested; rejected → requested; approved → requested.
/// (Attaching a file moves an item to received or rejected from anywhere.)
pub fn next_statuses(from: AssetStatus) -> &'static [AssetStatus] {
    use AssetStatus::*;
    match from {
        Requested => &[Received, Approved, Rejected],
        Received => &[Approved, Rejected, Requested],
        Rejected => &[Requested],
        Approved => &[Requested],
    }
}

fn labels(list: &[AssetStatus], lang: Lang) -> String {
    let or = if lang == Lang::FrCa { " ou " } else { " or " };
    list.iter()
        .map(|s| s.label(lang))
        .collect::<Vec<_>>()
        .join(or)
}

/// The palette can be approved: primary, text and background given, and text on background
/// readable (WCAG AA).
fn palette_ready(p: &Palette) -> Result<()> {
    for (field, v) in [
        ("palette.primary", &p.primary),
        ("palette.text", &p.text),
        ("palette.background", &p.background),
    ] {
        if v.trim().is_empty() {
            return Err(Error::invalid(field, Invalid::Empty));
        }
    }
    match contrast(&p.text, &p.background) {
        Some(r) if r < AA_CONTRAST => Err(Error::invalid(
            "palette.text",
            say(
                format!("{r:.2}:1 on the background is under the 4.5:1 WCAG AA asks for"),
                format!(
                    "{}:1 sur le fond est sous le 4,5:1 exigé par WCAG AA",
                    format!("{r:.2}").replace('.', ",")
                ),
            ),
        )),
        _ => Ok(()),
    }
}

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
pub(crate) fn apply(d: &mut EventData, edit: &Edit) -> Result<Option<String>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let bw = contrast("#000000", "#ffffff").unwrap();
        assert!((bw - 21.0).abs() < 1e-9, "{bw}");
        assert!((contrast("#fff", "#fff").unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known smallest grey passing AA (4.54:1).
        let g = contrast("#767676", "#FFFFFF").unwrap();
        assert!((AA_CONTRAST..4.6).contains(&g), "{g}");
        let g = contrast("#777777", "#ffffff").unwrap();
        assert!(g < AA_CONTRAST, "{g}");
        assert_eq!(contrast("#12", "#fff"), None);
        assert_eq!(contrast("#gggggg", "#fff"), None);
    }

    #[test]
    fn hex_colours_are_normalised_or_refused_by_field() {
        assert_eq!(normalise_hex("palette.text", " #ABC ").unwrap(), "#aabbcc");
        assert_eq!(normalise_hex("palette.text", "1A2B3C").unwrap(), "#1a2b3c");
        assert_eq!(normalise_hex("palette.text", "").unwrap(), "");
        let e = normalise_hex("palette.text", "blue").unwrap_err();
        assert!(
            e.message(Lang::En).contains("blue"),
            "{}",
            e.message(Lang::En)
        );
    }

    #[test]
    fn presets_are_saved_replaced_and_deleted_by_name() {
        let mut store = crate::store::Store::open_in_memory().unwrap();
        let mut d = crate::view::new_event("Gala", "UTC", "en");
        d.brand_items.retain(|i| i.kind != AssetKind::Video);
        d.brand_items[0].title = "Sponsor logo".into();
        let list = save_preset(&mut store, " Gala kit ", &d, Lang::En).unwrap();
        assert_eq!(
            list.iter()
                .map(|p| (p.name.as_str(), p.built_in))
                .collect::<Vec<_>>(),
            [("Standard", true), ("Gala kit", false)]
        );
        assert_eq!(list[1].items.len(), 6);
        assert_eq!(list[1].items[0].title, "Sponsor logo");
        // Saving again under the same name replaces it.
        d.brand_items.truncate(2);
        let list = save_preset(&mut store, "Gala kit", &d, Lang::En).unwrap();
        assert_eq!((list.len(), list[1].items.len()), (2, 2));
        let e = save_preset(&mut store, "standard", &d, Lang::FrCa).unwrap_err();
        assert!(
            e.message(Lang::FrCa).contains("modèle intégré"),
            "{}",
            e.message(Lang::FrCa)
        );
        assert_eq!(
            save_preset(&mut store, "  ", &d, Lang::En)
                .unwrap_err()
                .message(Lang::En),
            "Preset name: must not be empty"
        );
        assert_eq!(
            delete_preset(&mut store, "Gala kit", Lang::En)
                .unwrap()
                .len(),
            1
        );
        assert!(delete_preset(&mut store, "Gala kit", Lang::En).is_err());
    }

    #[test]
    fn readiness_counts_required_items_only() {
        let mut items = items_from(&default_preset(Lang::En).items, "e", 0);
        let r = readiness(&items);
        assert_eq!((r.approved, r.required), (0, 6));
        items[0].status = AssetStatus::Approved;
        // The video clip is optional: approving it changes nothing.
        let video = items
            .iter_mut()
            .find(|i| i.kind == AssetKind::Video)
            .unwrap();
        video.status = AssetStatus::Approved;
        let r = readiness(&items);
        assert_eq!((r.approved, r.required, r.percent()), (1, 6, 16));
        assert_eq!(readiness(&[]).percent(), 100);
    }
}
