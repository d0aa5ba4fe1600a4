//! `showcall share …`: the app's web server settings and its links, on the same database as
//! the running app (which picks the settings up within a second).

use crate::args::ShareCommand;
use crate::print;
use chrono::Utc;
use serde::Serialize;
use showcall_core::model::{ShareLink, ShareSettings};
use showcall_core::service::share;
use showcall_core::Store;
use std::process::ExitCode;

/// `share link --json`: the link, its token and its addresses.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Made {
    link: ShareLink,
    token: String,
    urls: Vec<String>,
}

pub fn run(store: &mut Store, command: &ShareCommand) -> showcall_core::Result<ExitCode> {
    let actor = store.actor();
    match command {
        ShareCommand::On {
            bind,
            port,
            osc_port,
            no_osc,
        } => {
            let was = store.share_settings()?;
            let s = share::set_settings(
                store,
                actor,
                &ShareSettings {
                    on: true,
                    bind: bind.clone().unwrap_or(was.bind),
                    port: port.unwrap_or(was.port),
                    osc_port: if *no_osc {
                        None
                    } else {
                        osc_port.or(was.osc_port)
                    },
                    feedback: was.feedback,
                },
            )?;
            println!(
                "sharing on {}:{} (the running app starts it)",
                s.bind, s.port
            );
        }
        ShareCommand::Off => {
            let was = store.share_settings()?;
            share::set_settings(store, actor, &ShareSettings { on: false, ..was })?;
            println!("sharing off");
        }
        ShareCommand::Link {
            event,
            view,
            stage,
            person,
            control,
            json,
        } => {
            let id = store.find_event(event)?;
            let made = share::make_link(
                store,
                actor,
                &id,
                (*view).into(),
                stage.as_deref(),
                person.as_deref(),
                *control,
                Utc::now(),
            )?;
            let s = store.share_settings()?;
            let bind = s
                .bind
                .parse()
                .unwrap_or(std::net::IpAddr::from([127, 0, 0, 1]));
            let urls: Vec<String> = showcall_share::addresses(bind)
                .into_iter()
                .map(|ip| showcall_share::view_url(ip, s.port, made.link.view, &made.token))
                .collect();
            if *json {
                print::json(&Made {
                    link: made.link,
                    token: made.token,
                    urls,
                });
            } else {
                for u in &urls {
                    println!("{u}");
                }
                if !s.on {
                    eprintln!("showcall: sharing is off: `showcall share on` to open the link");
                }
            }
        }
        ShareCommand::Links { json } => {
            let links = share::links(store, actor, None)?;
            if *json {
                print::json(&links);
            } else {
                for l in links {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        l.id,
                        l.view.code(),
                        l.stage_id.as_deref().unwrap_or("-"),
                        if l.control { "control" } else { "view" },
                        l.created.to_rfc3339(),
                        l.revoked
                            .map(|t| format!("revoked {}", t.to_rfc3339()))
                            .unwrap_or_else(|| "active".into()),
                    );
                }
            }
        }
        ShareCommand::Feedback {
            event,
            osc,
            http,
            off,
        } => {
            let id = store.find_event(event)?;
            let to = if *off {
                None
            } else {
                osc.as_deref().or(http.as_deref())
            };
            let s = share::set_feedback(store, actor, &id, to)?;
            match s.feedback.iter().find(|f| f.event_id == id) {
                Some(f) => println!("next cue of {id} sent to {}", f.to),
                None => println!("no feedback for {id}"),
            }
        }
        ShareCommand::Revoke { token, all } => {
            if *all {
                let n = share::revoke_all(store, actor, Utc::now())?;
                println!("{n} link(s) revoked");
            } else if let Some(t) = token {
                let l = share::revoke(store, actor, t, Utc::now())?;
                println!("{}\trevoked", l.id);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
