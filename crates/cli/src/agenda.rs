//! `showcall import agenda`: a customer's agenda spreadsheet into an event.

use showcall_agenda::{AgendaError, AgendaTarget, ImportOptions, Outcome};
use showcall_core::Store;
use std::path::Path;
use std::process::ExitCode;

pub enum Target {
    Event(String),
    New { name: String, tz: String },
}

pub struct Opts {
    pub map: Vec<String>,
    pub sheet: Option<String>,
    pub accept_valid: bool,
    pub dry_run: bool,
    pub json: bool,
}

pub fn run(
    cli: &crate::Cli,
    store: &mut Store,
    file: &Path,
    target: &Target,
    opts: &Opts,
) -> showcall_core::Result<ExitCode> {
    let lang = cli.lang;
    let target = match target {
        Target::Event(e) => AgendaTarget {
            event_id: Some(store.find_event(e)?),
            ..Default::default()
        },
        Target::New { name, tz } => AgendaTarget {
            new_name: Some(name.clone()),
            new_time_zone: Some(tz.clone()),
            ..Default::default()
        },
    };
    let options = ImportOptions {
        map: opts.map.clone(),
        sheet: opts.sheet.clone(),
        ..Default::default()
    };
    let loaded = match showcall_agenda::load(store, file, &target, &options, lang) {
        Ok(l) => l,
        Err(AgendaError::Core(e)) => return Err(e),
        Err(e) => {
            eprintln!("showcall: {}", e.message(lang));
            return Ok(ExitCode::from(2));
        }
    };
    let plan = &loaded.prepared.plan;
    let prepared = &loaded.prepared;
    if opts.json {
        crate::print::json(prepared);
    } else {
        for note in plan.notes(lang) {
            println!("{note}");
        }
        for r in &plan.rows {
            let what = match (&r.outcome, &r.session) {
                (Outcome::Add, Some(s)) => format!(
                    "add      {}–{} [{}] {}",
                    s.local_start.format("%Y-%m-%d %H:%M"),
                    s.local_end.format("%H:%M"),
                    s.stage.name(),
                    s.title
                ),
                (Outcome::AlreadyInEvent, _) => "skip     already in the event".into(),
                (Outcome::DuplicateRow, _) => "skip     same as an earlier row".into(),
                _ => "invalid".into(),
            };
            println!("row {}: {what}", r.row);
        }
        for w in &plan.warnings {
            println!("warning: {}", w.line(lang));
        }
    }
    for e in &plan.errors {
        eprintln!("{}", e.line(lang));
    }
    let c = &plan.counts;
    if !opts.json {
        println!(
            "{} row(s): {} to add, {} already in the event, {} invalid; {} new stage(s), {} new \
             people, {} matched",
            c.rows,
            c.to_add,
            c.already_in_event + c.duplicates,
            c.invalid,
            c.new_stages,
            c.new_people,
            c.matched_people
        );
    }
    if !plan.is_clean() && !opts.accept_valid {
        eprintln!(
            "showcall: {} invalid row(s): nothing imported (fix them, or --accept-valid to import \
             the {} valid row(s))",
            c.invalid, c.to_add
        );
        return Ok(ExitCode::from(1));
    }
    if opts.dry_run {
        if !opts.json {
            println!("dry run: nothing was imported");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (done, _) = match showcall_agenda::import(store, &loaded, opts.accept_valid) {
        Ok(d) => d,
        Err(AgendaError::Core(e)) => return Err(e),
        Err(e) => {
            eprintln!("showcall: {}", e.message(lang));
            return Ok(ExitCode::from(1));
        }
    };
    if !opts.json {
        let name = store.load(&done.event_id)?.event.name;
        println!(
            "imported {} session(s) into {name} ({})",
            done.sessions_added, done.event_id
        );
    }
    Ok(ExitCode::SUCCESS)
}
