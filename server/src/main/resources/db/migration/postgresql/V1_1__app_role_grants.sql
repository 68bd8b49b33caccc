-- The application connects as ${appUser}, which is not the owner of the schema: it may read and
-- write Bilim's tables, but it may only read and append audit events. A trigger refuses any
-- change to an audit event even for the owner, so a change needs a deliberate act of a
-- database administrator (and the hash chain shows it anyway).

GRANT USAGE ON SCHEMA public TO ${appUser};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appUser};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${appUser};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appUser};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appUser};

REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${appUser};
GRANT SELECT, INSERT ON audit_event TO ${appUser};
REVOKE DELETE, TRUNCATE ON audit_head FROM ${appUser};
DO $$
BEGIN
    -- Only when the application has a role of its own: the owner runs Flyway and writes its history.
    IF '${appUser}' <> current_user THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM ${appUser};
    END IF;
END;
$$;

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
