//! `showcall rtmp test`: the same connection test as the app's Test button.

use crate::{Cli, Command, RtmpCommand};
use showcall_core::{Error, Store};
use std::process::ExitCode;

pub fn test(cli: &Cli, store: Option<&mut Store>) -> showcall_core::Result<ExitCode> {
    let Command::Rtmp {
        command:
            RtmpCommand::Test {
                dest,
                url,
                key_file,
                publish,
                confirm_new_host,
                timeout,
                json,
            },
    } = &cli.command
    else {
        unreachable!("called for rtmp test only")
    };
    let usage = |msg: &str| {
        eprintln!("showcall: {msg}");
        Ok(ExitCode::from(2))
    };
    let (url, key, target) = match (dest, url, store) {
        (Some(dest), _, Some(store)) => {
            let (event_id, id) = store.find_destination(dest)?;
            if *confirm_new_host {
                // The user's explicit “yes, use the key there”.
                store.confirm_key_host(&event_id, &id)?;
            }
            let job = showcall_rtmp::prepare_destination(store, &event_id, &id, *publish, None)?;
            let o = job.options.clone();
            (o.url, o.stream_key, Some((store, job)))
        }
        (None, Some(url), _) => {
            let key = match key_file {
                Some(path) => {
                    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
                        path: path.display().to_string(),
                        source,
                    })?;
                    // One trailing line break is the file's, not the key's.
                    let key = text
                        .strip_suffix('\n')
                        .map(|k| k.strip_suffix('\r').unwrap_or(k))
                        .unwrap_or(&text)
                        .to_string();
                    showcall_core::rtmp::check_key("destination.streamKey", &key)?;
                    Some(key)
                }
                None => None,
            };
            (url.clone(), key, None)
        }
        _ => return usage("give a destination or --url"),
    };
    if let Err(e) = showcall_rtmp::parse_url(&url) {
        return usage(&format!("--url: {e}"));
    }
    if *publish && key.is_none() {
        return usage(
            "--publish needs a stream key: --key-file FILE, or a destination that has a key",
        );
    }
    let opts = showcall_rtmp::ProbeOptions {
        url,
        stream_key: key,
        publish: *publish,
        timeout: std::time::Duration::from_secs(*timeout),
        ..Default::default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Io {
            path: "tokio runtime".into(),
            source,
        })?;
    let report = runtime.block_on(showcall_rtmp::probe(&opts));
    if *json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("a report serialises")
        );
    } else {
        for s in &report.stages {
            println!(
                "{} {:<9} {:>6} ms  {}",
                if s.ok { "✓" } else { "✗" },
                s.stage.as_str(),
                s.ms,
                s.detail
            );
        }
        println!("{}", if report.ok { "OK" } else { "FAILED" });
    }
    if let Some((store, job)) = target {
        // The same record as the app's Test button.
        job.record(store, &report, chrono::Utc::now())?;
    }
    Ok(if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
