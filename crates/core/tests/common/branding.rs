//! The branding tests' fixture: an event on a real SQLite file in a temporary folder, with the
//! app's attach path (copy and check, then record).
#![allow(dead_code)]

use showcall_core::branding::{self, AssetFile, AssetKind};
use showcall_core::edit::Edit;
use showcall_core::i18n::Lang;
use showcall_core::testing::{session, stage};
use showcall_core::{view, Store};
use std::path::{Path, PathBuf};
use std::process::Command;
pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub dir: PathBuf,
    pub db: PathBuf,
    pub store: Store,
    pub event: String,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("showcall.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let mut store = Store::open(&db).unwrap();
    let mut d = view::new_event("Summit", "America/Toronto", "en");
    let a = stage(&mut d, "Main");
    session(
        &mut d,
        &a,
        "Opening",
        "2027-05-04T13:00:00Z",
        "2027-05-04T14:00:00Z",
    );
    branding::sync(&mut d);
    store.insert(&d).unwrap();
    Fixture {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        db,
        store,
        event: d.event.id.clone(),
    }
}

impl Fixture {
    pub fn item(&self, kind: AssetKind) -> branding::BrandItem {
        let d = self.store.load(&self.event).unwrap();
        d.brand_items.into_iter().find(|i| i.kind == kind).unwrap()
    }

    /// What the app's attach command does: copy and check, then record.
    pub fn attach(
        &mut self,
        kind: AssetKind,
        path: &Path,
        lang: Lang,
    ) -> showcall_core::Result<AssetFile> {
        let it = self.item(kind);
        let file = showcall_core::store::store_file(
            &showcall_core::paths::files_dir(&self.db),
            path,
            kind,
            &it.spec,
            "Analyst",
            "2027-04-01T12:00:00Z".parse().unwrap(),
            lang,
        )?;
        self.store.edit(
            &self.event,
            &Edit::AttachBrandFile {
                id: it.id.clone(),
                file: file.clone(),
                lang,
            },
        )?;
        Ok(file)
    }

    pub fn readiness(&self) -> (u32, u32) {
        let e = self.store.list_events().unwrap();
        let r = e.iter().find(|s| s.id == self.event).unwrap().readiness;
        (r.approved, r.required)
    }
}

pub fn sha256_of(p: &Path) -> String {
    let o = Command::new("sha256sum").arg(p).output().unwrap();
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}
