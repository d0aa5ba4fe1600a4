-- Cues added by hand, and the event's cue template (kinds switched off, other heads-up times).
CREATE TABLE custom_cues (
    id          TEXT PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    segment_id  TEXT REFERENCES segments(id) ON DELETE CASCADE,
    anchor      TEXT NOT NULL,
    offset_secs INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT '',
    lead_secs   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX custom_cues_event ON custom_cues(event_id);

CREATE TABLE cue_settings (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    enabled   INTEGER NOT NULL,
    lead_secs INTEGER NOT NULL,
    PRIMARY KEY (event_id, kind)
) STRICT;
