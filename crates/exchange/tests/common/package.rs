//! What the package tests share: stores on real files, a seeded event with a stored key, the
//! entries of a package, and zips written byte by byte for hostile packages.
#![allow(dead_code)]

use chrono::Utc;
use showcall_core::demo;
use showcall_core::edit::{DestinationFields, Edit};
use showcall_core::i18n::Lang;
use showcall_core::model::DestinationStatus;
use showcall_core::secrets::KeyStore;
use showcall_core::store::Store;
use showcall_exchange::read::{self, Limits};
use showcall_exchange::write::{self, Options};
use showcall_exchange::{Error, MadeBy};
use std::io::{Read, Write};
use std::path::Path;

pub const KEY: &str = "live_8k2p-Zq4r-77xy-secretkey";

pub fn opts(include_stream_keys: bool) -> Options {
    Options {
        made_by: MadeBy::Analyst,
        include_stream_keys,
        lang: Lang::En,
        now: Utc::now(),
    }
}

pub fn store(dir: &Path, name: &str) -> Store {
    Store::open(dir.join(name).join("showcall.db"))
        .unwrap()
        .with_key_store(KeyStore::File)
}

/// A demo event with a destination whose key is stored; returns the event id.
pub fn seeded(s: &mut Store) -> String {
    let d = demo::event();
    let ev = d.event.id.clone();
    s.insert(&d).unwrap();
    let done = s
        .edit(
            &ev,
            &Edit::AddDestination {
                fields: DestinationFields {
                    name: "YouTube".into(),
                    preset: "custom".into(),
                    server_url: "rtmp://127.0.0.1:1935/live".into(),
                    backup_url: String::new(),
                    session_ids: vec![d.sessions[0].id.clone()],
                    status: DestinationStatus::Received,
                },
            },
        )
        .unwrap();
    s.set_stream_key(&ev, &done.created.unwrap(), Some(KEY))
        .unwrap();
    ev
}

pub fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

pub fn event_json(path: &Path) -> serde_json::Value {
    let (_, b) = entries(path)
        .into_iter()
        .find(|(n, _)| n == "event.json")
        .unwrap();
    serde_json::from_slice(&b).unwrap()
}

pub fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

pub fn rename_first_session(s: &mut Store, ev: &str, title: &str) {
    let d = s.load(ev).unwrap();
    let x = &d.sessions[0];
    s.edit(
        ev,
        &Edit::UpdateSession {
            id: x.id.clone(),
            fields: showcall_core::edit::SessionFields {
                title: title.into(),
                ..showcall_core::edit::SessionFields::of(x)
            },
        },
    )
    .unwrap();
}

/// A zip written byte by byte: names, kinds and sizes the zip crate's writer refuses to make.
pub struct RawEntry {
    pub name: String,
    pub data: Vec<u8>,
    pub deflate: bool,
    pub declared: Option<u32>,
    pub mode: u32,
}

pub fn raw(name: &str, data: &[u8]) -> RawEntry {
    RawEntry {
        name: name.into(),
        data: data.to_vec(),
        deflate: false,
        declared: None,
        mode: 0o100644,
    }
}

pub fn raw_zip(path: &Path, entries: &[RawEntry]) {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let crc = crc32fast::hash(&e.data);
        let body = if e.deflate {
            let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(&e.data).unwrap();
            z.finish().unwrap()
        } else {
            e.data.clone()
        };
        let usize_ = e.declared.unwrap_or(e.data.len() as u32);
        let method: u16 = if e.deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend(20u16.to_le_bytes());
            v.extend(0u16.to_le_bytes());
            v.extend(method.to_le_bytes());
            v.extend(0u32.to_le_bytes()); // time, date
            v.extend(crc.to_le_bytes());
            v.extend((body.len() as u32).to_le_bytes());
            v.extend(usize_.to_le_bytes());
            v.extend((e.name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes()); // extra
        };
        out.extend(0x04034b50u32.to_le_bytes());
        common(&mut out);
        out.extend(e.name.as_bytes());
        out.extend(&body);
        central.extend(0x02014b50u32.to_le_bytes());
        central.extend((3u16 << 8 | 20).to_le_bytes());
        common(&mut central);
        central.extend(0u16.to_le_bytes()); // comment
        central.extend(0u16.to_le_bytes()); // disk
        central.extend(0u16.to_le_bytes()); // internal attributes
        central.extend((e.mode << 16).to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(e.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend(0u32.to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    std::fs::write(path, out).unwrap();
}

/// A good package's entries, to be altered.
pub fn good(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut a = store(dir, "src");
    let ev = seeded(&mut a);
    let p = dir.join("good.showcall");
    write::export(&mut a, &ev, &p, &opts(false)).unwrap();
    entries(&p)
}

pub fn sha(b: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

/// Rewrites the manifest so that it lists `files` exactly as they are (a consistent package).
pub fn relist(files: &mut [(String, Vec<u8>)], edit_manifest: impl Fn(&mut serde_json::Value)) {
    let mi = files
        .iter()
        .position(|(n, _)| n == "manifest.json")
        .unwrap();
    let mut m: serde_json::Value = serde_json::from_slice(&files[mi].1).unwrap();
    let listed: Vec<serde_json::Value> = files
        .iter()
        .filter(|(n, _)| n != "manifest.json")
        .map(|(n, b)| {
            let role = if n == "event.json" {
                "data"
            } else {
                "companion"
            };
            serde_json::json!({"path": n, "sha256": sha(b), "size": b.len(), "role": role})
        })
        .collect();
    m["files"] = serde_json::Value::Array(listed);
    edit_manifest(&mut m);
    files[mi].1 = serde_json::to_vec(&m).unwrap();
}

pub fn zip_of(path: &Path, files: &[(String, Vec<u8>)]) {
    let e: Vec<RawEntry> = files.iter().map(|(n, b)| raw(n, b)).collect();
    raw_zip(path, &e);
}

/// Refuses `pkg` — both the verification alone and the CLI-free import path — and leaves the
/// database file byte for byte as it was.
pub fn refused(dir: &Path, pkg: &Path) -> Error {
    let mut s = store(dir, "target");
    let ev = demo::event();
    if !s.has_event(&ev.event.id).unwrap() {
        s.insert(&ev).unwrap();
    }
    let db = s.path().unwrap().to_path_buf();
    drop(s);
    let before = std::fs::read(&db).unwrap();
    let err = read::open(pkg, Some(dir), &Limits::default()).unwrap_err();
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // Nothing staged is left behind.
    let left: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".incoming"))
        .collect();
    assert!(left.is_empty());
    err
}

/// Every message of `err`, in both languages and in the UI's payload.
pub fn all_messages(err: &Error) -> Vec<String> {
    let mut out = vec![err.to_string()];
    for lang in [Lang::En, Lang::FrCa] {
        out.push(err.message(lang));
        out.push(err.payload(lang).message);
    }
    out
}
