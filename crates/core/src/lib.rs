//! Showcall's core: the domain of a streamed Webex Events production (events, stages, sessions,
//! runs of show, people, production tasks), the schedule engine, the production rules and the
//! SQLite store. No Tauri, no wall clock: the shell and the CLI sit on top.
//!
//! The modules form layers; each uses only the layers listed before it (a test,
//! `tests/layers.rs`, fails on a use the wrong way):
//!
//! | layer | modules |
//! |---|---|
//! | base | [`i18n`], [`error`], [`paths`], [`time`] |
//! | data | [`model`] (one file per entity), [`testing`] (fixtures) |
//! | logic | [`schedule`] → [`cues`] → [`tasks`] → [`asset_check`] → [`branding`] → [`rtmp`] → [`rules`] → [`validate`] → [`demo`] → [`live`] → [`report`] → [`view`] → [`history`] → [`merge`] → [`handoff`] → [`ics`] → [`rtmp_sheet`] |
//! | edits | [`edit`]: the [`Edit`] enum, `apply`, and who may make which ([`edit::permits`]) |
//! | storage | [`store`]: tables, migrations, stream keys ([`secrets`]), presets, the file blob store |
//! | use cases | [`service`]: what the app's commands and the CLI call, with an actor and `now`; [`scheduler`] |
//!
//! ```
//! use showcall_core::{demo, rules, i18n::Lang, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let event = demo::event();
//! store.insert(&event).unwrap();
//! let findings = rules::check(&store.load(&event.event.id).unwrap(), Lang::En);
//! assert!(findings.iter().any(|f| f.code == "closing_training_needed"));
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod ascii_json;
pub mod asset_check;
pub mod branding;
pub mod cues;
pub mod demo;
pub mod edit;
pub mod error;
pub mod handoff;
pub mod history;
pub mod i18n;
pub mod ics;
pub(crate) mod ids;
pub mod job;
pub mod live;
pub mod merge;
pub mod model;
pub mod paths;
pub mod report;
pub mod rtmp;
pub mod rtmp_sheet;
pub mod rules;
pub mod schedule;
pub mod service;
pub mod store;
pub mod tasks;
#[doc(hidden)]
pub mod testing;
pub mod time;
pub mod validate;
pub mod view;
pub mod view_changes;

pub use edit::Edit;
pub use error::{Error, Result};
pub use model::{Actor, EventData};
pub use service::scheduler;
pub use store::keys as secrets;
pub use store::Store;
