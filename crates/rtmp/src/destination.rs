//! Testing a stored destination, as the app's Test button and `showcall rtmp test DEST` both do:
//! [`prepare`] reads the destination (and its key, when publishing) from the store, [`probe`]
//! runs the test holding nothing shared, and [`DestinationProbe::record`] keeps the result as
//! the destination's last test. Also the probe's [`Report`] in the core's IPC type.

use crate::{probe, ProbeOptions, Report};
use chrono::{DateTime, Utc};
use showcall_core::model::DestinationTest;
use showcall_core::rtmp::{ConnectionTest, TestStage};
use showcall_core::{Error, Store};

impl From<&Report> for ConnectionTest {
    fn from(r: &Report) -> ConnectionTest {
        ConnectionTest {
            ok: r.ok,
            stages: r
                .stages
                .iter()
                .map(|s| TestStage {
                    stage: s.stage.as_str().to_string(),
                    ok: s.ok,
                    ms: s.ms,
                    detail: s.detail.clone(),
                })
                .collect(),
        }
    }
}

/// A destination's test, ready to run.
#[derive(Debug, Clone)]
pub struct DestinationProbe {
    pub event_id: String,
    pub destination_id: String,
    /// What the probe is given (the key only when publishing; its `Debug` hides it).
    pub options: ProbeOptions,
}

/// Reads what testing the destination `destination_id` of an event needs: its server URL and,
/// with `publish`, its stream key. `timeout` overrides the probe's default time limit.
///
/// A publish test is refused while the key was entered for another server than the URL's
/// (after a merged package or an edit moved the destination): see
/// [`Store::check_key_host`] and [`Store::confirm_key_host`]. A connect-only test never is.
pub fn prepare(
    store: &Store,
    event_id: &str,
    destination_id: &str,
    publish: bool,
    timeout: Option<std::time::Duration>,
) -> showcall_core::Result<DestinationProbe> {
    let d = store
        .load(event_id)?
        .destinations
        .into_iter()
        .find(|d| d.id == destination_id)
        .ok_or_else(|| Error::NotFound {
            kind: "destination",
            id: destination_id.into(),
        })?;
    let stream_key = if publish {
        // A key entered for another server is not sent to this one unasked.
        store.check_key_host(event_id, destination_id)?;
        store.stream_key(destination_id)?
    } else {
        None
    };
    let mut options = ProbeOptions {
        url: d.server_url,
        stream_key,
        publish,
        ..Default::default()
    };
    if let Some(t) = timeout {
        options.timeout = t;
    }
    Ok(DestinationProbe {
        event_id: event_id.into(),
        destination_id: destination_id.into(),
        options,
    })
}

impl DestinationProbe {
    /// Runs the test (holds no store: run it without the app's state held).
    pub async fn run(&self) -> Report {
        probe(&self.options).await
    }

    /// Keeps `report` as the destination's last test, at `now`; returns what was kept.
    pub fn record(
        &self,
        store: &mut Store,
        report: &Report,
        now: DateTime<Utc>,
    ) -> showcall_core::Result<DestinationTest> {
        let test = DestinationTest {
            at: now,
            ok: report.ok,
            detail: ConnectionTest::from(report).summary(),
            published: self.options.publish,
        };
        store.record_destination_test(&self.event_id, &self.destination_id, &test)?;
        Ok(test)
    }

    /// A line for the log: what was tested and how it went (never the key: the URL is
    /// redacted and the report holds no key).
    pub fn log_line(&self, test: &DestinationTest) -> String {
        format!(
            "showcall: tested destination {} ({}){}: {}",
            self.destination_id,
            crate::redact_url(&self.options.url),
            if self.options.publish {
                " with publish"
            } else {
                ""
            },
            test.detail
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Stage, StageName};

    #[test]
    fn a_probe_report_converts_stage_by_stage() {
        let report = Report {
            ok: false,
            stages: vec![
                Stage {
                    stage: StageName::Resolve,
                    ok: true,
                    ms: 1,
                    detail: "127.0.0.1:1935".into(),
                },
                Stage {
                    stage: StageName::Tcp,
                    ok: false,
                    ms: 2,
                    detail: "connection refused".into(),
                },
            ],
        };
        let t = ConnectionTest::from(&report);
        assert!(!t.ok);
        assert_eq!(t.stages[1].stage, "tcp");
        assert_eq!(t.summary(), "tcp: connection refused");
        // The same JSON as the report itself: the UI reads either.
        assert_eq!(
            serde_json::to_value(&t).unwrap(),
            serde_json::to_value(&report).unwrap()
        );
    }

    #[test]
    fn a_publish_test_is_refused_when_the_server_moved_since_the_key_was_entered() {
        use showcall_core::edit::{DestinationFields, Edit};
        use showcall_core::i18n::Lang;
        const KEY: &str = "live_27182818_EuLeRsNuMbEr";
        let mut store = Store::open_in_memory().unwrap();
        let d = showcall_core::demo::event();
        store.insert(&d).unwrap();
        let ev = d.event.id.clone();
        let fields = |url: &str| DestinationFields {
            name: "Main CDN".into(),
            preset: "custom".into(),
            server_url: url.into(),
            backup_url: String::new(),
            session_ids: vec![],
            status: showcall_core::model::DestinationStatus::Received,
        };
        let id = store
            .edit(
                &ev,
                &Edit::AddDestination {
                    fields: fields("rtmp://a.example/app"),
                },
            )
            .unwrap()
            .created
            .unwrap();
        store.set_stream_key(&ev, &id, Some(KEY)).unwrap();
        let job = prepare(&store, &ev, &id, true, None).unwrap();
        assert_eq!(job.options.stream_key.as_deref(), Some(KEY));

        // A merged package moves the destination (the import rewrites the whole event).
        let mut theirs = store.load(&ev).unwrap();
        let x = theirs.destinations.iter_mut().find(|x| x.id == id).unwrap();
        x.server_url = "rtmp://b.example/app".into();
        store.import_event(&theirs, &theirs, Utc::now()).unwrap();

        let e = prepare(&store, &ev, &id, true, None).unwrap_err();
        let (en, fr) = (e.message(Lang::En), e.message(Lang::FrCa));
        assert!(
            en.contains("“Main CDN”") && en.contains("from a.example to b.example"),
            "{en}"
        );
        assert!(fr.contains("de a.example à b.example"), "{fr}");
        assert!(!en.contains(KEY) && !fr.contains(KEY));
        // Connecting sends no key: never refused.
        let job = prepare(&store, &ev, &id, false, None).unwrap();
        assert_eq!(job.options.stream_key, None);
        assert_eq!(job.options.url, "rtmp://b.example/app");

        store.confirm_key_host(&ev, &id).unwrap();
        let job = prepare(&store, &ev, &id, true, None).unwrap();
        assert_eq!(job.options.stream_key.as_deref(), Some(KEY));
    }

    #[test]
    fn a_destination_that_is_not_there_is_named() {
        let mut store = Store::open_in_memory().unwrap();
        let d = showcall_core::demo::event();
        store.insert(&d).unwrap();
        let e = prepare(&store, &d.event.id, "nowhere", false, None).unwrap_err();
        assert_eq!(e.code(), "not_found");
        assert!(e.to_string().contains("nowhere"));
    }
}
