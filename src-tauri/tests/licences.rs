//! The About box lists what Showcall ships and under which licence: every crate compiled into the
//! app and the CLI (from `cargo metadata`: the packages reached from `showcall-app` and
//! `showcall-cli` by normal dependencies on this platform), every npm package bundled into the
//! window (from `ui/package-lock.json`, its non-dev packages), and the fonts embedded in the
//! printed run of show (from their DEP-5 copyright file). The list is generated, never written by
//! hand: committed as `src-tauri/licences.json` (embedded in the app), this test fails when it is
//! stale (`UPDATE_LICENCES=1` rewrites it), or when any shipped component has no licence.

use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The crates compiled into the shipped binaries, sorted by name and version.
fn crates() -> Vec<Value> {
    let out = Command::new(env!("CARGO"))
        .current_dir(root())
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            "x86_64-unknown-linux-gnu",
        ])
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages: BTreeMap<&str, &Value> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p))
        .collect();
    let nodes: BTreeMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let roots: Vec<&str> = packages
        .iter()
        .filter(|(_, p)| matches!(p["name"].as_str(), Some("showcall-app" | "showcall-cli")))
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(roots.len(), 2, "both shipped binaries are in the workspace");
    // Walk normal dependencies only: build scripts' and tests' crates are not shipped.
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut todo = roots;
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            if normal {
                todo.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    let mut list: Vec<Value> = seen
        .into_iter()
        .map(|id| packages[id])
        // The workspace's own crates are Showcall itself.
        .filter(|p| p["source"].is_string())
        .map(|p| {
            json!({
                "name": p["name"],
                "version": p["version"],
                // A few crates name a licence file instead of an SPDX expression.
                "licence": p["license"].as_str().map(str::to_string).or_else(|| {
                    p["license_file"].as_str().map(|f| {
                        let file = Path::new(f).file_name().unwrap_or_default();
                        format!("see {} in the crate", file.to_string_lossy())
                    })
                }),
                "source": p["repository"],
            })
        })
        .collect();
    list.sort_by_key(|c| (c["name"].to_string(), c["version"].to_string()));
    list
}

/// The npm packages bundled into the window (not the build and test tools).
fn npm() -> Vec<Value> {
    let lock: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("ui/package-lock.json")).unwrap(),
    )
    .unwrap();
    let mut list: Vec<Value> = lock["packages"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, p)| !path.is_empty() && p["dev"] != json!(true))
        .map(|(path, p)| {
            let name = path.rsplit("node_modules/").next().unwrap_or(path);
            json!({
                "name": name,
                "version": p["version"],
                "licence": p["license"],
                "source": Value::Null,
            })
        })
        .collect();
    list.sort_by_key(|c| c["name"].to_string());
    list
}

/// The fonts embedded in PDFs, with the licence their DEP-5 copyright file gives.
fn fonts() -> Vec<Value> {
    let dir = root().join("crates/runsheet/fonts");
    let mut list = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for licence_file in names.iter().filter(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("LICENSE-"))
    }) {
        let text = std::fs::read_to_string(licence_file).unwrap();
        let field = |key: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(key))
                .map(|v| v.trim().to_string())
        };
        let family = field("Upstream-Name:").expect("Upstream-Name in the font's copyright file");
        let licence = field("License:").expect("License in the font's copyright file");
        let stem = family
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        for font in names.iter().filter(|p| {
            p.extension().is_some_and(|e| e == "ttf")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&stem))
        }) {
            list.push(json!({
                "name": font.file_name().unwrap().to_string_lossy(),
                "version": Value::Null,
                "licence": licence,
                "source": field("Source:"),
            }));
        }
    }
    list
}

fn generate() -> String {
    let all = json!({
        "crates": crates(),
        "npm": npm(),
        "fonts": fonts(),
    });
    serde_json::to_string_pretty(&all).unwrap() + "\n"
}

#[test]
fn the_licence_list_is_generated_and_up_to_date() {
    let fresh = generate();
    let path = root().join("src-tauri/licences.json");
    if std::env::var_os("UPDATE_LICENCES").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "src-tauri/licences.json is stale: run `UPDATE_LICENCES=1 cargo test -p showcall-app --test licences`"
    );
}

#[test]
fn every_shipped_component_has_a_licence() {
    let all: Value = serde_json::from_str(&generate()).unwrap();
    let mut counts = BTreeMap::new();
    for (kind, min) in [("crates", 100), ("npm", 2), ("fonts", 2)] {
        let list = all[kind].as_array().unwrap();
        assert!(list.len() >= min, "{kind}: only {} listed", list.len());
        for c in list {
            let licence = c["licence"].as_str().unwrap_or_default();
            assert!(
                !licence.trim().is_empty(),
                "{kind}: {} has no licence",
                c["name"]
            );
            *counts.entry(kind).or_insert(0) += 1;
        }
    }
    // The window's own framework is there, and no test-only tool is.
    let names: Vec<&str> = all["npm"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"solid-js"), "{names:?}");
    assert!(
        !names.contains(&"vitest") && !names.contains(&"axe-core"),
        "{names:?}"
    );
    let crates: Vec<&str> = all["crates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(crates.contains(&"tauri") && crates.contains(&"rusqlite"));
    assert!(
        !crates.contains(&"fantoccini"),
        "a test crate is not shipped"
    );
    assert!(
        !crates.contains(&"tauri-build"),
        "a build script's crate is not shipped"
    );
}
