//! Commands: the transaction ids of the ones we send, and the decoded form
//! of the ones the server sends back.

use crate::amf0::Value;

// Transaction ids of our commands.
pub(super) const TXN_CONNECT: f64 = 1.0;
pub(super) const TXN_RELEASE_STREAM: f64 = 2.0;
pub(super) const TXN_FC_PUBLISH: f64 = 3.0;
pub(super) const TXN_CREATE_STREAM: f64 = 4.0;
pub(super) const TXN_PUBLISH: f64 = 5.0;
pub(super) const TXN_DELETE_STREAM: f64 = 6.0;

/// A decoded command message.
pub(super) struct Command {
    pub(super) name: String,
    pub(super) txn: f64,
    /// Values after the transaction id (command object, then arguments).
    pub(super) args: Vec<Value>,
}

impl Command {
    /// The info object (the one with a `code`), if any.
    pub(super) fn info(&self) -> Option<&Value> {
        self.args.iter().find(|v| v.get("code").is_some())
    }

    pub(super) fn code(&self) -> Option<&str> {
        self.info()?.get("code")?.as_str()
    }

    /// "code: description" or whatever part of it is there.
    pub(super) fn status_text(&self) -> Option<String> {
        let info = self.info()?;
        let code = info.get("code").and_then(Value::as_str).unwrap_or_default();
        let desc = info
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default();
        Some(match (code.is_empty(), desc.is_empty()) {
            (false, false) => format!("{code}: {desc}"),
            (false, true) => code.to_string(),
            (true, false) => desc.to_string(),
            (true, true) => return None,
        })
    }
}
