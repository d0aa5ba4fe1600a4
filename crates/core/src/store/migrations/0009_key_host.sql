-- The server host (with its port when not the scheme's default) each stream key was entered
-- or last confirmed for: a key is not sent to another server without the user saying so.
-- NULL for keys entered before this column: taken as entered for the server the destination
-- has until the event is next rewritten, which then records that server.
ALTER TABLE stream_keys ADD COLUMN key_host TEXT;
