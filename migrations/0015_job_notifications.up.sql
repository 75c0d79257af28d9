-- Notifications instead of polling (docs/decisions/020-notifications.md). Each trigger calls pg_notify in the
-- transaction of the change, so a listener hears of it only once it is committed and visible. Payloads carry ids,
-- never content: a listener reads the row itself, under its own rights.

-- app.jobs on channel atelier_jobs, payload '<job id> <kind>':
--   queued  a job became due to be claimed (inserted, put back in the queue, or its run_at moved);
--   freed   a running job ended, so its organization has a free slot again;
--   changed its status, progress, message or cancellation changed (what an event stream shows).
-- A heartbeat alone notifies nobody.
CREATE FUNCTION app.notify_job_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  kind text;
BEGIN
  IF NEW.status = 'queued' AND (TG_OP = 'INSERT' OR OLD.status <> 'queued' OR OLD.run_at IS DISTINCT FROM NEW.run_at) THEN
    kind := 'queued';
  ELSIF TG_OP = 'UPDATE' AND OLD.status = 'running' AND NEW.status <> 'running' THEN
    kind := 'freed';
  ELSE
    kind := 'changed';
  END IF;
  PERFORM pg_notify('atelier_jobs', NEW.id::text || ' ' || kind);
  RETURN NULL;
END
$$;

CREATE TRIGGER jobs_notify_insert AFTER INSERT ON app.jobs
  FOR EACH ROW EXECUTE FUNCTION app.notify_job_change();
CREATE TRIGGER jobs_notify_update AFTER UPDATE ON app.jobs
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status
        OR OLD.progress IS DISTINCT FROM NEW.progress
        OR OLD.progress_message IS DISTINCT FROM NEW.progress_message
        OR OLD.cancel_requested_at IS DISTINCT FROM NEW.cancel_requested_at
        OR OLD.run_at IS DISTINCT FROM NEW.run_at)
  EXECUTE FUNCTION app.notify_job_change();

-- Board sessions on channel atelier_board_events, payload '<session id>': a new event, a status change, or the
-- session gone (deleted with its organization).
CREATE FUNCTION board.notify_session_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_TABLE_NAME = 'session_events' THEN
    PERFORM pg_notify('atelier_board_events', NEW.session_id::text);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('atelier_board_events', OLD.id::text);
  ELSE
    PERFORM pg_notify('atelier_board_events', NEW.id::text);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER session_events_notify AFTER INSERT ON board.session_events
  FOR EACH ROW EXECUTE FUNCTION board.notify_session_change();
CREATE TRIGGER sessions_notify_status AFTER UPDATE OF status ON board.sessions
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION board.notify_session_change();
CREATE TRIGGER sessions_notify_delete AFTER DELETE ON board.sessions
  FOR EACH ROW EXECUTE FUNCTION board.notify_session_change();
