-- The version of an event last exchanged through a handoff package (exported from here or
-- imported here): the common ancestor a later import is merged against.
CREATE TABLE exchange_base (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    data TEXT NOT NULL,
    at_utc TEXT NOT NULL
);
