//! `showcall`: headless access to a Showcall database for scripts, CI and power users. Every
//! command goes through the same core as the app; this file only parses arguments and prints.
//! Exit codes: 0 ok, 1 the thing checked failed, 2 usage or bad input.

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod agenda;
mod args;
mod assets;
mod exchange;
mod print;
mod rtmp;
mod share;

use args::*;
use chrono::{DateTime, Utc};
use clap::Parser;
use showcall_core::{demo, rules, schedule, Store};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("showcall: {}", e.message(cli.lang));
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> showcall_core::Result<ExitCode> {
    if let Command::Rtmp {
        command: RtmpCommand::Test { dest: None, .. },
    } = &cli.command
    {
        // A bare URL needs no database.
        return rtmp::test(cli, None);
    }
    let path = cli
        .db
        .clone()
        .unwrap_or_else(showcall_core::store::default_path);
    let mut store = Store::open(&path)?;
    match &cli.command {
        Command::Demo => {
            let d = demo::event();
            store.insert(&d)?;
            println!("{}\t{}", d.event.id, d.event.name);
        }
        Command::Events { json } => {
            let events = store.list_events()?;
            if *json {
                print::json(&events);
            } else {
                print::events(&events);
            }
        }
        Command::Check { event, json } => {
            let data = store.load(&store.find_event(event)?)?;
            // As the app shows them: what depends on today (overdue branding items) included.
            let schedule = showcall_core::schedule::compute(&data);
            let mut findings = rules::check_at(&data, &schedule, cli.lang, Some(Utc::now()));
            // The analyst's findings: the customer lead's wording is the Schedule tab's.
            findings.iter_mut().for_each(|f| f.customer = None);
            if *json {
                print::json(&findings);
            } else {
                print::findings(&findings, cli.lang);
            }
            if findings
                .iter()
                .any(|f| f.severity == rules::Severity::Error)
            {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Schedule { event, json } => {
            let data = store.load(&store.find_event(event)?)?;
            let sch = schedule::compute(&data);
            if *json {
                print::json(&sch);
            } else {
                print::schedule(&sch, &data, cli.lang);
            }
        }
        Command::Report { event, csv, json } => {
            let id = store.find_event(event)?;
            let report = store.report(&id)?;
            if let Some(path) = csv {
                std::fs::write(path, showcall_core::report::to_csv(&report)).map_err(|source| {
                    showcall_core::Error::Io {
                        path: path.display().to_string(),
                        source,
                    }
                })?;
            } else if *json {
                print::json(&report);
            } else {
                print::report(&report, cli.lang);
            }
        }
        Command::Cues { event, at, json } => {
            let id = store.find_event(event)?;
            let at = at.unwrap_or_else(Utc::now);
            let cues = store.cue_timeline(&id)?;
            let data = store.load(&id)?;
            let rows: Vec<print::CueRow> = cues.iter().map(|c| print::CueRow::new(c, at)).collect();
            if *json {
                print::json(&rows);
            } else {
                print::cues(&rows, &data.event.time_zone);
            }
        }
        Command::Delay {
            event,
            stage,
            session,
            minutes,
            from,
        } => {
            let id = store.find_event(event)?;
            let actor = store.actor();
            let d = showcall_core::service::add_delay(
                &mut store,
                actor,
                &id,
                stage,
                session.as_deref(),
                *minutes,
                from.unwrap_or_else(Utc::now),
            )?;
            println!("{}\t{:+} min from {}", d.id, d.minutes, d.from.to_rfc3339());
        }
        Command::Ics { event, out, cues } => {
            let id = store.find_event(event)?;
            let data = store.load(&id)?;
            let timeline = if *cues {
                Some(store.cue_timeline(&id)?)
            } else {
                None
            };
            let ics =
                showcall_core::ics::calendar(&data, timeline.as_deref(), cli.lang, Utc::now());
            std::fs::write(out, ics).map_err(|source| showcall_core::Error::Io {
                path: out.display().to_string(),
                source,
            })?;
            println!("{}", out.display());
        }
        Command::Rtmp {
            command: RtmpCommand::Sheet { event, out },
        } => {
            let data = store.load(&store.find_event(event)?)?;
            let html = showcall_core::rtmp_sheet::sheet_html(&data, cli.lang);
            std::fs::write(out, html).map_err(|source| showcall_core::Error::Io {
                path: out.display().to_string(),
                source,
            })?;
            println!("{}", out.display());
        }
        Command::Rtmp { .. } => return rtmp::test(cli, Some(&mut store)),
        Command::Assets {
            command: Some(AssetsCommand::Check { file, kind, json }),
            ..
        } => return Ok(assets::check(file, kind, *json, cli.lang)),
        Command::Assets {
            command: None,
            event,
            json,
        } => {
            let Some(event) = event else {
                eprintln!("showcall assets: name an event (id or exact name), or use `assets check FILE --kind K`");
                return Ok(ExitCode::from(2));
            };
            let data = store.load(&store.find_event(event)?)?;
            assets::checklist(&data, *json, cli.lang);
        }
        Command::Runsheet { event, out } => {
            let data = store.load(&store.find_event(event)?)?;
            return exchange::runsheet(cli, &data, out);
        }
        Command::Export {
            event,
            out,
            include_stream_keys,
        } => return exchange::export(cli, &mut store, event, out, *include_stream_keys),
        Command::Import {
            command:
                ImportCommand::Agenda {
                    file,
                    event,
                    new_event,
                    tz,
                    map,
                    sheet,
                    accept_valid,
                    dry_run,
                    json,
                },
        } => {
            let target = match (event, new_event, tz) {
                (Some(e), _, _) => agenda::Target::Event(e.clone()),
                (None, Some(name), Some(tz)) => agenda::Target::New {
                    name: name.clone(),
                    tz: tz.clone(),
                },
                _ => unreachable!("clap requires --event or --new-event with --tz"),
            };
            let opts = agenda::Opts {
                map: map.clone(),
                sheet: sheet.clone(),
                accept_valid: *accept_valid,
                dry_run: *dry_run,
                json: *json,
            };
            return agenda::run(cli, &mut store, file, &target, &opts);
        }
        Command::Import {
            command:
                ImportCommand::Package {
                    file,
                    dry_run,
                    ours,
                    theirs,
                    json,
                },
        } => {
            let conflicts = match (ours, theirs) {
                (true, _) => Some(showcall_core::merge::Pick::Ours),
                (_, true) => Some(showcall_core::merge::Pick::Theirs),
                _ => None,
            };
            return exchange::import_package(cli, &mut store, file, *dry_run, conflicts, *json);
        }
        Command::Share { command } => return share::run(&mut store, command),
        Command::Actual {
            session,
            start,
            end,
        } => {
            if start.is_none() && end.is_none() {
                eprintln!("showcall: give --start, --end or both");
                return Ok(ExitCode::from(2));
            }
            let actor = store.actor();
            let a =
                showcall_core::service::record_actual(&mut store, actor, session, *start, *end)?;
            let show =
                |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339()).unwrap_or_else(|| "-".into());
            println!(
                "{}\tstart {}\tend {}",
                a.session_id,
                show(a.start),
                show(a.end)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
