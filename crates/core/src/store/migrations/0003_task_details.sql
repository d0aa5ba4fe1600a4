-- Recording tasks carry the video-on-demand link and who did a task, and when.
ALTER TABLE tasks ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN done_by TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN done_at TEXT;
