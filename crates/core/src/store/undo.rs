//! Undo and redo against the stored event: a [`History`] step applied only while the event is
//! still the version the history last saw.

use super::Store;
use crate::error::Result;
use crate::history::History;
use crate::model::EventData;
use std::sync::Arc;

impl Store {
    /// Undoes (`back`) or redoes one step of `history` for `event_id`: applies its change with
    /// [`Store::apply_patch`], in one transaction, if the stored event is still at the revision
    /// the history last saw. Returns the event as stored now, or `None` when there is nothing
    /// to undo or redo. When the event changed elsewhere meanwhile (another process, another
    /// window), this is a `conflict`: nothing is written and the history stays as it was.
    pub fn history_step(
        &mut self,
        event_id: &str,
        history: &mut History,
        back: bool,
    ) -> Result<Option<Arc<EventData>>> {
        let Some((patch, expected)) = history.next(back) else {
            return Ok(None);
        };
        let done = self.apply_patch(event_id, &patch, expected)?;
        history.stepped(back, done.after.event.revision);
        Ok(Some(done.after))
    }
}
