-- The conversations list pages by activity (its last message, or its creation while it has none). Under row level
-- security PostgreSQL does not use a row comparison on the expression coalesce(last_message_at, created_at) as an
-- index condition (it cannot prove the expression leakproof), so a deep page filtered every row before it. A stored
-- column holds the same value; a row comparison on a plain column is an index condition.
ALTER TABLE app.conversations
  ADD COLUMN activity_at timestamptz GENERATED ALWAYS AS (coalesce(last_message_at, created_at)) STORED;
CREATE INDEX conversations_project_activity_at_idx ON app.conversations (project_id, activity_at DESC, id DESC);
DROP INDEX app.conversations_project_activity_idx;
