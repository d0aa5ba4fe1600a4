//! One thin command per use case: parse, call the core, map the error.

pub mod agenda;
pub mod branding;
pub mod edit;
pub mod events;
pub mod exchange;
pub mod live;
pub mod rtmp;
pub mod settings;
pub mod window;

use showcall_core::error::ErrorPayload;

/// What every command returns.
pub type CmdResult<T> = Result<T, ErrorPayload>;
