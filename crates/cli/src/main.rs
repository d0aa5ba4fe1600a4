//! `showcall`: headless access to a Showcall database for scripts, CI and power users. Every
//! command goes through the same core as the app; this file only parses arguments and prints.
//! Exit codes: 0 ok, 1 the thing checked failed, 2 usage or bad input.

mod agenda;
mod assets;
mod exchange;
mod print;
mod rtmp;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use showcall_core::i18n::Lang;
use showcall_core::{demo, rules, schedule, Store};
use std::path::PathBuf;
use std::process::ExitCode;

/// Showcall: the production analyst's cockpit for streamed Webex Events events.
#[derive(Parser)]
#[command(name = "showcall", version, about)]
struct Cli {
    /// Database file [default: $SHOWCALL_DB, else showcall.db in the app's data dir].
    #[arg(long, global = false, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Language of messages: en or fr-CA.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the demo event (a one-day, two-stage event in Montréal).
    Demo,
    /// List events.
    Events {
        #[arg(long)]
        json: bool,
    },
    /// Print the production-rule findings of an event; exit 1 when any is an error.
    Check {
        /// Event id or exact name.
        event: String,
        #[arg(long)]
        json: bool,
    },
    /// Print the computed timeline: support window, sessions, segments.
    Schedule {
        /// Event id or exact name.
        event: String,
        #[arg(long)]
        json: bool,
    },
    /// Print the cue timeline as the scheduler sees it at an instant (default: now).
    Cues {
        /// Event id or exact name.
        event: String,
        /// RFC 3339 instant, e.g. 2027-04-15T13:00:00Z.
        #[arg(long, value_parser = parse_instant)]
        at: Option<DateTime<Utc>>,
        #[arg(long)]
        json: bool,
    },
    /// Record "running N minutes late" on a stage (or one session), as the live view does.
    Delay {
        /// Event id or exact name.
        event: String,
        /// Stage id or exact name.
        #[arg(long)]
        stage: String,
        /// Only this session (id or exact title) instead of every later cue of the stage.
        #[arg(long)]
        session: Option<String>,
        /// Minutes late (negative when running early).
        #[arg(long, allow_hyphen_values = true)]
        minutes: i64,
        /// Shift the cues expected from this instant on [default: now].
        #[arg(long, value_parser = parse_instant)]
        from: Option<DateTime<Utc>>,
    },
    /// Print the planned vs actual report (sessions, segments, cues, support hours).
    Report {
        /// Event id or exact name.
        event: String,
        /// Write it as CSV to this file instead.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Write the event as an iCalendar file: one entry per session, and with --cues one per
    /// cue with a reminder at its heads-up.
    Ics {
        /// Event id or exact name.
        event: String,
        #[arg(long, value_name = "FILE.ics")]
        out: PathBuf,
        #[arg(long)]
        cues: bool,
    },
    /// Write a handoff package (.showcall): the event, its attached files and readable copies
    /// (calendar, destinations sheet). Stream keys stay out unless --include-stream-keys.
    Export {
        /// Event id or exact name.
        event: String,
        #[arg(long, value_name = "FILE.showcall")]
        out: PathBuf,
        /// Put the stream keys in the package, in clear (only for whoever may stream).
        #[arg(long)]
        include_stream_keys: bool,
    },
    /// Write the run of show to print or share: PDF, Excel (XLSX) or CSV, by the file's
    /// extension; times on the event's clock, labels in --lang.
    Runsheet {
        /// Event id or exact name.
        event: String,
        #[arg(long, value_name = "FILE.(pdf|xlsx|csv)")]
        out: PathBuf,
    },
    /// The branding checklist of an event (status, owner, due date, files, checks), or
    /// `assets check FILE --kind K` to run a kind's spec checks on a file.
    #[command(args_conflicts_with_subcommands = true)]
    Assets {
        #[command(subcommand)]
        command: Option<AssetsCommand>,
        /// Event id or exact name.
        event: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Bring in a handoff package or a customer's agenda.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// RTMP destinations.
    Rtmp {
        #[command(subcommand)]
        command: RtmpCommand,
    },
    /// Record when a session really started (and ended), as the live view does.
    Actual {
        /// Session id or exact title.
        session: String,
        #[arg(long, value_parser = parse_instant)]
        start: Option<DateTime<Utc>>,
        #[arg(long, value_parser = parse_instant)]
        end: Option<DateTime<Utc>>,
    },
}

#[derive(Subcommand)]
enum AssetsCommand {
    /// Run a kind's spec checks on a file: type by content, pixel size and aspect from the
    /// header, byte size, transparency, completeness; for video, container, codecs, size,
    /// frame rate and duration through ffprobe. Exit 1 when a check fails.
    Check {
        file: PathBuf,
        /// logo, banner, background, overlay or video.
        #[arg(long, value_parser = ["logo", "banner", "background", "overlay", "video"])]
        kind: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Verify a handoff package (names, sizes, hashes, versions, data) and import it: a new
    /// event is added; an event already here is merged, showing every difference first.
    /// Exit 1 when the package is refused or a conflict has no choice.
    Package {
        #[arg(value_name = "FILE.showcall")]
        file: PathBuf,
        /// Verify and show what would change; import nothing.
        #[arg(long)]
        dry_run: bool,
        /// On conflicts keep this database's version.
        #[arg(long, conflicts_with = "theirs")]
        ours: bool,
        /// On conflicts take the package's version.
        #[arg(long)]
        theirs: bool,
        #[arg(long)]
        json: bool,
    },
    /// Import a customer's agenda (CSV or XLSX, English or French): one session per row.
    /// Prints every row error as `row N: …` (the header is row 1); when any row is invalid,
    /// imports nothing and exits 1 unless --accept-valid.
    Agenda {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Import into this event (id or exact name).
        #[arg(
            long,
            required_unless_present = "new_event",
            conflicts_with = "new_event"
        )]
        event: Option<String>,
        /// Import into a new event with this name (with --tz).
        #[arg(long, value_name = "NAME", requires = "tz")]
        new_event: Option<String>,
        /// The new event's IANA time zone, e.g. America/Toronto.
        #[arg(long, value_name = "ZONE")]
        tz: Option<String>,
        /// Say which column holds which field: COL=FIELD (COL: header, letter or number;
        /// FIELD: title, date, start, end, stage, speakers, description, ignore).
        #[arg(long = "map", value_name = "COL=FIELD")]
        map: Vec<String>,
        /// Import the valid rows even when some are invalid.
        #[arg(long)]
        accept_valid: bool,
        /// Show how every row would be read; import nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum RtmpCommand {
    /// Test an RTMP server: resolve, TCP, TLS (rtmps), handshake, connect and, with
    /// --publish, publish the stream key (no media is sent). Exit 0 when every stage
    /// attempted passed, 1 when one failed, 2 on usage errors.
    Test {
        /// A destination (id or exact name); its result is recorded.
        #[arg(conflicts_with = "url", required_unless_present = "url")]
        dest: Option<String>,
        /// Test this server URL instead (rtmp://host[:port]/app or rtmps://…).
        #[arg(long)]
        url: Option<String>,
        /// Read the stream key from this file (with --url; never pass a key on the command line).
        #[arg(long, value_name = "FILE", requires = "url")]
        key_file: Option<PathBuf>,
        /// Also publish the stream key, then delete the stream and close.
        #[arg(long)]
        publish: bool,
        /// Give up after this many seconds (whole test).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=120))]
        timeout: u64,
        #[arg(long)]
        json: bool,
    },
    /// Write the printable destinations sheet of an event (HTML; stream keys never printed).
    Sheet {
        /// Event id or exact name.
        event: String,
        #[arg(long, value_name = "FILE.html")]
        out: PathBuf,
    },
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("“{s}” is not an RFC 3339 instant (e.g. 2027-04-15T13:00:00Z)"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language “{s}” (en or fr-CA)"))
}

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
