-- Reverses 0015_job_notifications.
DROP TRIGGER sessions_notify_delete ON board.sessions;
DROP TRIGGER sessions_notify_status ON board.sessions;
DROP TRIGGER session_events_notify ON board.session_events;
DROP FUNCTION board.notify_session_change();
DROP TRIGGER jobs_notify_update ON app.jobs;
DROP TRIGGER jobs_notify_insert ON app.jobs;
DROP FUNCTION app.notify_job_change();
