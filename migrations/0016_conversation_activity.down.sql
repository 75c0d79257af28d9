-- Reverses 0016_conversation_activity.
CREATE INDEX conversations_project_activity_idx ON app.conversations (project_id, (coalesce(last_message_at, created_at)) DESC, id DESC);
DROP INDEX app.conversations_project_activity_at_idx;
ALTER TABLE app.conversations DROP COLUMN activity_at;
