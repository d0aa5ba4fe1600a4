//! Opening a package: every check happens here, before anything is written to the database.

mod staging;
pub use staging::{Committed, Staged};

use crate::{
    hex, io, DataFile, Error, FileEntry, FileRole, Manifest, NameProblem, Result, Text, VersionOf,
    DATA_VERSION, EVENT_DATA, FORMAT, FORMAT_VERSION, MANIFEST, STREAM_KEYS,
};
use sha2::{Digest, Sha256};
use showcall_core::i18n::Lang;
use showcall_core::job::{Job, Unit};
use showcall_core::model::EventData;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::Path;

/// How much a package may hold and expand to. The defaults fit any real event with room to
/// spare; a package past them is refused before anything is unpacked.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Entries in the zip (files and folders). An event carries a few thousand files at most.
    pub max_entries: usize,
    /// All files together, uncompressed.
    pub max_total: u64,
    /// `manifest.json`, `event.json` and the keys, each (read into memory).
    pub max_json: u64,
    /// Uncompressed size over compressed size, for every file over [`Limits::ratio_from`].
    /// Real data stays far below; deflate tops out near 1,032:1, which is what a zip bomb uses.
    pub max_ratio: u64,
    /// Files up to this size are not held to [`Limits::max_ratio`] (a few KiB of JSON can pack
    /// very tightly, and cannot hurt).
    pub ratio_from: u64,
    /// Room to leave free on the disk of the staging folder once the attached files are
    /// unpacked (the import still writes a backup and the database).
    pub keep_free: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 10_000,
            max_total: 20 << 30,
            max_json: 256 << 20,
            max_ratio: 200,
            ratio_from: 64 << 10,
            keep_free: 32 << 20,
        }
    }
}

/// A package that passed every check.
pub struct Opened {
    pub manifest: Manifest,
    pub data: EventData,
    /// Stream keys by destination id, when the package includes them.
    pub keys: Option<BTreeMap<String, String>>,
    /// Where its attached files were unpacked (verified), by SHA-256: a staging folder outside
    /// the files folder, removed with the package.
    pub staged: Option<Staged>,
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("manifest", &self.manifest)
            .field("event", &self.data.event.id)
            .field("keys", &self.keys.as_ref().map(|k| k.len()))
            .finish()
    }
}

pub use showcall_core::paths::blob_path;

fn json<T: serde::de::DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let message =
            if file == STREAM_KEYS && e.inner().classify() == serde_json::error::Category::Data {
                // serde quotes the value it refused, and here the values are stream keys.
                Text::new(
                    "expected destination ids, each with its stream key as text (the value is not \
                 shown: it may be a key)",
                    "des identifiants de destination étaient attendus, chacun avec sa clé de \
                 diffusion en texte (la valeur n’est pas affichée : ce pourrait être une clé)",
                )
            } else {
                crate::error::json_text(e.inner())
            };
        Error::Json {
            file: file.to_string(),
            place: match e.path().to_string() {
                p if p == "." => Text::new("top level", "racine du fichier"),
                p => Text::new(p.clone(), p),
            },
            message,
        }
    })
}

/// Upgrades `event.json` from an older shape, one version at a time. Version 1 is the first;
/// fields added since (custom cues, cue settings, destinations, restream) read as empty when
/// absent, so version-1 files from any earlier build read as they are.
fn upgrade(v: u32, value: serde_json::Value) -> Result<serde_json::Value> {
    match v {
        1 => Ok(value),
        _ => Err(Error::Format(Text::new(
            format!("{EVENT_DATA}: data version {v} is not one Showcall ever wrote"),
            format!("{EVENT_DATA} : Showcall n’a jamais écrit de données en version {v}"),
        ))),
    }
}

/// Opens and verifies `path`. Attached files are unpacked under `staging` (a fresh
/// `.staging-<uuid>` folder in it, see [`crate::staging_root`]: outside the files folder, on
/// its disk) while their hashes are checked; without `staging` they are only checked. Nothing
/// is written anywhere else, and the staging folder goes when the result is dropped.
pub fn open(path: &Path, staging: Option<&Path>, limits: &Limits) -> Result<Opened> {
    open_with(path, staging, limits, &Job::none())
}

/// [`open`], reporting the bytes read and hashed to `job` (stage `hash`, out of the sizes the
/// manifest lists) and checking it per file and per 256 KiB read: when cancelled, the staging
/// folder and what was unpacked into it are removed, and nothing else was written.
pub fn open_with(
    path: &Path,
    staging: Option<&Path>,
    limits: &Limits,
    job: &Job,
) -> Result<Opened> {
    job.check()?;
    let file = File::open(path).map_err(io(path))?;
    let shown = path.display().to_string();
    let mut zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| Error::NotAZip(shown.clone(), e.to_string()))?;
    if zip.has_duplicate_names() {
        return Err(Error::Duplicate(Text::new(
            "in the zip directory",
            "dans le répertoire du zip",
        )));
    }
    if zip.len() > limits.max_entries {
        return Err(Error::TooLarge {
            name: shown,
            why: Text::new(
                format!(
                    "{} entries, more than the {} an event's package may hold",
                    zip.len(),
                    limits.max_entries
                ),
                format!(
                    "{} entrées, plus que les {} que peut contenir le paquet d’un événement",
                    zip.len(),
                    limits.max_entries
                ),
            ),
        });
    }
    // Names, kinds and declared sizes first, for every entry, before reading any content.
    let mut entries: HashMap<String, (usize, u64)> = HashMap::new();
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| Error::NotAZip(shown.clone(), e.to_string()))?;
        let name = f
            .name()
            .map_err(|_| Error::UnsafeName {
                name: String::from_utf8_lossy(f.name_raw()).into_owned(),
                why: NameProblem::NotUtf8,
            })?
            .into_owned();
        if let Some(why) = crate::unsafe_name(name.trim_end_matches('/')) {
            return Err(Error::UnsafeName { name, why });
        }
        if f.is_symlink() {
            return Err(Error::Symlink(name));
        }
        if f.is_dir() {
            continue;
        }
        let (size, packed) = (f.size(), f.compressed_size().max(1));
        if size > limits.ratio_from && size / packed > limits.max_ratio {
            return Err(Error::TooLarge {
                why: Text::new(
                    format!(
                        "{packed} bytes expand to {size} ({}:1) — a zip bomb, not a Showcall \
                         package",
                        size / packed
                    ),
                    format!(
                        "{packed} octets se décompressent en {size} ({}:1) — une bombe zip, pas \
                         un paquet Showcall",
                        size / packed
                    ),
                ),
                name,
            });
        }
        declared = declared.saturating_add(size);
        if declared > limits.max_total {
            return Err(too_much(shown, declared, limits.max_total));
        }
        entries.insert(name, (i, size));
    }
    zip.validate_header_consistency()
        .map_err(|e| Error::NotAZip(shown.clone(), e.to_string()))?;

    let mut read_json = |name: &str, expect: Option<&FileEntry>| -> Result<Vec<u8>> {
        let (i, size) = *entries
            .get(name)
            .ok_or_else(|| Error::Missing(name.to_string()))?;
        if size > limits.max_json {
            return Err(Error::TooLarge {
                name: name.into(),
                why: Text::new(
                    format!("{size} bytes, more than {} allowed", limits.max_json),
                    format!("{size} octets, plus que les {} permis", limits.max_json),
                ),
            });
        }
        let mut f = zip
            .by_index(i)
            .map_err(|e| Error::NotAZip(name.into(), e.to_string()))?;
        let mut bytes = Vec::with_capacity(size as usize);
        (&mut f)
            .take(limits.max_json + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::NotAZip(name.into(), e.to_string()))?;
        if let Some(e) = expect {
            check(e, bytes.len() as u64, {
                let mut h = Sha256::new();
                h.update(&bytes);
                hex(h)
            })?;
        }
        Ok(bytes)
    };

    let head: serde_json::Value = json(MANIFEST, &read_json(MANIFEST, None)?)?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::Format(Text::new(
            format!("{MANIFEST}: not a Showcall package (its format is not \"{FORMAT}\")"),
            format!(
                "{MANIFEST} : ce n’est pas un paquet Showcall (son format n’est pas « {FORMAT} »)"
            ),
        )));
    }
    if let Some(v) = head.get("formatVersion").and_then(|v| v.as_u64()) {
        if v > FORMAT_VERSION as u64 {
            return Err(Error::FutureVersion {
                what: VersionOf::PackageFormat,
                found: v as u32,
                supported: FORMAT_VERSION,
            });
        }
    }
    let manifest: Manifest = json(MANIFEST, &serde_json::to_vec(&head).expect("json"))?;

    let mut listed: HashMap<&str, &FileEntry> = HashMap::new();
    let mut total = 0u64;
    for e in &manifest.files {
        if let Some(why) = crate::unsafe_name(&e.path) {
            return Err(Error::UnsafeName {
                name: e.path.clone(),
                why,
            });
        }
        if e.path == MANIFEST || listed.insert(&e.path, e).is_some() {
            return Err(Error::Duplicate(Text::new(
                format!("{MANIFEST} lists {}", e.path),
                format!("{MANIFEST} mentionne {}", e.path),
            )));
        }
        if e.role == FileRole::Asset && e.path != format!("files/{}", e.sha256) {
            return Err(Error::Format(Text::new(
                format!(
                    "{MANIFEST}: attached file {} is not named after its SHA-256",
                    e.path
                ),
                format!(
                    "{MANIFEST} : le fichier joint {} ne porte pas le nom de son SHA-256",
                    e.path
                ),
            )));
        }
        total = total.saturating_add(e.size);
    }
    if total > limits.max_total {
        return Err(too_much(MANIFEST.into(), total, limits.max_total));
    }
    if let Some(extra) = entries
        .keys()
        .filter(|n| n.as_str() != MANIFEST && !listed.contains_key(n.as_str()))
        .min()
    {
        return Err(Error::Unlisted(extra.clone()));
    }
    for e in &manifest.files {
        match entries.get(&e.path) {
            None => return Err(Error::Missing(e.path.clone())),
            Some((_, size)) if *size != e.size => {
                return Err(Error::SizeMismatch {
                    name: e.path.clone(),
                    expected: e.size,
                    found: *size,
                })
            }
            _ => {}
        }
    }

    // Contents: every listed file is read once and its hash checked.
    let mut meter = job.meter(Unit::Bytes, "hash", Some(total));
    job.check()?;
    let data_entry = listed
        .get(EVENT_DATA)
        .copied()
        .ok_or_else(|| Error::Missing(EVENT_DATA.into()))?;
    let raw = read_json(EVENT_DATA, Some(data_entry))?;
    meter.add(raw.len() as u64);
    job.check()?;
    let value: serde_json::Value = json(EVENT_DATA, &raw)?;
    let version = value
        .get("dataVersion")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| Error::Json {
            file: EVENT_DATA.into(),
            place: Text::new("dataVersion", "dataVersion"),
            message: Text::new("missing or not a number", "absent ou n’est pas un nombre"),
        })?;
    if version > DATA_VERSION as u64 {
        return Err(Error::FutureVersion {
            what: VersionOf::EventData,
            found: version as u32,
            supported: DATA_VERSION,
        });
    }
    let value = upgrade(version as u32, value)?;
    let data: DataFile = json(EVENT_DATA, &serde_json::to_vec(&value).expect("json"))?;
    let data = data.event;
    if data.event.id != manifest.event_id {
        return Err(Error::Format(Text::new(
            format!(
                "{EVENT_DATA} holds event {}, the manifest says {}",
                data.event.id, manifest.event_id
            ),
            format!(
                "{EVENT_DATA} contient l’événement {}, le manifeste indique {}",
                data.event.id, manifest.event_id
            ),
        )));
    }
    showcall_core::validate::event_data(&data).map_err(|e| {
        Error::Format(Text::new(
            format!(
                "{EVENT_DATA}: {}; nothing was imported",
                e.message(Lang::En)
            ),
            format!(
                "{EVENT_DATA} : {} ; rien n’a été importé",
                e.message(Lang::FrCa)
            ),
        ))
    })?;

    let keys = match listed.get(STREAM_KEYS) {
        Some(e) => {
            let raw = read_json(STREAM_KEYS, Some(e))?;
            meter.add(raw.len() as u64);
            Some(json::<BTreeMap<String, String>>(STREAM_KEYS, &raw)?)
        }
        None => None,
    };

    let assets: Vec<&FileEntry> = manifest
        .files
        .iter()
        .filter(|e| e.role != FileRole::Data && e.role != FileRole::Secret)
        .collect();
    let mut staged = None;
    if let Some(root) = staging {
        if assets.iter().any(|e| e.role == FileRole::Asset) {
            let needed: u64 = assets
                .iter()
                .filter(|e| e.role == FileRole::Asset)
                .map(|e| e.size)
                .fold(0, u64::saturating_add);
            if let Some(available) = crate::space::available(root) {
                if needed.saturating_add(limits.keep_free) > available {
                    return Err(Error::NoSpace {
                        dir: root.display().to_string(),
                        needed: needed.saturating_add(limits.keep_free),
                        available,
                    });
                }
            }
            let dir = root.join(format!("{}{}", crate::STAGING_PREFIX, uuid::Uuid::new_v4()));
            std::fs::create_dir_all(&dir).map_err(io(&dir))?;
            staged = Some(Staged {
                dir,
                files: Vec::new(),
            });
        }
    }
    for e in assets {
        job.check()?;
        let (i, _) = entries[&e.path];
        let mut f = zip
            .by_index(i)
            .map_err(|err| Error::NotAZip(e.path.clone(), err.to_string()))?;
        let mut h = Sha256::new();
        let mut sink = match (&mut staged, e.role) {
            (Some(s), FileRole::Asset) => {
                let p = s.dir.join(&e.sha256);
                s.files.push(e.sha256.clone());
                Some(std::io::BufWriter::new(File::create(&p).map_err(io(&p))?))
            }
            _ => None,
        };
        let mut buf = vec![0u8; 256 << 10];
        let mut n = 0u64;
        loop {
            let got = f
                .read(&mut buf)
                .map_err(|err| Error::NotAZip(e.path.clone(), err.to_string()))?;
            if got == 0 {
                break;
            }
            n += got as u64;
            if n > e.size {
                return Err(Error::TooLarge {
                    name: e.path.clone(),
                    why: Text::new(
                        format!("expands past the {} bytes it declares", e.size),
                        format!("se décompresse au-delà des {} octets qu’il déclare", e.size),
                    ),
                });
            }
            h.update(&buf[..got]);
            if let Some(w) = &mut sink {
                w.write_all(&buf[..got]).map_err(|err| Error::Io {
                    path: e.path.clone(),
                    source: err,
                })?;
            }
            meter.add(got as u64);
            job.check()?;
        }
        if let Some(w) = sink {
            // On disk before the import may rename it into the files folder.
            w.into_inner()
                .map_err(|err| err.into_error())
                .and_then(|f| f.sync_all())
                .map_err(|err| Error::Io {
                    path: e.path.clone(),
                    source: err,
                })?;
        }
        check(e, n, hex(h))?;
    }
    job.check()?;
    meter.finish();
    Ok(Opened {
        manifest,
        data,
        keys,
        staged,
    })
}

/// All files together are more than an event's package may hold.
fn too_much(name: String, total: u64, max: u64) -> Error {
    let (t, m) = (crate::space::size_text(total), crate::space::size_text(max));
    Error::TooLarge {
        name,
        why: Text::new(
            format!(
                "the files add up to {} ({total} bytes), more than the {} allowed",
                t.en, m.en
            ),
            format!(
                "les fichiers totalisent {} ({total} octets), plus que les {} permis",
                t.fr, m.fr
            ),
        ),
    }
}

fn check(e: &FileEntry, size: u64, sha256: String) -> Result<()> {
    if size != e.size {
        return Err(Error::SizeMismatch {
            name: e.path.clone(),
            expected: e.size,
            found: size,
        });
    }
    if sha256 != e.sha256 {
        return Err(Error::HashMismatch {
            name: e.path.clone(),
            expected: e.sha256.clone(),
            found: sha256,
        });
    }
    Ok(())
}
