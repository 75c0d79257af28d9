-- Request overhead (docs/decisions/019-request-overhead.md): the access-token check is one statement the runtime
-- role may call, and every change that ends a session or an account's access is announced, so the verified sessions
-- a process keeps in memory are dropped at once in every process.

-- The live session of an access token hash: not revoked, neither the access token nor the session expired, the user
-- active. SECURITY DEFINER owned by atelier_system (BYPASSRLS): no role switch and no transaction of its own.
CREATE FUNCTION app.session_of_access_token(p_token_hash text)
RETURNS TABLE (session_id uuid, user_id uuid, valid_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT s.id, s.user_id, least(s.access_expires_at, s.expires_at)
  FROM app.user_sessions s
  JOIN app.users u ON u.id = s.user_id
  WHERE s.access_token_hash = p_token_hash
    AND s.revoked_at IS NULL
    AND s.access_expires_at > now()
    AND s.expires_at > now()
    AND u.status = 'active'
$$;
ALTER FUNCTION app.session_of_access_token(text) OWNER TO atelier_system;
REVOKE EXECUTE ON FUNCTION app.session_of_access_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.session_of_access_token(text) TO atelier_app, atelier_system;

-- Channel atelier_sessions, payload: the user id whose sessions changed. Sent on commit (never for a rolled back
-- change); identical payloads of one transaction arrive once.
CREATE FUNCTION app.announce_session_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('atelier_sessions', OLD.id::text);
  ELSE
    PERFORM pg_notify('atelier_sessions', OLD.user_id::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER user_sessions_announce_change AFTER UPDATE ON app.user_sessions FOR EACH ROW
  WHEN (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at
        OR NEW.access_token_hash IS DISTINCT FROM OLD.access_token_hash
        OR NEW.access_expires_at < OLD.access_expires_at
        OR NEW.expires_at < OLD.expires_at
        OR NEW.user_id IS DISTINCT FROM OLD.user_id)
  EXECUTE FUNCTION app.announce_session_change();
CREATE TRIGGER user_sessions_announce_delete AFTER DELETE ON app.user_sessions FOR EACH ROW
  EXECUTE FUNCTION app.announce_session_change();
CREATE TRIGGER users_announce_change AFTER UPDATE ON app.users FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status)
  EXECUTE FUNCTION app.announce_session_change();
CREATE TRIGGER users_announce_delete AFTER DELETE ON app.users FOR EACH ROW
  EXECUTE FUNCTION app.announce_session_change();
