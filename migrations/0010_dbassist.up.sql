-- The database assistant (seed 002), part 1: connections to outside databases, their schema snapshots (versions of
-- tables and columns), and the documentation written for them. Its own schema keeps the seed's names
-- (dbassist.tables, dbassist.columns) readable.
CREATE SCHEMA dbassist;
GRANT USAGE ON SCHEMA dbassist TO atelier_app, atelier_system;

-- A database an organization links. The URI (with its password) is sealed with the server's secret box and never
-- leaves the server; `target` is what may be shown: engine, host, port and database, never the user or password.
CREATE TABLE dbassist.connections (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  db_type          text NOT NULL CHECK (db_type IN ('postgres', 'mysql', 'sqlite', 'mssql', 'mongodb')),
  connection_uri   text NOT NULL,
  target           text NOT NULL DEFAULT '' CHECK (length(target) <= 500),
  mode             text NOT NULL DEFAULT 'read-only' CHECK (mode IN ('read-only', 'read-write')),
  -- The sample database the product created for the organization (an embedded SQLite file under DATA_DIR).
  is_sample        boolean NOT NULL DEFAULT false,
  -- The last "test connection": {ok, serverVersion, user, canWrite, warning, error, testedAt}.
  last_test        jsonb CHECK (last_test IS NULL OR jsonb_typeof(last_test) = 'object'),
  created_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, name)
);
CREATE INDEX connections_organization_idx ON dbassist.connections (organization_id, created_at DESC, id DESC);
CREATE TRIGGER connections_touch BEFORE UPDATE ON dbassist.connections FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- One version of a connection's schema. A crawl whose normalized content hashes the same as the newest version is
-- not stored again; `version` reads "v<sequence>-<first 12 hex digits of the hash>".
CREATE TABLE dbassist.schemas (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  connection_id    uuid NOT NULL REFERENCES dbassist.connections (id) ON DELETE CASCADE,
  sequence         int NOT NULL CHECK (sequence >= 1),
  content_hash     text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  version          text NOT NULL CHECK (length(version) BETWEEN 1 AND 100),
  -- The whole normalized snapshot (namespaces, tables, views, columns, keys, indexes, constraints, enums, triggers,
  -- comments, row estimates): what diffs, documentation, lint and ER diagrams read.
  schema_json      jsonb NOT NULL CHECK (jsonb_typeof(schema_json) = 'object'),
  table_count      int NOT NULL DEFAULT 0 CHECK (table_count >= 0),
  column_count     int NOT NULL DEFAULT 0 CHECK (column_count >= 0),
  created_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (connection_id, sequence)
);
CREATE INDEX schemas_organization_idx ON dbassist.schemas (organization_id);

-- A table, view or materialized view of one snapshot.
CREATE TABLE dbassist.tables (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  schema_id        uuid NOT NULL REFERENCES dbassist.schemas (id) ON DELETE CASCADE,
  -- The source database's schema (PostgreSQL namespace, MySQL database; 'main' for SQLite).
  namespace        text NOT NULL DEFAULT '',
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  kind             text NOT NULL DEFAULT 'table' CHECK (kind IN ('table', 'view', 'materialized_view', 'partitioned_table', 'foreign_table')),
  -- The source's own COMMENT, as crawled.
  comment          text,
  -- The one-paragraph description shown with the table: from its documentation when there is one, else the comment.
  description      text,
  row_estimate     bigint,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (schema_id, namespace, name)
);
CREATE INDEX tables_organization_idx ON dbassist.tables (organization_id);

CREATE TABLE dbassist.columns (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  table_id         uuid NOT NULL REFERENCES dbassist.tables (id) ON DELETE CASCADE,
  ordinal          int NOT NULL CHECK (ordinal >= 1),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  data_type        text NOT NULL CHECK (length(data_type) BETWEEN 1 AND 500),
  is_nullable      boolean NOT NULL DEFAULT true,
  is_pk            boolean NOT NULL DEFAULT false,
  is_fk            boolean NOT NULL DEFAULT false,
  -- The referenced table in the same snapshot (the first, for a column in several foreign keys).
  fk_table_id      uuid REFERENCES dbassist.tables (id) ON DELETE SET NULL,
  default_value    text,
  comment          text,
  description      text,
  -- Sampled when documentation is generated: {nullShare, distinctCount, min, max, examples, masked, sampledRows}.
  stats            jsonb CHECK (stats IS NULL OR jsonb_typeof(stats) = 'object'),
  UNIQUE (table_id, name)
);
CREATE INDEX columns_organization_idx ON dbassist.columns (organization_id);
CREATE INDEX columns_fk_table_idx ON dbassist.columns (fk_table_id) WHERE fk_table_id IS NOT NULL;

-- Documentation of a schema, a table or a column. It belongs to the connection and is matched to each new snapshot
-- by `object_key` ('' for the schema, 'namespace.table', 'namespace.table.column'), so it survives re-ingestion;
-- `ref_id` points at the row of the newest snapshot it was matched to. `fingerprint` is the hash of the object's
-- definition when the text was written: a different definition now marks the text stale.
CREATE TABLE dbassist.docs (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  connection_id    uuid NOT NULL REFERENCES dbassist.connections (id) ON DELETE CASCADE,
  scope            text NOT NULL CHECK (scope IN ('schema', 'table', 'column')),
  ref_id           uuid NOT NULL,
  object_key       text NOT NULL CHECK (length(object_key) <= 600),
  content_md       text NOT NULL CHECK (length(content_md) <= 20000),
  template         text NOT NULL DEFAULT 'short' CHECK (template IN ('short', 'full', 'manual')),
  -- Who wrote the current text: the AI (generation_id names the ledger row) or a person.
  source           text NOT NULL DEFAULT 'ai' CHECK (source IN ('ai', 'human')),
  fingerprint      text NOT NULL,
  stale            boolean NOT NULL DEFAULT false,
  generation_id    uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  created_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  updated_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (connection_id, scope, object_key)
);
CREATE INDEX docs_organization_idx ON dbassist.docs (organization_id);
CREATE INDEX docs_ref_idx ON dbassist.docs (ref_id);
CREATE TRIGGER docs_touch BEFORE UPDATE ON dbassist.docs FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- Row level security: every member reads (viewers use connections); editors and admins manage; a snapshot's
-- rows are written by the ingestion job under its starter's tenancy.
-- A snapshot writes thousands of table and column rows (and re-links as many docs) in one statement each. A policy
-- calling app.has_org_role(organization_id, …) runs that SECURITY DEFINER function once per row; `organization_id IN
-- (SELECT dbassist.editor_organization_ids())` is an uncorrelated subquery PostgreSQL evaluates once per statement
-- (a hashed subplan), which makes a 1,000-table snapshot several times faster to store.
CREATE FUNCTION dbassist.editor_organization_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT m.organization_id FROM app.organization_members m
      WHERE m.user_id = app.current_user_id() AND app.role_rank(m.role) >= app.role_rank('editor') $$;
-- A role may own functions only in a schema it can create in (checked when the migrating role is no superuser).
GRANT CREATE ON SCHEMA dbassist TO atelier_system;
ALTER FUNCTION dbassist.editor_organization_ids() OWNER TO atelier_system;
REVOKE EXECUTE ON FUNCTION dbassist.editor_organization_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dbassist.editor_organization_ids() TO atelier_app, atelier_system;

ALTER TABLE dbassist.connections ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.connections FORCE ROW LEVEL SECURITY;
CREATE POLICY connections_select ON dbassist.connections FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY connections_insert ON dbassist.connections FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY connections_update ON dbassist.connections FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY connections_delete ON dbassist.connections FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE dbassist.schemas ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.schemas FORCE ROW LEVEL SECURITY;
CREATE POLICY schemas_select ON dbassist.schemas FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY schemas_insert ON dbassist.schemas FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM dbassist.connections c WHERE c.id = connection_id AND c.organization_id = organization_id));
CREATE POLICY schemas_delete ON dbassist.schemas FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE dbassist.tables ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.tables FORCE ROW LEVEL SECURITY;
CREATE POLICY tables_select ON dbassist.tables FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY tables_insert ON dbassist.tables FOR INSERT TO atelier_app
  WITH CHECK (organization_id IN (SELECT dbassist.editor_organization_ids())
              AND EXISTS (SELECT 1 FROM dbassist.schemas s WHERE s.id = schema_id AND s.organization_id = organization_id));
CREATE POLICY tables_update ON dbassist.tables FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));

ALTER TABLE dbassist.columns ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.columns FORCE ROW LEVEL SECURITY;
CREATE POLICY columns_select ON dbassist.columns FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY columns_insert ON dbassist.columns FOR INSERT TO atelier_app
  WITH CHECK (organization_id IN (SELECT dbassist.editor_organization_ids())
              AND EXISTS (SELECT 1 FROM dbassist.tables t WHERE t.id = table_id AND t.organization_id = organization_id));
CREATE POLICY columns_update ON dbassist.columns FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));

ALTER TABLE dbassist.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE dbassist.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY docs_select ON dbassist.docs FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY docs_insert ON dbassist.docs FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM dbassist.connections c WHERE c.id = connection_id AND c.organization_id = organization_id));
CREATE POLICY docs_update ON dbassist.docs FOR UPDATE TO atelier_app
  USING (organization_id IN (SELECT dbassist.editor_organization_ids()))
  WITH CHECK (organization_id IN (SELECT dbassist.editor_organization_ids()));
CREATE POLICY docs_delete ON dbassist.docs FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

GRANT SELECT, INSERT, UPDATE, DELETE ON dbassist.connections, dbassist.docs TO atelier_app;
GRANT SELECT, INSERT, DELETE ON dbassist.schemas TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON dbassist.tables, dbassist.columns TO atelier_app;
GRANT SELECT ON dbassist.connections, dbassist.schemas, dbassist.tables, dbassist.columns, dbassist.docs TO atelier_system;
