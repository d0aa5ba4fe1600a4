//! The server for real: started on a loopback port over a database file, spoken to with plain
//! HTTP/1.1 over TCP (as curl or a Stream Deck module would), with the demo event.

use showcall_core::model::{CueState, ShareView};
use showcall_core::scheduler::Rehearsal;
use showcall_core::{Actor, Store};
use showcall_share::{start, Config, Host, Running};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Default)]
struct TestHost {
    rehearsal: Mutex<Option<Rehearsal>>,
    changed: AtomicUsize,
}

impl Host for TestHost {
    fn rehearsal(&self) -> Option<Rehearsal> {
        self.rehearsal.lock().unwrap().clone()
    }
    fn with_rehearsal(&self, f: &mut dyn FnMut(Option<&mut Rehearsal>)) {
        f(self.rehearsal.lock().unwrap().as_mut())
    }
    fn rehearse(&self, event_id: &str, r: Option<Rehearsal>) -> Result<(), String> {
        let mut running = self.rehearsal.lock().unwrap();
        if running.as_ref().is_some_and(|x| x.event_id != event_id) {
            return Err("another event is rehearsing".into());
        }
        *running = r;
        Ok(())
    }
    fn changed(&self) {
        self.changed.fetch_add(1, Ordering::SeqCst);
    }
}

struct Fixture {
    rt: tokio::runtime::Runtime,
    server: Option<Running>,
    host: Arc<TestHost>,
    db: PathBuf,
    event_id: String,
    _dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::with_feedback(None)
    }

    /// With the event's next cue sent to `to`.
    fn with_feedback(to: Option<showcall_core::service::share::FeedbackTarget>) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("share.db");
        let mut store = Store::open(&db).unwrap();
        let d = showcall_core::demo::event();
        store.insert(&d).unwrap();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let host = Arc::new(TestHost::default());
        let config = Config {
            db: db.clone(),
            bind: "127.0.0.1".parse().unwrap(),
            port: 0,
            osc_port: Some(0),
            feedback: to.map(|to| (d.event.id.clone(), to)).into_iter().collect(),
        };
        let server = rt.block_on(start(config, host.clone())).unwrap();
        Fixture {
            rt,
            server: Some(server),
            host,
            db,
            event_id: d.event.id,
            _dir: dir,
        }
    }

    fn addr(&self) -> SocketAddr {
        self.server.as_ref().unwrap().addr()
    }

    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }

    fn link(&self, view: ShareView, stage: Option<&str>, control: bool) -> String {
        let mut store = self.store();
        showcall_core::service::share::make_link(
            &mut store,
            Actor::Analyst,
            &self.event_id,
            view,
            stage,
            None,
            control,
            chrono::Utc::now(),
        )
        .unwrap()
        .token
    }

    fn call(&self, method: &str, path: &str, auth: Option<&str>, body: Option<&str>) -> Reply {
        call(self.addr(), method, path, auth, body)
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn call(
    addr: SocketAddr,
    method: &str,
    path: &str,
    auth: Option<&str>,
    body: Option<&str>,
) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(t) = auth {
        req += &format!("Authorization: Bearer {t}\r\n");
    }
    let body = body.unwrap_or("");
    if method == "POST" {
        req += &format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        );
    }
    req += "\r\n";
    req += body;
    s.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let (head, body) = out.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

/// An open event stream, read as it comes.
struct Stream {
    s: TcpStream,
    seen: String,
}

impl Stream {
    fn open(addr: SocketAddr, token: &str) -> Stream {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let req = format!(
            "GET /api/stream?token={token} HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        );
        s.write_all(req.as_bytes()).unwrap();
        Stream {
            s,
            seen: String::new(),
        }
    }

    /// Reads until `what` has been seen after position `from`, or `within` passes; answers
    /// the position after it. `None` also when the server closed the stream.
    fn until(&mut self, from: usize, what: &str, within: Duration) -> Option<usize> {
        let end = Instant::now() + within;
        let mut buf = [0u8; 8192];
        loop {
            if let Some(i) = self.seen[from..].find(what) {
                return Some(from + i + what.len());
            }
            if Instant::now() > end {
                return None;
            }
            match self.s.read(&mut buf) {
                Ok(0) => return None,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return None,
            }
        }
    }

    /// Whether the server ended the stream (its last chunk, or the connection) within `within`.
    fn closed_within(&mut self, within: Duration) -> bool {
        let end = Instant::now() + within;
        let mut buf = [0u8; 8192];
        while Instant::now() < end {
            if self.seen.ends_with("\r\n0\r\n\r\n") {
                return true;
            }
            match self.s.read(&mut buf) {
                Ok(0) => return true,
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => return true,
            }
        }
        false
    }
}

#[test]
fn no_token_no_data_and_a_view_token_never_controls() {
    let f = Fixture::new();
    let r = f.call("GET", "/api/live", None, None);
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["code"], "unauthorized");
    assert!(!r.body.contains("stages"), "no data without a token");
    let r = f.call("GET", "/api/live", Some(&"0".repeat(40)), None);
    assert_eq!(r.status, 401);
    let r = f.call("GET", "/api/view?token=nope", None, None);
    assert_eq!(r.status, 401);

    let view = f.link(ShareView::SpeakerTimer, None, false);
    // A view's link opens its one view, never the whole event's state.
    let r = f.call("GET", "/api/live", Some(&view), None);
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(!r.body.contains("stages"));
    assert_eq!(
        f.call("GET", &format!("/api/view?token={view}"), None, None)
            .status,
        200
    );
    let before = f.store().cue_timeline(&f.event_id).unwrap();
    for path in [
        "/api/cues/next/done",
        "/api/cues/next/skip",
        "/api/delay",
        "/api/message",
        "/api/blackout",
    ] {
        let r = f.call(
            "POST",
            path,
            Some(&view),
            Some(r#"{"stage":"Main","minutes":2,"text":"x","on":true}"#),
        );
        assert_eq!(r.status, 403, "{path}: {}", r.body);
        assert_eq!(r.json()["code"], "forbidden");
        // The token in the query string is refused the same way.
        let r = f.call("POST", &format!("{path}?token={view}"), None, Some("{}"));
        assert_eq!(r.status, 403, "{path}");
    }
    assert_eq!(
        f.store().cue_timeline(&f.event_id).unwrap(),
        before,
        "nothing changed"
    );
    assert!(f.store().stage_messages(&f.event_id).unwrap().is_empty());
    assert_eq!(f.host.changed.load(Ordering::SeqCst), 0);
    // A refusal never echoes the token.
    let r = f.call("POST", "/api/delay", Some(&view), Some("{}"));
    assert!(!r.body.contains(&view) && !r.head.contains(&view));
}

#[test]
fn the_control_api_marks_the_next_cue_delays_and_sends_lines() {
    let f = Fixture::new();
    let control = f.link(ShareView::Stage, None, true);
    let live = f.call("GET", "/api/live", Some(&control), None).json();
    let first = live["nextCues"][0]["key"].as_str().unwrap().to_string();
    assert_eq!(live["stages"].as_array().unwrap().len(), 2);

    let r = f.call("POST", "/api/cues/next/done", Some(&control), None);
    assert_eq!(r.status, 200, "{}", r.body);
    let r = r.json();
    assert_eq!(r["cue"]["key"], first.as_str());
    assert_eq!(r["cue"]["state"], "done");
    let stored = f.store().cue_timeline(&f.event_id).unwrap();
    let c = stored.iter().find(|c| c.key == first).unwrap();
    assert_eq!(c.state, CueState::Done, "written to the database");
    assert_ne!(
        r["live"]["nextCues"][0]["key"],
        first.as_str(),
        "the next one is next"
    );

    let second = r["live"]["nextCues"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let r = f
        .call("POST", "/api/cues/next/skip", Some(&control), None)
        .json();
    assert_eq!(r["cue"]["key"], second.as_str());
    assert_eq!(r["cue"]["state"], "skipped");

    let d = f.store().load(&f.event_id).unwrap();
    let stage = &d.stages[0];
    let body = format!(r#"{{"stage":"{}","minutes":3}}"#, stage.name);
    let r = f.call("POST", "/api/delay", Some(&control), Some(&body));
    assert_eq!(r.status, 200, "{}", r.body);
    let log = f.store().day_log(&f.event_id).unwrap();
    assert_eq!(log.delays.len(), 1);
    assert_eq!(log.delays[0].minutes, 3);
    assert_eq!(log.delays[0].stage_id, stage.id);

    let body = format!(r#"{{"stage":"{}","text":"Wrap up"}}"#, stage.id);
    let r = f
        .call("POST", "/api/message", Some(&control), Some(&body))
        .json();
    let s0 = r["live"]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["stageId"] == stage.id.as_str())
        .unwrap();
    assert_eq!(s0["message"], "Wrap up");
    let m = f.store().stage_messages(&f.event_id).unwrap();
    assert_eq!(
        (m[0].text.as_str(), m[0].source.as_str()),
        ("Wrap up", "api")
    );
    assert_eq!(
        f.host.changed.load(Ordering::SeqCst),
        4,
        "the app was told each time"
    );
    // The day log says what came through the API.
    let done: Vec<(String, String, String)> = f
        .store()
        .live_actions(&f.event_id)
        .unwrap()
        .into_iter()
        .map(|a| (a.source, a.action, a.detail))
        .collect();
    let want: Vec<(String, String, String)> = [
        ("api", "cue.done", first.clone()),
        ("api", "cue.skipped", second.clone()),
        ("api", "delay", format!("+3 min {}", stage.id)),
        ("api", "message", format!("{}: Wrap up", stage.id)),
    ]
    .into_iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c))
    .collect();
    assert_eq!(done, want);
}

#[test]
fn a_bad_body_is_refused_naming_the_field_and_changes_nothing() {
    let f = Fixture::new();
    let control = f.link(ShareView::Clock, None, true);
    let cases = [
        ("/api/delay", "not json", "body"),
        ("/api/delay", "[1]", "body"),
        ("/api/delay", r#"{"minutes":2}"#, "stage"),
        ("/api/delay", r#"{"stage":"Main stage"}"#, "minutes"),
        (
            "/api/delay",
            r#"{"stage":"Main stage","minutes":"two"}"#,
            "minutes",
        ),
        (
            "/api/delay",
            r#"{"stage":"Nowhere","minutes":2}"#,
            "delay.stage",
        ),
        ("/api/message", r#"{"stage":"Main stage"}"#, "text"),
        (
            "/api/message",
            r#"{"stage":"Nowhere","text":"x"}"#,
            "message.stage",
        ),
        ("/api/message", r#"{"text":["x"]}"#, "text"),
        ("/api/blackout", r#"{"on":"yes"}"#, "on"),
    ];
    for (path, body, field) in cases {
        let r = f.call("POST", path, Some(&control), Some(body));
        assert_eq!(r.status, 400, "{path} {body}: {}", r.body);
        assert_eq!(r.json()["field"], field, "{path} {body}");
        assert!(!r.json()["message"].as_str().unwrap().is_empty());
    }
    assert!(f.store().day_log(&f.event_id).unwrap().delays.is_empty());
    assert!(f.store().stage_messages(&f.event_id).unwrap().is_empty());
    assert_eq!(f.host.changed.load(Ordering::SeqCst), 0);
    assert_eq!(f.call("GET", "/nothing-here", None, None).status, 404);
}

#[test]
fn a_speaker_timer_gets_the_line_within_a_second_and_hears_when_its_link_is_revoked() {
    let f = Fixture::new();
    let d = f.store().load(&f.event_id).unwrap();
    let stage = d.stages[0].name.clone();
    let view = f.link(ShareView::SpeakerTimer, Some(&stage), false);
    let control = f.link(ShareView::Stage, None, true);

    let page = f.call("GET", &format!("/v/speaker-timer?token={view}"), None, None);
    assert_eq!(page.status, 200);
    assert!(page.head.to_lowercase().contains("content-type: text/html"));
    assert!(
        !page.body.contains(&view),
        "the page does not carry the token"
    );
    let first = f
        .call("GET", &format!("/api/view?token={view}"), None, None)
        .json();
    assert_eq!(first["view"], "speaker-timer");
    assert_eq!(first["timer"]["stageName"], stage.as_str());
    assert_eq!(first["timer"]["message"], "");

    let mut s = Stream::open(f.addr(), &view);
    let at = s
        .until(0, "\"stageName\"", Duration::from_secs(3))
        .expect("the view's JSON at connect");
    let at = s
        .until(at, "event: ping", Duration::from_secs(3))
        .expect("a ping within a second or so");
    let sent = Instant::now();
    let body = format!(r#"{{"stage":"{stage}","text":"wrap up"}}"#);
    assert_eq!(
        f.call("POST", "/api/message", Some(&control), Some(&body))
            .status,
        200
    );
    let at = s
        .until(at, "\"message\":\"wrap up\"", Duration::from_secs(1))
        .expect("the line reaches the timer within 1 s");
    eprintln!("line on the stream after {:?}", sent.elapsed());

    // Blackout: the timer says so.
    let body = r#"{"on":true}"#;
    assert_eq!(
        f.call("POST", "/api/blackout", Some(&control), Some(body))
            .status,
        200
    );
    let at = s
        .until(at, "\"blackout\":true", Duration::from_secs(1))
        .expect("the blackout reaches the timer");

    // Revoked from the command line's side (another connection), then the app pokes.
    let mut store = f.store();
    let link = store
        .share_links(Some(&f.event_id))
        .unwrap()
        .into_iter()
        .find(|l| l.view == ShareView::SpeakerTimer)
        .unwrap();
    store
        .revoke_share_link(&link.id, chrono::Utc::now())
        .unwrap();
    f.server.as_ref().unwrap().poke();
    s.until(at, "event: revoked", Duration::from_secs(2))
        .expect("the view hears it was revoked");
    assert!(
        s.closed_within(Duration::from_secs(2)),
        "and the stream ends"
    );
    let r = f.call("GET", &format!("/api/view?token={view}"), None, None);
    assert_eq!(
        (r.status, r.json()["code"].as_str()),
        (401, Some("revoked"))
    );
}

#[test]
fn switching_off_closes_every_connection() {
    let mut f = Fixture::new();
    let view = f.link(ShareView::Clock, None, false);
    let mut streams: Vec<Stream> = (0..5).map(|_| Stream::open(f.addr(), &view)).collect();
    for s in streams.iter_mut() {
        s.until(0, "\"view\":\"clock\"", Duration::from_secs(3))
            .expect("connected");
    }
    let server = f.server.take().unwrap();
    assert_eq!(server.viewers(), 5);
    let addr = server.addr();
    let t = Instant::now();
    f.rt.block_on(server.stop());
    for s in streams.iter_mut() {
        assert!(
            s.closed_within(Duration::from_secs(3)),
            "a view still connected"
        );
    }
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
    assert!(
        TcpStream::connect(addr).is_err(),
        "nothing listens any more"
    );
}

#[test]
fn a_rehearsal_is_driven_in_memory_and_the_real_day_is_untouched() {
    let f = Fixture::new();
    let d = f.store().load(&f.event_id).unwrap();
    let from = d.sessions[0].start - chrono::Duration::minutes(20);
    *f.host.rehearsal.lock().unwrap() =
        Some(Rehearsal::new(&f.event_id, from, 60.0, chrono::Utc::now()));
    let control = f.link(ShareView::Stage, None, true);
    let live = f.call("GET", "/api/live", Some(&control), None).json();
    assert_eq!(live["rehearsal"], true);
    let r = f.call("POST", "/api/cues/next/done", Some(&control), None);
    assert_eq!(r.status, 200, "{}", r.body);
    let key = r.json()["cue"]["key"].as_str().unwrap().to_string();
    let rehearsal = f.host.rehearsal.lock().unwrap().clone().unwrap();
    let in_rehearsal = rehearsal.timeline(&d);
    assert_eq!(
        in_rehearsal.iter().find(|c| c.key == key).unwrap().state,
        CueState::Done
    );
    let real = f.store().cue_timeline(&f.event_id).unwrap();
    assert!(
        real.iter().all(|c| c.state == CueState::Pending),
        "the real cues are untouched"
    );
}

#[test]
fn a_view_hears_its_data_once_then_only_pings_while_nothing_moves() {
    let f = Fixture::new();
    let view = f.link(ShareView::SpeakerTimer, None, false);
    let mut s = Stream::open(f.addr(), &view);
    s.until(0, "\"stageName\"", Duration::from_secs(3))
        .expect("connected");
    // Three pings later, still one copy of the view (the app's idle screens cost a ping a second).
    let mut at = 0;
    for _ in 0..3 {
        at = s
            .until(at, "event: ping", Duration::from_secs(3))
            .expect("a ping");
    }
    assert_eq!(s.seen.matches("\"stageName\"").count(), 1, "{}", s.seen);
    // A poke that changes nothing sends nothing either.
    f.server.as_ref().unwrap().poke();
    let at = s
        .until(at, "event: ping", Duration::from_secs(3))
        .expect("a ping");
    s.until(at, "event: ping", Duration::from_secs(3))
        .expect("a ping");
    assert_eq!(s.seen.matches("\"stageName\"").count(), 1);
}

/// An OSC string: its bytes, a NUL, padded to a multiple of four.
fn osc_str(s: &str) -> Vec<u8> {
    let mut b = s.as_bytes().to_vec();
    b.push(0);
    while b.len() % 4 != 0 {
        b.push(0);
    }
    b
}

enum A<'a> {
    S(&'a str),
    I(i32),
}

/// An OSC message built by hand from the 1.0 spec (strings and int32s only).
fn osc(addr: &str, args: &[A]) -> Vec<u8> {
    let mut tags = String::from(",");
    let mut body = Vec::new();
    for a in args {
        match a {
            A::S(s) => {
                tags.push('s');
                body.extend(osc_str(s));
            }
            A::I(n) => {
                tags.push('i');
                body.extend(n.to_be_bytes());
            }
        }
    }
    let mut out = osc_str(addr);
    out.extend(osc_str(&tags));
    out.extend(body);
    out
}

/// Sends a datagram to the server's OSC port and reads its answer.
fn osc_call(sock: &std::net::UdpSocket, to: SocketAddr, packet: &[u8]) -> rosc::OscMessage {
    sock.send_to(packet, to).unwrap();
    let mut buf = [0u8; 4096];
    let (n, _) = sock.recv_from(&mut buf).expect("an OSC answer");
    match rosc::decoder::decode_udp(&buf[..n]).unwrap().1 {
        rosc::OscPacket::Message(m) => m,
        other => panic!("{other:?}"),
    }
}

#[test]
fn osc_drives_the_show_with_a_control_token_and_answers_each_message() {
    let f = Fixture::new();
    let to = f.server.as_ref().unwrap().osc_addr().expect("OSC on");
    let sock = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let control = f.link(ShareView::Stage, None, true);
    let view = f.link(ShareView::Clock, None, false);
    let d = f.store().load(&f.event_id).unwrap();
    let stage = d.stages[1].name.clone();
    let first = f.store().cue_timeline(&f.event_id).unwrap();

    // No token, a view's token: refused, nothing done.
    let r = osc_call(&sock, to, &osc("/showcall/cue/done", &[]));
    assert_eq!(r.addr, "/showcall/error");
    assert_eq!(r.args[0], rosc::OscType::String("unauthorized".into()));
    let r = osc_call(&sock, to, &osc("/showcall/cue/done", &[A::S(&view)]));
    assert_eq!(r.args[0], rosc::OscType::String("forbidden".into()));
    assert_eq!(f.store().cue_timeline(&f.event_id).unwrap(), first);

    // /showcall/delay TOKEN "Studio B" 2, built by hand: recorded as from the API.
    let r = osc_call(
        &sock,
        to,
        &osc("/showcall/delay", &[A::S(&control), A::S(&stage), A::I(2)]),
    );
    assert_eq!(r.addr, "/showcall/ok", "{r:?}");
    let log = f.store().day_log(&f.event_id).unwrap();
    assert_eq!(log.delays.len(), 1);
    assert_eq!(
        (log.delays[0].stage_id.as_str(), log.delays[0].minutes),
        (d.stages[1].id.as_str(), 2)
    );

    // A float minute count, a message to every stage, a blackout, the next cue done.
    let packet = rosc::encoder::encode(&rosc::OscPacket::Message(rosc::OscMessage {
        addr: "/showcall/message".into(),
        args: vec![
            rosc::OscType::String(control.clone()),
            rosc::OscType::String("*".into()),
            rosc::OscType::String("Lunch in 5".into()),
        ],
    }))
    .unwrap();
    assert_eq!(osc_call(&sock, to, &packet).addr, "/showcall/ok");
    let m = f.store().stage_messages(&f.event_id).unwrap();
    assert_eq!(
        (m[0].stage_id.as_str(), m[0].text.as_str()),
        ("", "Lunch in 5")
    );
    let r = osc_call(
        &sock,
        to,
        &osc(
            "/showcall/blackout",
            &[A::S(&control), A::S(&stage), A::I(1)],
        ),
    );
    assert_eq!(r.addr, "/showcall/ok");
    assert_eq!(
        f.store().blackouts(&f.event_id).unwrap(),
        [d.stages[1].id.clone()]
    );
    let r = osc_call(&sock, to, &osc("/showcall/cue/done", &[A::S(&control)]));
    assert_eq!(r.args[0], rosc::OscType::String("cue/done".into()));

    // Bad arguments are named; an unknown address and a broken packet are said so.
    let r = osc_call(
        &sock,
        to,
        &osc(
            "/showcall/delay",
            &[A::S(&control), A::S(&stage), A::S("two")],
        ),
    );
    assert_eq!(r.addr, "/showcall/error");
    assert_eq!(
        r.args.get(2),
        Some(&rosc::OscType::String("minutes".into()))
    );
    let r = osc_call(
        &sock,
        to,
        &osc(
            "/showcall/delay",
            &[A::S(&control), A::S("Nowhere"), A::I(2)],
        ),
    );
    assert_eq!(
        r.args.get(2),
        Some(&rosc::OscType::String("delay.stage".into()))
    );
    let r = osc_call(&sock, to, &osc("/showcall/fly", &[A::S(&control)]));
    assert_eq!(r.args[0], rosc::OscType::String("not_found".into()));
    let r = osc_call(&sock, to, b"garbage!");
    assert_eq!(r.addr, "/showcall/error");
    assert_eq!(
        f.store().day_log(&f.event_id).unwrap().delays.len(),
        1,
        "nothing more done"
    );
    let sources: Vec<String> = f
        .store()
        .live_actions(&f.event_id)
        .unwrap()
        .into_iter()
        .map(|a| a.source)
        .collect();
    assert!(
        sources.len() == 4 && sources.iter().all(|s| s == "api"),
        "{sources:?}"
    );
}

/// Reads OSC messages from `sock` until `until` says stop or `within` passes.
fn osc_read(
    sock: &std::net::UdpSocket,
    within: Duration,
    mut until: impl FnMut(&rosc::OscMessage) -> bool,
) -> Vec<rosc::OscMessage> {
    let end = Instant::now() + within;
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while Instant::now() < end {
        let Ok((n, _)) = sock.recv_from(&mut buf) else {
            continue;
        };
        if let Ok((_, rosc::OscPacket::Message(m))) = rosc::decoder::decode_udp(&buf[..n]) {
            let stop = until(&m);
            got.push(m);
            if stop {
                break;
            }
        }
    }
    got
}

#[test]
fn a_control_surface_hears_the_next_cue_and_its_countdown() {
    let surface = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    surface
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let f = Fixture::with_feedback(Some(showcall_core::service::share::FeedbackTarget::Osc(
        surface.local_addr().unwrap(),
    )));
    let text = |m: &rosc::OscMessage| match (m.addr.as_str(), m.args.first()) {
        ("/showcall/next/text", Some(rosc::OscType::String(s))) => Some(s.clone()),
        _ => None,
    };
    let got = osc_read(&surface, Duration::from_secs(5), |m| text(m).is_some());
    let first = got.iter().find_map(text).expect("the next cue's text");
    let cues = f.store().cue_timeline(&f.event_id).unwrap();
    assert!(first.contains(&cues[0].session), "{first}");
    // The countdown comes every second, counting down.
    let mut ins = Vec::new();
    osc_read(&surface, Duration::from_secs(4), |m| {
        if let ("/showcall/next/in", Some(rosc::OscType::Int(n))) =
            (m.addr.as_str(), m.args.first())
        {
            ins.push(*n);
        }
        ins.last() < ins.first()
    });
    assert!(ins.last() < ins.first(), "{ins:?}");
    // Marked done from the API: the surface hears the next one within a second or so.
    let control = f.link(ShareView::Clock, None, true);
    let t = Instant::now();
    assert_eq!(
        f.call("POST", "/api/cues/next/done", Some(&control), None)
            .status,
        200
    );
    let got = osc_read(&surface, Duration::from_secs(3), |m| {
        text(m).is_some_and(|t| t != first)
    });
    let second = got.iter().filter_map(text).next_back().expect("a new text");
    assert_ne!(second, first);
    assert!(
        t.elapsed() < Duration::from_millis(1500),
        "{:?}",
        t.elapsed()
    );
}

#[test]
fn a_rehearsal_starts_and_stops_from_the_api_and_actual_times_are_recorded() {
    let f = Fixture::new();
    let control = f.link(ShareView::Stage, None, true);
    let d = f.store().load(&f.event_id).unwrap();
    let session = &d.sessions[0];

    // On the real day: the actual start is written, from the API.
    let body = format!(r#"{{"session":"{}","which":"start"}}"#, session.title);
    let r = f.call("POST", "/api/actual", Some(&control), Some(&body));
    assert_eq!(r.status, 200, "{}", r.body);
    let log = f.store().day_log(&f.event_id).unwrap();
    assert_eq!(log.actuals.len(), 1);
    assert_eq!(log.actuals[0].session_id, session.id);
    assert!(log.actuals[0].start.is_some() && log.actuals[0].end.is_none());
    let r = f.call(
        "POST",
        "/api/actual",
        Some(&control),
        Some(r#"{"session":"Nope","which":"start"}"#),
    );
    assert_eq!(
        (r.status, r.json()["field"].as_str()),
        (400, Some("actual.session"))
    );
    let r = f.call(
        "POST",
        "/api/actual",
        Some(&control),
        Some(r#"{"session":"x","which":"middle"}"#),
    );
    assert_eq!((r.status, r.json()["field"].as_str()), (400, Some("which")));

    // A rehearsal from the API, at 60x.
    let from = (session.start - chrono::Duration::minutes(5)).to_rfc3339();
    let body = format!(r#"{{"from":"{from}","speed":60}}"#);
    let r = f.call("POST", "/api/rehearsal/start", Some(&control), Some(&body));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["live"]["rehearsal"], true);
    let speed = f.host.rehearsal.lock().unwrap().as_ref().map(|r| r.speed);
    assert_eq!(speed, Some(60.0));
    let r = f.call(
        "POST",
        "/api/rehearsal/start",
        Some(&control),
        Some(r#"{"from":"soon","speed":60}"#),
    );
    assert_eq!(
        (r.status, r.json()["field"].as_str()),
        (400, Some("rehearsal.from"))
    );
    let r = f.call(
        "POST",
        "/api/rehearsal/start",
        Some(&control),
        Some(&format!(r#"{{"from":"{from}","speed":600}}"#)),
    );
    assert_eq!(
        (r.status, r.json()["field"].as_str()),
        (400, Some("rehearsal.speed"))
    );
    // The actual end in the rehearsal stays in the rehearsal.
    let body = format!(r#"{{"session":"{}","which":"end"}}"#, session.id);
    assert_eq!(
        f.call("POST", "/api/actual", Some(&control), Some(&body))
            .status,
        200
    );
    assert!(f.store().day_log(&f.event_id).unwrap().actuals[0]
        .end
        .is_none());
    let r = f.call("POST", "/api/rehearsal/stop", Some(&control), None);
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["live"]["rehearsal"], false);
    assert!(f.host.rehearsal.lock().unwrap().is_none());
}

/// A WebSocket on the server, with `token` in the query.
fn ws(
    addr: SocketAddr,
    token: &str,
) -> tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>> {
    let (mut socket, _) =
        tungstenite::connect(format!("ws://{addr}/api/ws?token={token}")).expect("a WebSocket");
    if let tungstenite::stream::MaybeTlsStream::Plain(s) = socket.get_mut() {
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    }
    socket
}

/// The next JSON message of `type`, skipping the others.
fn ws_next(
    socket: &mut tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    kind: &str,
) -> serde_json::Value {
    loop {
        match socket.read().expect("a message") {
            tungstenite::Message::Text(t) => {
                let v: serde_json::Value = serde_json::from_str(t.as_str()).unwrap();
                if v["type"] == kind {
                    return v;
                }
            }
            tungstenite::Message::Close(_) => panic!("closed while waiting for {kind}"),
            _ => {}
        }
    }
}

#[test]
fn the_websocket_hears_the_live_state_and_sends_verbs() {
    let f = Fixture::new();
    let control = f.link(ShareView::Stage, None, true);
    let view = f.link(ShareView::Clock, None, false);
    // No token: no connection.
    match tungstenite::connect(format!("ws://{}/api/ws", f.addr())) {
        Err(tungstenite::Error::Http(r)) => assert_eq!(r.status(), 401),
        other => panic!("no token: {:?}", other.map(|_| ())),
    }

    let mut c = ws(f.addr(), &control);
    let live = ws_next(&mut c, "live");
    let first = live["live"]["nextCues"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    c.send(tungstenite::Message::Text(
        r#"{"id":7,"verb":"cue/done"}"#.into(),
    ))
    .unwrap();
    let r = ws_next(&mut c, "result");
    assert_eq!(
        (r["id"].as_i64(), r["cue"]["key"].as_str()),
        (Some(7), Some(first.as_str()))
    );
    let live = ws_next(&mut c, "live");
    assert_ne!(
        live["live"]["nextCues"][0]["key"],
        first.as_str(),
        "the change is pushed"
    );
    c.send(tungstenite::Message::Text(
        r#"{"id":"a","verb":"delay","stage":"Nowhere","minutes":2}"#.into(),
    ))
    .unwrap();
    let e = ws_next(&mut c, "error");
    assert_eq!(
        (e["id"].as_str(), e["field"].as_str()),
        (Some("a"), Some("delay.stage"))
    );
    c.send(tungstenite::Message::Text(r#"{"verb":"fly"}"#.into()))
        .unwrap();
    assert_eq!(ws_next(&mut c, "error")["field"], "verb");

    // A view's link does not open the whole state.
    match tungstenite::connect(format!("ws://{}/api/ws?token={view}", f.addr())) {
        Err(tungstenite::Error::Http(r)) => assert_eq!(r.status(), 403),
        other => panic!("a view link: {:?}", other.map(|_| ())),
    }
    let after = f.store().cue_timeline(&f.event_id).unwrap();
    assert_eq!(
        after.iter().filter(|c| c.state == CueState::Done).count(),
        1,
        "only the control link's verb was done"
    );
    // Revoked: it is told, and closed.
    let mut store = f.store();
    let id = store.share_links(Some(&f.event_id)).unwrap()[0].id.clone();
    store.revoke_share_link(&id, chrono::Utc::now()).unwrap();
    f.server.as_ref().unwrap().poke();
    ws_next(&mut c, "revoked");
}

#[test]
fn an_http_target_hears_the_next_cue_when_it_changes() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<(String, serde_json::Value)>();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut c) = conn else { return };
            c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let mut got = Vec::new();
            let mut buf = [0u8; 4096];
            // Read the head, then the body by its length.
            let (head, body) = loop {
                let n = c.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    return;
                }
                got.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&got).to_string();
                if let Some((h, b)) = text.split_once("\r\n\r\n") {
                    let len: usize = h
                        .lines()
                        .find_map(|l| {
                            l.to_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap())
                        })
                        .unwrap_or(0);
                    if b.len() >= len {
                        break (h.to_string(), b[..len].to_string());
                    }
                }
            };
            let _ = c.write_all(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
            let line = head.lines().next().unwrap_or_default().to_string();
            let _ = tx.send((line, serde_json::from_str(&body).unwrap()));
        }
    });
    let f = Fixture::with_feedback(Some(showcall_core::service::share::FeedbackTarget::Http {
        addr,
        path: "/hook?deck=1".into(),
    }));
    let (line, first) = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("a first POST");
    assert_eq!(line, "POST /hook?deck=1 HTTP/1.1");
    assert_eq!(first["eventId"], f.event_id.as_str());
    let text = first["next"]["text"].as_str().unwrap().to_string();
    assert!(!text.is_empty());
    assert!(first["next"]["inSecs"].is_number() && first["next"]["due"] == false);
    // Not every second: nothing more while nothing moves.
    assert!(
        rx.recv_timeout(Duration::from_millis(2500)).is_err(),
        "a POST with nothing new"
    );
    let control = f.link(ShareView::Clock, None, true);
    assert_eq!(
        f.call("POST", "/api/cues/next/done", Some(&control), None)
            .status,
        200
    );
    let (_, next) = rx
        .recv_timeout(Duration::from_secs(3))
        .expect("a POST for the next cue");
    assert_ne!(next["next"]["text"], text.as_str());
}

#[test]
fn a_link_revoked_where_no_one_pokes_is_noticed_within_seconds() {
    let f = Fixture::new();
    let view = f.link(ShareView::Clock, None, false);
    let mut s = Stream::open(f.addr(), &view);
    let at = s
        .until(0, "\"view\":\"clock\"", Duration::from_secs(3))
        .expect("connected");
    // Another machine's CLI on a shared file: nothing tells this server.
    let mut store = f.store();
    let id = store.share_links(Some(&f.event_id)).unwrap()[0].id.clone();
    store.revoke_share_link(&id, chrono::Utc::now()).unwrap();
    s.until(at, "event: revoked", Duration::from_secs(10))
        .expect("revoked noticed by the view's own checks");
}

#[test]
fn the_api_state_runs_with_the_clock_between_changes() {
    let f = Fixture::new();
    let control = f.link(ShareView::Clock, None, true);
    let a = f.call("GET", "/api/live", Some(&control), None).json();
    std::thread::sleep(Duration::from_millis(1600));
    let b = f.call("GET", "/api/live", Some(&control), None).json();
    let t = |v: &serde_json::Value| {
        chrono::DateTime::parse_from_rfc3339(v["now"].as_str().unwrap()).unwrap()
    };
    let ran = (t(&b) - t(&a)).num_milliseconds();
    assert!((1400..3000).contains(&ran), "now moved {ran} ms");
}

#[test]
fn a_control_link_never_takes_over_another_events_rehearsal() {
    let f = Fixture::new();
    let control = f.link(ShareView::Clock, None, true);
    *f.host.rehearsal.lock().unwrap() = Some(Rehearsal::new(
        "another-event",
        chrono::Utc::now(),
        60.0,
        chrono::Utc::now(),
    ));
    let d = f.store().load(&f.event_id).unwrap();
    let body = format!(
        r#"{{"from":"{}","speed":60}}"#,
        d.sessions[0].start.to_rfc3339()
    );
    let r = f.call("POST", "/api/rehearsal/start", Some(&control), Some(&body));
    assert_eq!(
        (r.status, r.json()["code"].as_str()),
        (409, Some("conflict"))
    );
    let r = f.call("POST", "/api/rehearsal/stop", Some(&control), None);
    assert_eq!(r.status, 409);
    let still = f
        .host
        .rehearsal
        .lock()
        .unwrap()
        .as_ref()
        .map(|r| r.event_id.clone());
    assert_eq!(still.as_deref(), Some("another-event"));
}
