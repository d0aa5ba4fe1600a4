//! Integration tests against a real nginx-rtmp on loopback (see
//! `harness/mod.rs`). Each test starts its own nginx on its own ports.

mod harness;

use std::time::{Duration, Instant};

use harness::{Nginx, RIGHT_KEY};
use showcall_rtmp::{probe, ProbeOptions, Report, StageName};

fn names(report: &Report) -> Vec<StageName> {
    report.stages.iter().map(|s| s.stage).collect()
}

fn oks(report: &Report) -> Vec<bool> {
    report.stages.iter().map(|s| s.ok).collect()
}

fn last_detail(report: &Report) -> &str {
    &report.stages.last().expect("at least one stage").detail
}

fn opts(url: String) -> ProbeOptions {
    ProbeOptions {
        timeout: Duration::from_secs(5),
        ..ProbeOptions::new(url)
    }
}

#[tokio::test]
async fn connect_succeeds_against_nginx_rtmp() {
    let nginx = Nginx::start();
    let report = probe(&opts(nginx.rtmp_url("live"))).await;
    assert_eq!(
        names(&report),
        [
            StageName::Resolve,
            StageName::Tcp,
            StageName::Handshake,
            StageName::Connect
        ],
        "{report:#?}"
    );
    assert!(report.ok, "{report:#?}");
    assert_eq!(oks(&report), [true; 4]);
    let connect = report.stage(StageName::Connect).unwrap();
    assert!(
        connect.detail.contains("NetConnection.Connect.Success"),
        "{report:#?}"
    );
    assert!(report.stages[1].detail.contains("127.0.0.1"));
    // nginx saw a connect to application "live".
    assert!(
        nginx.wait_for_log("error.log", "connect: app='live'", Duration::from_secs(3)),
        "error.log:\n{}",
        nginx.log("error.log")
    );
}

#[tokio::test]
async fn publish_with_the_right_key_succeeds_and_the_key_stays_secret() {
    let nginx = Nginx::start();
    let report = probe(&ProbeOptions {
        stream_key: Some(RIGHT_KEY.to_string()),
        publish: true,
        ..opts(nginx.rtmp_url("live"))
    })
    .await;
    assert!(report.ok, "{report:#?}");
    assert_eq!(
        names(&report),
        [
            StageName::Resolve,
            StageName::Tcp,
            StageName::Handshake,
            StageName::Connect,
            StageName::Publish
        ]
    );
    let publish = report.stage(StageName::Publish).unwrap();
    assert!(
        publish.detail.contains("NetStream.Publish.Start"),
        "{report:#?}"
    );
    // The key appears nowhere in what we produce.
    assert!(!format!("{report:?}").contains(RIGHT_KEY));
    assert!(!report.to_json().contains(RIGHT_KEY));
    // nginx really accepted the publish: its on_publish check let it through
    // and the access log records a PUBLISH session once we disconnected.
    assert!(
        nginx.wait_for_log(
            "error.log",
            "publish: name='the-right-key'",
            Duration::from_secs(3)
        ),
        "error.log:\n{}",
        nginx.log("error.log")
    );
    assert!(
        nginx.wait_for_log(
            "rtmp_access.log",
            &format!(r#"PUBLISH "live" "{RIGHT_KEY}""#),
            Duration::from_secs(5)
        ),
        "rtmp_access.log:\n{}\nerror.log:\n{}",
        nginx.log("rtmp_access.log"),
        nginx.log("error.log")
    );
    assert!(
        nginx.wait_for_log(
            "http_access.log",
            "GET /on_publish?",
            Duration::from_secs(3)
        ),
        "http_access.log:\n{}",
        nginx.log("http_access.log")
    );
    assert!(nginx.log("http_access.log").contains(" 200 "));
}

#[tokio::test]
async fn publish_with_the_key_in_the_url_succeeds() {
    let nginx = Nginx::start();
    let url = format!("{}/{RIGHT_KEY}", nginx.rtmp_url("live"));
    let options = ProbeOptions {
        publish: true,
        ..opts(url)
    };
    assert!(!format!("{options:?}").contains(RIGHT_KEY));
    let report = probe(&options).await;
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.stages.len(), 5);
    assert!(!report.to_json().contains(RIGHT_KEY));
}

#[tokio::test]
async fn publish_with_a_wrong_key_is_refused() {
    let nginx = Nginx::start();
    let report = probe(&ProbeOptions {
        stream_key: Some("a-wrong-key".to_string()),
        publish: true,
        ..opts(nginx.rtmp_url("live"))
    })
    .await;
    assert!(!report.ok, "{report:#?}");
    assert_eq!(oks(&report), [true, true, true, true, false], "{report:#?}");
    assert_eq!(report.stages[4].stage, StageName::Publish);
    assert!(
        last_detail(&report).contains("stream key rejected"),
        "{report:#?}"
    );
    assert!(!report.to_json().contains("a-wrong-key"));
    // The refusal really came from the on_publish check.
    assert!(
        nginx.wait_for_log("http_access.log", " 403 ", Duration::from_secs(3)),
        "http_access.log:\n{}",
        nginx.log("http_access.log")
    );
}

#[tokio::test]
async fn unknown_application_fails_connect() {
    let nginx = Nginx::start();
    let report = probe(&opts(nginx.rtmp_url("nope"))).await;
    assert!(!report.ok);
    assert_eq!(
        names(&report),
        [
            StageName::Resolve,
            StageName::Tcp,
            StageName::Handshake,
            StageName::Connect
        ],
        "{report:#?}"
    );
    assert_eq!(oks(&report), [true, true, true, false]);
    let detail = last_detail(&report);
    assert!(detail.contains("application 'nope'"), "{detail}");
    assert!(detail.contains("not found"), "{detail}");
    // Well under the time limit: the server closed, we did not time out.
    assert!(report.stages[3].ms < 2000, "{report:#?}");
}

#[tokio::test]
async fn closed_port_fails_tcp_with_refused() {
    harness::require_nginx();
    let [port] = harness::free_ports::<1>();
    let report = probe(&opts(format!("rtmp://127.0.0.1:{port}/live"))).await;
    assert!(!report.ok);
    assert_eq!(names(&report), [StageName::Resolve, StageName::Tcp]);
    assert_eq!(oks(&report), [true, false]);
    assert!(last_detail(&report).contains("refused"), "{report:#?}");
}

#[tokio::test]
async fn silent_server_fails_handshake_within_the_time_limit() {
    // Accepts connections and never says a word.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((sock, _)) = listener.accept().await {
            held.push(sock);
        }
    });
    let timeout = Duration::from_secs(2);
    let started = Instant::now();
    let report = probe(&ProbeOptions {
        timeout,
        ..ProbeOptions::new(format!("rtmp://127.0.0.1:{port}/live"))
    })
    .await;
    let elapsed = started.elapsed();
    holder.abort();
    assert!(!report.ok);
    assert_eq!(
        names(&report),
        [StageName::Resolve, StageName::Tcp, StageName::Handshake]
    );
    assert_eq!(oks(&report), [true, true, false]);
    assert!(
        last_detail(&report).contains("no answer from the server within"),
        "{report:#?}"
    );
    assert!(elapsed < timeout + Duration::from_secs(1), "{elapsed:?}");
    assert!(
        elapsed >= timeout - Duration::from_millis(50),
        "{elapsed:?}"
    );
    assert!(report.stages[2].ms >= 1900, "{report:#?}");
}

#[tokio::test]
async fn http_endpoint_fails_handshake_mentioning_http() {
    let nginx = Nginx::start();
    let report = probe(&opts(format!("rtmp://127.0.0.1:{}/live", nginx.http_port))).await;
    assert!(!report.ok);
    assert_eq!(oks(&report), [true, true, false], "{report:#?}");
    assert_eq!(report.stages[2].stage, StageName::Handshake);
    assert!(last_detail(&report).contains("HTTP"), "{report:#?}");
}

#[tokio::test]
async fn rtmps_through_the_tls_front_succeeds() {
    let nginx = Nginx::start();
    let report = probe(&ProbeOptions {
        extra_roots: vec![nginx.cert_der.clone()],
        ..opts(nginx.rtmps_url("localhost", "live"))
    })
    .await;
    assert!(report.ok, "{report:#?}");
    assert_eq!(
        names(&report),
        [
            StageName::Resolve,
            StageName::Tcp,
            StageName::Tls,
            StageName::Handshake,
            StageName::Connect
        ]
    );
    assert!(report.stages[2].detail.contains("TLS 1."), "{report:#?}");
    assert!(report.stages[2].detail.contains("localhost"));
}

#[tokio::test]
async fn rtmps_publish_through_the_tls_front_succeeds() {
    let nginx = Nginx::start();
    let report = probe(&ProbeOptions {
        extra_roots: vec![nginx.cert_der.clone()],
        stream_key: Some(RIGHT_KEY.to_string()),
        publish: true,
        ..opts(nginx.rtmps_url("localhost", "live"))
    })
    .await;
    assert!(report.ok, "{report:#?}");
    assert_eq!(report.stages.len(), 6);
    assert_eq!(report.stages[5].stage, StageName::Publish);
}

#[tokio::test]
async fn rtmps_name_mismatch_fails_tls_mentioning_the_host() {
    let nginx = Nginx::start();
    let report = probe(&ProbeOptions {
        extra_roots: vec![nginx.cert_der.clone()],
        ..opts(nginx.rtmps_url("127.0.0.1", "live"))
    })
    .await;
    assert!(!report.ok);
    assert_eq!(
        names(&report),
        [StageName::Resolve, StageName::Tcp, StageName::Tls]
    );
    assert_eq!(oks(&report), [true, true, false]);
    let detail = last_detail(&report);
    assert!(
        detail.contains("not valid for host '127.0.0.1'"),
        "{detail}"
    );
}

#[tokio::test]
async fn rtmps_without_trusting_the_certificate_fails_tls() {
    let nginx = Nginx::start();
    let report = probe(&opts(nginx.rtmps_url("localhost", "live"))).await;
    assert_eq!(oks(&report), [true, true, false], "{report:#?}");
    assert!(
        last_detail(&report).contains("not trusted (unknown issuer)"),
        "{report:#?}"
    );
}

#[tokio::test]
async fn rtmp_to_the_tls_port_and_rtmps_to_the_plain_port_are_explained() {
    let nginx = Nginx::start();
    // Plain RTMP to the TLS port: nginx answers our C0/C1 with a TLS alert
    // or closes; either way the handshake fails without waiting for the limit.
    let report = probe(&opts(format!("rtmp://127.0.0.1:{}/live", nginx.tls_port))).await;
    assert_eq!(oks(&report), [true, true, false], "{report:#?}");
    assert!(report.stages[2].ms < 2000, "{report:#?}");

    // TLS to the plain RTMP port: no TLS answer ever comes.
    let report = probe(&ProbeOptions {
        timeout: Duration::from_secs(1),
        ..ProbeOptions::new(format!("rtmps://localhost:{}/live", nginx.rtmp_port))
    })
    .await;
    assert_eq!(oks(&report), [true, true, false], "{report:#?}");
    assert!(
        last_detail(&report).contains("plain rtmp:// port"),
        "{report:#?}"
    );
}
