-- Sharing on the network: the links handed out for the views and the control API. Only a
-- SHA-256 of each token is kept (the token is shown once, when the link is made); `id` names
-- the link in lists and for revoking.
CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    view TEXT NOT NULL,
    stage_id TEXT,
    person_id TEXT,
    control INTEGER NOT NULL DEFAULT 0,
    created_utc TEXT NOT NULL,
    revoked_utc TEXT
);
CREATE INDEX share_links_event ON share_links(event_id);

-- The line the analyst last sent to a stage's speaker timer ('' stage: every stage), and who
-- sent it (the window, the command line, the network API).
CREATE TABLE stage_messages (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    stage_id TEXT NOT NULL,
    text TEXT NOT NULL,
    at_utc TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (event_id, stage_id)
);

-- Stages whose speaker timer is blacked out ('' stage: every stage), since when and by whom.
CREATE TABLE stage_blackouts (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    stage_id TEXT NOT NULL,
    since_utc TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (event_id, stage_id)
);

-- Who did what on the day, and from where (the window, the command line, the network API):
-- cue marks, delays, actual times, speaker timer lines and blackouts, in order.
CREATE TABLE live_actions (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    at_utc TEXT NOT NULL,
    source TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX live_actions_event ON live_actions(event_id, id);
