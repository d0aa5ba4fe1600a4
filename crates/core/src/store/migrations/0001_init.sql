-- Showcall schema v1. Append-only: never edit after it lands; add 0002_*.sql instead.
CREATE TABLE events (
    id                     TEXT PRIMARY KEY,
    name                   TEXT NOT NULL CHECK (trim(name) <> ''),
    customer               TEXT NOT NULL DEFAULT '',
    time_zone              TEXT NOT NULL,
    locale                 TEXT NOT NULL DEFAULT 'en',
    kit_purchase_date      TEXT,
    kit_term_months        INTEGER NOT NULL DEFAULT 12,
    support_budget_minutes INTEGER NOT NULL DEFAULT 540,
    revision               INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE stages (
    id       TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name     TEXT NOT NULL CHECK (trim(name) <> ''),
    position INTEGER NOT NULL
) STRICT;
CREATE INDEX stages_event ON stages(event_id, position);

CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    stage_id   TEXT NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
    title      TEXT NOT NULL CHECK (trim(title) <> ''),
    start_utc  TEXT NOT NULL,
    end_utc    TEXT NOT NULL CHECK (end_utc > start_utc),
    livestream INTEGER NOT NULL DEFAULT 1,
    recording  INTEGER NOT NULL DEFAULT 1,
    vod        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX sessions_event ON sessions(event_id, start_utc);

CREATE TABLE people (
    id              TEXT PRIMARY KEY,
    event_id        TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (trim(name) <> ''),
    role            TEXT NOT NULL,
    email           TEXT NOT NULL DEFAULT '',
    time_zone       TEXT,
    invitation_sent INTEGER NOT NULL DEFAULT 0,
    tech_check_done INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX people_event ON people(event_id);

CREATE TABLE segments (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL CHECK (trim(title) <> ''),
    duration_secs INTEGER NOT NULL CHECK (duration_secs >= 0),
    notes         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX segments_session ON segments(session_id, position);

CREATE TABLE segment_presenters (
    segment_id TEXT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (segment_id, person_id)
) STRICT;

CREATE TABLE tasks (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    owner      TEXT NOT NULL,
    due_utc    TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'todo'
) STRICT;
CREATE INDEX tasks_event ON tasks(event_id, due_utc);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
