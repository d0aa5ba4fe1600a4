//! `showcall export` and `showcall import package`: handoff packages.

use chrono::Utc;
use showcall_core::merge::{Change, MergeItem, Pick, Resolution};
use showcall_core::Store;
use showcall_exchange::import::{self, Action};
use showcall_exchange::read::{self, Limits};
use showcall_exchange::write::{self, Options};
use showcall_exchange::{Error, MadeBy};
use std::path::Path;
use std::process::ExitCode;

/// Prints an exchange error; exit 2 when the file itself could not be read, 1 when the
/// package was refused.
fn fail(e: Error, cli: &crate::Cli) -> ExitCode {
    match e {
        Error::Core(c) => {
            eprintln!("showcall: {}", c.message(cli.lang));
            ExitCode::from(match c {
                showcall_core::Error::Conflict(_) => 1,
                _ => 2,
            })
        }
        e @ Error::Io { .. } => {
            eprintln!("showcall: {e}");
            ExitCode::from(2)
        }
        e => {
            eprintln!("showcall: {e}");
            ExitCode::from(1)
        }
    }
}

pub fn export(
    cli: &crate::Cli,
    store: &mut Store,
    event: &str,
    out: &Path,
    include_stream_keys: bool,
) -> showcall_core::Result<ExitCode> {
    let id = store.find_event(event)?;
    if include_stream_keys {
        showcall_core::edit::may(store.actor(), showcall_core::edit::Act::ExportStreamKeys)?;
    }
    let opts = Options {
        made_by: store.actor(),
        include_stream_keys,
        lang: cli.lang,
        now: Utc::now(),
    };
    // A path typed on the command line is relative to where the command runs.
    let out = &std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    match write::export(store, &id, out, &opts) {
        Ok(w) => {
            println!("{}", w.path);
            if include_stream_keys {
                eprintln!(
                    "showcall: {} stream key(s) included in clear: share this file only with \
                     whoever may stream",
                    w.stream_keys
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(fail(e, cli)),
    }
}

fn change(c: Option<Change>) -> &'static str {
    match c {
        Some(Change::Added) => "added",
        Some(Change::Changed) => "changed",
        Some(Change::Removed) => "removed",
        None => "",
    }
}

fn item_line(i: &MergeItem) -> String {
    let who = match (i.conflict, i.ours, i.theirs) {
        (true, o, t) => format!("CONFLICT  {} here, {} in the package", change(o), change(t)),
        (false, None, t) => format!("package   {}", change(t)),
        (false, o, _) => format!("here      {} (kept)", change(o)),
    };
    let fields: Vec<String> = i
        .fields
        .iter()
        .map(|f| {
            format!(
                "{}: {:?} → {:?}",
                f.field,
                f.ours.as_deref().unwrap_or(""),
                f.theirs.as_deref().unwrap_or("")
            )
        })
        .collect();
    let mut line = format!("  {who:<42} {:<12} {}", i.kind, i.label);
    if !fields.is_empty() {
        line.push_str(&format!("  [{}]", fields.join("; ")));
    }
    line
}

pub fn import_package(
    cli: &crate::Cli,
    store: &mut Store,
    file: &Path,
    dry_run: bool,
    conflicts: Option<Pick>,
    json: bool,
) -> showcall_core::Result<ExitCode> {
    // Attached files wait beside the database, outside files/, until the import is applied.
    let staging = showcall_exchange::staging_root(store);
    let staging = if dry_run { None } else { staging.as_deref() };
    let opened = match read::open(file, staging, &Limits::default()) {
        Ok(o) => o,
        Err(e) => return Ok(fail(e, cli)),
    };
    let plan = match import::plan(store, &opened) {
        Ok(p) => p,
        Err(e) => return Ok(fail(e, cli)),
    };
    let unresolved = match &plan.action {
        Action::Merge { preview } if conflicts.is_none() => preview.conflicts(),
        _ => 0,
    };
    if json {
        crate::print::json(&plan);
    } else {
        println!(
            "{}: \"{}\" from the {} ({}), {} session(s), {} people, {} attached file(s){}",
            file.display(),
            plan.event_name,
            match plan.made_by {
                MadeBy::Analyst => "analyst",
                MadeBy::Customer => "customer",
            },
            plan.created_at.format("%Y-%m-%d %H:%M UTC"),
            plan.sessions,
            plan.people,
            plan.files,
            if plan.stream_keys_included {
                ", stream keys included"
            } else {
                ""
            }
        );
        match &plan.action {
            Action::New => println!("new here: it will be added as it is"),
            Action::Unchanged => println!("already here, identical: nothing to do"),
            Action::Merge { preview } => {
                println!(
                    "already here: {} difference(s), {} conflict(s){}",
                    preview.items.len(),
                    preview.conflicts(),
                    if preview.has_base {
                        ", compared with the version last exchanged"
                    } else {
                        " (never exchanged before: anything that differs is a conflict)"
                    }
                );
                for i in &preview.items {
                    println!("{}", item_line(i));
                }
            }
        }
    }
    if unresolved > 0 {
        eprintln!(
            "showcall: {unresolved} conflict(s): choose --ours (keep this database's version) or \
             --theirs (take the package's); nothing was imported"
        );
        return Ok(ExitCode::from(1));
    }
    if dry_run || plan.action == Action::Unchanged {
        if dry_run && !json {
            println!("dry run: nothing was imported");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let resolution = Resolution {
        conflicts,
        ..Default::default()
    };
    match import::apply(store, &opened, &resolution, Utc::now()) {
        Ok(done) => {
            if json {
                crate::print::json(&done);
            } else {
                println!(
                    "imported {} ({})",
                    done.event_id,
                    if done.created { "new" } else { "merged" }
                );
                if let Some(b) = &done.backup {
                    println!("backup of the database before: {b}");
                }
                for r in &done.restored {
                    println!("kept (still used): {r}");
                }
                if done.stream_keys_set > 0 {
                    println!("stream keys stored: {}", done.stream_keys_set);
                }
                for n in &done.stream_keys_kept {
                    println!("kept this machine's stream key for {n} (the package's differs)");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(fail(e, cli)),
    }
}

/// Writes the run of show in the format the file's extension names.
pub fn runsheet(
    cli: &crate::Cli,
    data: &showcall_core::EventData,
    out: &Path,
) -> showcall_core::Result<ExitCode> {
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !showcall_runsheet::FORMATS.contains(&ext.as_str()) {
        eprintln!(
            "showcall: --out {}: the extension says the format: .pdf, .xlsx or .csv",
            out.display()
        );
        return Ok(ExitCode::from(2));
    }
    let bytes = match showcall_runsheet::render(data, cli.lang, &ext) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("showcall: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    std::fs::write(out, bytes).map_err(|source| showcall_core::Error::Io {
        path: out.display().to_string(),
        source,
    })?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}
