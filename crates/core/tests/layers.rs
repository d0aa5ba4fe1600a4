//! The core's modules form layers (see the crate docs): each module uses only modules of the
//! layers before it, and within the logic layer only the modules listed before it. This test
//! reads every source file's `crate::` paths (outside its unit tests and comments) and fails on
//! a use the wrong way, which also keeps the module graph free of cycles.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every top-level module of the core, in layer order. A module may use those before it.
const ORDER: &[&str] = &[
    // base
    "i18n",
    "error",
    "paths",
    "job",
    "time",
    "ids",
    "ascii_json",
    // data
    "model",
    "testing",
    // logic
    "schedule",
    "cues",
    "tasks",
    "asset_check",
    "branding",
    "rtmp",
    "rules",
    "validate",
    "demo",
    "live",
    "report",
    "view",
    "view_changes",
    "history",
    "merge",
    "handoff",
    "ics",
    "rtmp_sheet",
    // edits
    "edit",
    // storage
    "store",
    // use cases
    "service",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to (`None` for `lib.rs`).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    if first == "lib.rs" {
        return None;
    }
    Some(first.trim_end_matches(".rs").to_string())
}

/// The code of a file that ships: up to its unit tests, without comments.
fn shipped_code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level modules a piece of code names through `crate::` (including `use crate::{a,
/// b::c}` groups) and, in a file at the top of `src/`, through `super::`.
fn modules_used(code: &str, top_level_file: bool) -> Vec<String> {
    let mut used = Vec::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut prefixes = vec!["crate::"];
    if top_level_file {
        prefixes.push("super::");
    }
    for prefix in prefixes {
        let mut rest = code;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                // Top-level names of a `{…}` group: split at depth-0 commas.
                let mut depth = 0;
                let mut item = String::new();
                for c in group.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            used.push(ident(item.trim()));
                            item.clear();
                            continue;
                        }
                        _ => {}
                    }
                    item.push(c);
                }
                used.push(ident(item.trim()));
            } else {
                used.push(ident(rest));
            }
        }
    }
    used.retain(|m| !m.is_empty() && m.chars().next().is_some_and(|c| c.is_lowercase()));
    used
}

#[test]
fn every_module_uses_only_the_layers_before_it() {
    let rank: BTreeMap<&str, usize> = ORDER.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut unplaced = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        // Unit tests and their fixtures in files of their own (`mod tests;` under cfg(test)).
        if file
            .file_name()
            .is_some_and(|n| n == "tests.rs" || n == "fixtures.rs")
        {
            continue;
        }
        let Some(&mine) = rank.get(module.as_str()) else {
            unplaced.push(module);
            continue;
        };
        let top_level = file.parent() == Some(src().as_path());
        let text = std::fs::read_to_string(file).unwrap();
        for used in modules_used(&shipped_code(&text), top_level) {
            if used == module {
                continue;
            }
            match rank.get(used.as_str()) {
                Some(&theirs) if theirs < mine => {}
                // Crate-root re-exports (`crate::Result`, `crate::Error`) are base items.
                None if ["Result", "Error"].contains(&used.as_str()) => {}
                _ => wrong.push(format!(
                    "{} uses crate::{used} (a layer at or after {module})",
                    file.strip_prefix(src()).unwrap().display()
                )),
            }
        }
    }
    unplaced.sort();
    unplaced.dedup();
    assert!(
        unplaced.is_empty(),
        "modules with no place in the layers (add them to ORDER): {unplaced:?}"
    );
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "uses the wrong way:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_uses_the_wrong_way() {
    // The reader itself: groups, nested paths, comments and unit tests.
    let code = shipped_code(
        "use crate::{model::EventData, store::{self, Store}};\n\
         // crate::service is only named in a comment\n\
         fn f() { crate::edit::apply(); let x = a::crate::nothing; }\n\
         #[cfg(test)]\nmod tests { use crate::service; }\n",
    );
    let used = modules_used(&code, false);
    assert_eq!(used, ["model", "store", "edit"]);
    assert_eq!(modules_used("super::rtmp::preset()", true), ["rtmp"]);
    assert!(modules_used("super::rtmp::preset()", false).is_empty());
}
