-- RTMP destinations: where sessions are restreamed, their last connection test, and the stream
-- keys (encrypted; the key that opens them lives outside this file).
ALTER TABLE sessions ADD COLUMN restream INTEGER NOT NULL DEFAULT 0;

CREATE TABLE destinations (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    preset      TEXT NOT NULL,
    server_url  TEXT NOT NULL,
    backup_url  TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL
) STRICT;
CREATE INDEX destinations_event ON destinations(event_id);

CREATE TABLE destination_sessions (
    destination_id TEXT NOT NULL REFERENCES destinations(id) ON DELETE CASCADE,
    session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    PRIMARY KEY (destination_id, session_id)
) STRICT;

-- Kept apart from `destinations` (whose rows an edit rewrites): a test result and a key belong
-- to a destination id until the destination is deleted or its URL/key changes.
CREATE TABLE destination_tests (
    destination_id TEXT PRIMARY KEY,
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    at_utc         TEXT NOT NULL,
    ok             INTEGER NOT NULL,
    detail         TEXT NOT NULL,
    published      INTEGER NOT NULL
) STRICT;

CREATE TABLE stream_keys (
    destination_id TEXT PRIMARY KEY,
    event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    nonce          BLOB NOT NULL,
    sealed         BLOB NOT NULL,
    -- The last four characters, shown to tell keys apart (empty for short keys).
    hint           TEXT NOT NULL DEFAULT ''
) STRICT;
