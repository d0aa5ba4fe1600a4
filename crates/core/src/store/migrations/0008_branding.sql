-- The branding checklist (one row per item; the item's details, files and history as JSON,
-- with the columns the event list's readiness score counts), the event's branding details
-- (palette, chat requirements, due-date lead time, speaker instructions), and whether each
-- person was sent the speaker instructions.
CREATE TABLE brand_items (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    required INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX brand_items_event ON brand_items(event_id, position);

CREATE TABLE branding (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    data TEXT NOT NULL
);

ALTER TABLE people ADD COLUMN instructions_sent INTEGER NOT NULL DEFAULT 0;
