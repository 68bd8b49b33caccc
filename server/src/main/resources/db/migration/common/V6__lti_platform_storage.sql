-- The frame the platform offered for client-side storage (lti_storage_target), when it did: the
-- launch that answers such a login may prove its state through the platform's storage instead of
-- the cookie a third-party frame may never have been given.
ALTER TABLE lti_login ADD COLUMN storage_target VARCHAR(64);
