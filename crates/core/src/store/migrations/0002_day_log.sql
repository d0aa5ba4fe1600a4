-- The event day's log, kept beside the plan: delays applied, actual session times, cue states
-- and the notifications already sent. Stage/session/cue ids are plain text on purpose: editing
-- the plan rewrites its rows, and the log must survive that.
CREATE TABLE delays (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    stage_id   TEXT NOT NULL,
    session_id TEXT,
    minutes    INTEGER NOT NULL,
    from_utc   TEXT NOT NULL
) STRICT;
CREATE INDEX delays_event ON delays(event_id, from_utc);

CREATE TABLE actuals (
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL,
    start_utc  TEXT,
    end_utc    TEXT,
    PRIMARY KEY (event_id, session_id)
) STRICT;

CREATE TABLE cue_records (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    cue_key  TEXT NOT NULL,
    state    TEXT NOT NULL,
    at_utc   TEXT NOT NULL,
    PRIMARY KEY (event_id, cue_key)
) STRICT;

CREATE TABLE cue_sent (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    cue_key  TEXT NOT NULL,
    phase    TEXT NOT NULL,
    sent_utc TEXT NOT NULL,
    PRIMARY KEY (event_id, cue_key, phase)
) STRICT;
