-- Database assistant, part 2 (seed 002 `queries`, `executions`, `mock_jobs`): saved and generated SQL, every run of
-- SQL against a connection, and mock-data jobs. Audits stay in app.audit_log.

CREATE TABLE dbassist.queries (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  connection_id    uuid NOT NULL REFERENCES dbassist.connections (id) ON DELETE CASCADE,
  sql_text         text NOT NULL CHECK (length(sql_text) BETWEEN 1 AND 100000),
  -- Seed 002's "AI-generated or manual explanation".
  description      text CHECK (description IS NULL OR length(description) <= 5000),
  -- The question the SQL answers, when it was generated from one.
  question         text CHECK (question IS NULL OR length(question) <= 2000),
  source           text NOT NULL DEFAULT 'human' CHECK (source IN ('human', 'ai')),
  -- The tables the SQL reads, as "namespace.name" keys of the snapshot it was written against.
  tables_used      text[] NOT NULL DEFAULT '{}',
  generation_id    uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  created_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX queries_connection_idx ON dbassist.queries (connection_id, created_at DESC, id DESC);
CREATE INDEX queries_organization_idx ON dbassist.queries (organization_id);
CREATE TRIGGER queries_touch BEFORE UPDATE ON dbassist.queries FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE dbassist.executions (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  connection_id    uuid NOT NULL REFERENCES dbassist.connections (id) ON DELETE CASCADE,
  -- The saved query that ran; NULL for SQL typed and run without saving (its text is in sql_text either way).
  query_id         uuid REFERENCES dbassist.queries (id) ON DELETE SET NULL,
  sql_text         text NOT NULL CHECK (length(sql_text) BETWEEN 1 AND 100000),
  executed_by      uuid REFERENCES app.users (id) ON DELETE SET NULL,
  started_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  duration_ms      int CHECK (duration_ms IS NULL OR duration_ms >= 0),
  row_count        int CHECK (row_count IS NULL OR row_count >= 0),
  -- Seed 002's success | failed | cancelled, plus running while the statement is on the server.
  status           text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'success', 'failed', 'cancelled')),
  error_msg        text CHECK (error_msg IS NULL OR length(error_msg) <= 4000),
  -- A write on a read-write connection (confirmed after its EXPLAIN preview).
  is_write         boolean NOT NULL DEFAULT false,
  -- [{name, dataType}] of the result.
  columns          jsonb CHECK (columns IS NULL OR jsonb_typeof(columns) = 'array'),
  -- The rows stopped at the row or byte cap.
  truncated        boolean NOT NULL DEFAULT false,
  -- The captured rows (NDJSON under DATA_DIR) that paging and export read.
  result_path      text CHECK (result_path IS NULL OR length(result_path) <= 500)
);
CREATE INDEX executions_connection_idx ON dbassist.executions (connection_id, started_at DESC, id DESC);
CREATE INDEX executions_query_idx ON dbassist.executions (query_id, started_at DESC) WHERE query_id IS NOT NULL;
CREATE INDEX executions_organization_idx ON dbassist.executions (organization_id);

CREATE TABLE dbassist.mock_jobs (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  connection_id    uuid NOT NULL REFERENCES dbassist.connections (id) ON DELETE CASCADE,
  table_id         uuid REFERENCES dbassist.tables (id) ON DELETE SET NULL,
  -- "namespace.name" of the table: what the job generates for, whatever snapshot is newest when it runs.
  table_key        text NOT NULL CHECK (length(table_key) BETWEEN 1 AND 600),
  -- {rows, seed, locale, edgeCases, target: file | connection, format: csv | sql}
  config           jsonb NOT NULL CHECK (jsonb_typeof(config) = 'object'),
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
  job_id           uuid REFERENCES app.jobs (id) ON DELETE SET NULL,
  -- The file to download (relative to DATA_DIR) when the target is a file.
  file_path        text CHECK (file_path IS NULL OR length(file_path) <= 500),
  -- {tables: [{table, rows}], rowsPerSecond}
  result           jsonb CHECK (result IS NULL OR jsonb_typeof(result) = 'object'),
  error_msg        text CHECK (error_msg IS NULL OR length(error_msg) <= 4000),
  created_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  completed_at     timestamptz
);
CREATE INDEX mock_jobs_connection_idx ON dbassist.mock_jobs (connection_id, created_at DESC, id DESC);
CREATE INDEX mock_jobs_organization_idx ON dbassist.mock_jobs (organization_id);

-- Members read the history; editors and admins ask, save, run and generate (running SQL uses the connection's own
-- credentials, so it is a write-level act in Atelier whatever the statement does). An execution names its runner.
ALTER TABLE dbassist.queries ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.queries FORCE ROW LEVEL SECURITY;
CREATE POLICY queries_select ON dbassist.queries FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY queries_insert ON dbassist.queries FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM dbassist.connections c WHERE c.id = connection_id AND c.organization_id = organization_id));
CREATE POLICY queries_update ON dbassist.queries FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY queries_delete ON dbassist.queries FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE dbassist.executions ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.executions FORCE ROW LEVEL SECURITY;
CREATE POLICY executions_select ON dbassist.executions FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY executions_insert ON dbassist.executions FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND executed_by = app.current_user_id()
              AND EXISTS (SELECT 1 FROM dbassist.connections c WHERE c.id = connection_id AND c.organization_id = organization_id));
CREATE POLICY executions_update ON dbassist.executions FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));

ALTER TABLE dbassist.mock_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.mock_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY mock_jobs_select ON dbassist.mock_jobs FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY mock_jobs_insert ON dbassist.mock_jobs FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM dbassist.connections c WHERE c.id = connection_id AND c.organization_id = organization_id));
CREATE POLICY mock_jobs_update ON dbassist.mock_jobs FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY mock_jobs_delete ON dbassist.mock_jobs FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

GRANT SELECT, INSERT, UPDATE, DELETE ON dbassist.queries, dbassist.mock_jobs TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON dbassist.executions TO atelier_app;
GRANT SELECT ON dbassist.queries, dbassist.executions, dbassist.mock_jobs TO atelier_system;
