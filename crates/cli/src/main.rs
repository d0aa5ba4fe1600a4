//! `showcall`: headless access to a Showcall database for scripts, CI and power users. Every
//! command goes through the same core as the app; this file only parses arguments and prints.
//! Exit codes: 0 ok, 1 the thing checked failed, 2 usage or bad input.

mod print;

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
            let findings = rules::check(&data, cli.lang);
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
    }
    Ok(ExitCode::SUCCESS)
}
