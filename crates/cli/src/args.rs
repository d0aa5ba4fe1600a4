//! The command line as clap reads it: `showcall [--db PATH] [--lang en|fr-CA] COMMAND …`.

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use showcall_core::i18n::Lang;
use std::path::PathBuf;

/// Showcall: the production analyst's cockpit for streamed Webex Events events.
#[derive(Parser)]
#[command(name = "showcall", version, about)]
pub struct Cli {
    /// Database file [default: $SHOWCALL_DB, else showcall.db in the app's data dir].
    #[arg(long, global = false, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of messages: en or fr-CA.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// Share views and the control API on the network (the running app picks the settings up).
    Share {
        #[command(subcommand)]
        command: ShareCommand,
    },
}

#[derive(Subcommand)]
pub enum AssetsCommand {
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
pub enum ImportCommand {
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
    /// Import a customer's agenda (CSV, XLSX, ODS or XLS, English or French): one session per row.
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
        /// The sheet of a workbook (XLSX, ODS, XLS) to read, by name; by default the first sheet
        /// holding an agenda (a cover or notes sheet before it is passed over).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
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
pub enum RtmpCommand {
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
        /// The destination's server changed since its stream key was entered (a merged package
        /// or an edit): use the key for the new server anyway (recorded, so asked once).
        #[arg(long, conflicts_with = "url")]
        confirm_new_host: bool,
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

pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("“{s}” is not an RFC 3339 instant (e.g. 2027-04-15T13:00:00Z)"))
}

pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language “{s}” (en or fr-CA)"))
}

#[derive(Subcommand)]
pub enum ShareCommand {
    /// Switch the app's web server on (views on other screens, the control API).
    On {
        /// The address to listen on: 127.0.0.1 (this machine only), one of its addresses, or
        /// 0.0.0.0 (every network) [default: as before, else 127.0.0.1].
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// The TCP port [default: as before, else 7870].
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        port: Option<u16>,
        /// A UDP port for OSC control [default: as before, else none].
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        osc_port: Option<u16>,
        /// No OSC control (forget the OSC port).
        #[arg(long, conflicts_with = "osc_port")]
        no_osc: bool,
    },
    /// Switch the web server off (every open view is disconnected).
    Off,
    /// Make a link to a view of an event and print its full address, token included (shown
    /// once: only a hash of the token is kept).
    Link {
        /// Event id or exact name.
        event: String,
        #[arg(long, value_enum)]
        view: ViewArg,
        /// The stage (id or exact name) of a speaker timer or stage view [default: the stage
        /// on air].
        #[arg(long)]
        stage: Option<String>,
        /// The team member (id or exact name) of a closer view.
        #[arg(long)]
        person: Option<String>,
        /// The link may also control the show (cues, delays, messages).
        #[arg(long)]
        control: bool,
        #[arg(long)]
        json: bool,
    },
    /// List the links made (without their tokens).
    Links {
        #[arg(long)]
        json: bool,
    },
    /// Send an event's next cue to a control surface (its text, countdown and whether it is
    /// due) as OSC or as an HTTP POST, or stop.
    Feedback {
        /// Event id or exact name.
        event: String,
        /// OSC to IP:PORT, e.g. 192.168.1.30:12321.
        #[arg(long, value_name = "IP:PORT", conflicts_with_all = ["off", "http"])]
        osc: Option<String>,
        /// An HTTP POST of the next cue's JSON to this URL when it changes, e.g.
        /// http://192.168.1.30:8000/showcall.
        #[arg(long, value_name = "URL", conflicts_with = "off")]
        http: Option<String>,
        #[arg(long, required_unless_present_any = ["osc", "http"])]
        off: bool,
    },
    /// Revoke a link (by its id or token), or every link.
    Revoke {
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        token: Option<String>,
        #[arg(long)]
        all: bool,
    },
}

/// A view a link opens.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ViewArg {
    SpeakerTimer,
    Stage,
    RunOfShow,
    Closer,
    Clock,
}

impl From<ViewArg> for showcall_core::model::ShareView {
    fn from(v: ViewArg) -> Self {
        use showcall_core::model::ShareView as V;
        match v {
            ViewArg::SpeakerTimer => V::SpeakerTimer,
            ViewArg::Stage => V::Stage,
            ViewArg::RunOfShow => V::RunOfShow,
            ViewArg::Closer => V::Closer,
            ViewArg::Clock => V::Clock,
        }
    }
}
