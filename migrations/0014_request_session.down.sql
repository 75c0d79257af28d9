-- Reverses 0014_request_session.
DROP TRIGGER users_announce_delete ON app.users;
DROP TRIGGER users_announce_change ON app.users;
DROP TRIGGER user_sessions_announce_delete ON app.user_sessions;
DROP TRIGGER user_sessions_announce_change ON app.user_sessions;
DROP FUNCTION app.announce_session_change();
DROP FUNCTION app.session_of_access_token(text);
