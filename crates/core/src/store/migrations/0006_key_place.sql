-- Where each stream key is kept: 'file' (sealed in this table under the .secret key file) or
-- 'os' (the operating system's credential store; only the hint is here).
ALTER TABLE stream_keys ADD COLUMN place TEXT NOT NULL DEFAULT 'file';
