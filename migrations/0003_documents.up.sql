-- Documents with full history (seeds 000, 003, 004): one documents table for SRS, PRD and every other kind,
-- append-only revisions numbered by a trigger, sections for search, project versions, and the idea pipeline's
-- clarifying questions.

-- ---------------------------------------------------------------------------------------------------------------
-- Project versions (seed 003): a trigger numbers them under the project's row lock and bumps
-- projects.current_version.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.project_versions (
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  version          int NOT NULL CHECK (version >= 1),
  change_note      text CHECK (length(change_note) <= 2000),
  -- The user who made the version, or NULL when the AI pipeline did (seed 003).
  created_by       uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, version)
);

CREATE FUNCTION app.number_project_version() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_last int;
BEGIN
  -- The project's row lock serializes concurrent versions of one project.
  PERFORM 1 FROM app.projects p WHERE p.id = NEW.project_id FOR UPDATE;
  SELECT max(v.version) INTO v_last FROM app.project_versions v WHERE v.project_id = NEW.project_id;
  NEW.version := coalesce(v_last, 0) + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER project_versions_number BEFORE INSERT ON app.project_versions
  FOR EACH ROW EXECUTE FUNCTION app.number_project_version();

CREATE FUNCTION app.bump_project_version() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE app.projects SET current_version = NEW.version WHERE id = NEW.project_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER project_versions_bump AFTER INSERT ON app.project_versions
  FOR EACH ROW EXECUTE FUNCTION app.bump_project_version();

-- ---------------------------------------------------------------------------------------------------------------
-- Documents: the latest state of each document; every change is a revision below.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.documents (
  id                uuid PRIMARY KEY,
  organization_id   uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id        uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  type              text NOT NULL CHECK (type IN ('srs', 'prd', 'spec', 'design', 'overview', 'marketing', 'tech', 'tasks',
                      'business_case', 'scope_statement', 'stakeholder_register', 'risk_register', 'roadmap',
                      'feasibility', 'other')),
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'generated', 'published', 'archived')),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  slug              text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,199}$'),
  -- The latest revision's text, kept here by the revision trigger so lists and reads need no join.
  content_markdown  text NOT NULL DEFAULT '',
  metadata          jsonb NOT NULL DEFAULT '{}',
  -- The project version the document belongs to (seed 003).
  version           int NOT NULL DEFAULT 1 CHECK (version >= 1),
  is_locked         boolean NOT NULL DEFAULT false,
  current_rev       int NOT NULL DEFAULT 0 CHECK (current_rev >= 0),
  creator_id        uuid REFERENCES app.users (id) ON DELETE SET NULL,
  -- The AI call that produced the latest generated revision.
  generation_id     uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  published_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX documents_project_slug_key ON app.documents (project_id, slug);
CREATE INDEX documents_project_created_idx ON app.documents (project_id, created_at, id);
CREATE INDEX documents_project_type_status_idx ON app.documents (project_id, type, status);
CREATE INDEX documents_project_version_idx ON app.documents (project_id, version, type);
CREATE TRIGGER documents_touch BEFORE UPDATE ON app.documents FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Revisions (seed 003 document_revisions): append-only. created_by and generation_id carry no foreign key on
-- purpose: the history outlives the account or the ledger row it names.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.document_revisions (
  document_id       uuid NOT NULL REFERENCES app.documents (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL,
  project_id        uuid NOT NULL,
  rev               int NOT NULL CHECK (rev >= 1),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  content_markdown  text NOT NULL,
  -- The structured form a generator produced (seed 003 content JSONB), when there is one.
  content           jsonb,
  created_by        uuid,
  generation_id     uuid,
  note              text CHECK (length(note) <= 1000),
  -- The revision this one was restored from, for "restored rev N" in the history.
  restored_from     int,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, rev)
);
CREATE INDEX document_revisions_project_idx ON app.document_revisions (project_id, created_at);

-- Numbers a revision under the document's row lock (seed 003 create_document_revision), so concurrent writers get
-- consecutive numbers and never the same one.
CREATE FUNCTION app.number_document_revision() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_current int;
BEGIN
  SELECT d.current_rev INTO v_current FROM app.documents d WHERE d.id = NEW.document_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'document % does not exist', NEW.document_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  NEW.rev := v_current + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER document_revisions_number BEFORE INSERT ON app.document_revisions
  FOR EACH ROW EXECUTE FUNCTION app.number_document_revision();

-- The document shows its latest revision.
CREATE FUNCTION app.apply_document_revision() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE app.documents
  SET current_rev = NEW.rev, content_markdown = NEW.content_markdown, title = NEW.title,
      generation_id = coalesce(NEW.generation_id, generation_id)
  WHERE id = NEW.document_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER document_revisions_apply AFTER INSERT ON app.document_revisions
  FOR EACH ROW EXECUTE FUNCTION app.apply_document_revision();

-- History is never rewritten: UPDATE is refused, and DELETE only when the document itself is gone (the cascade of
-- deleting a project or an organization).
CREATE FUNCTION app.refuse_revision_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM app.documents d WHERE d.id = OLD.document_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'document_revisions is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER document_revisions_append_only BEFORE UPDATE OR DELETE ON app.document_revisions
  FOR EACH ROW EXECUTE FUNCTION app.refuse_revision_change();
CREATE TRIGGER document_revisions_no_truncate BEFORE TRUNCATE ON app.document_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();

-- ---------------------------------------------------------------------------------------------------------------
-- Sections (seed 003 document_sections): each revision split by headings, searched by full text and, where the
-- embedding column is filled, by vector similarity.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.document_sections (
  document_id      uuid NOT NULL REFERENCES app.documents (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL,
  project_id       uuid NOT NULL,
  rev              int NOT NULL,
  block_id         text NOT NULL CHECK (length(block_id) BETWEEN 1 AND 200),
  position         int NOT NULL CHECK (position >= 0),
  heading          text,
  body_md          text NOT NULL,
  search_vector    tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('english', coalesce(heading, '')), 'A') ||
                     setweight(to_tsvector('english', body_md), 'B')) STORED,
  -- Unit-length embedding of heading and body, as a plain array so every PostgreSQL (15 has no pgvector) holds it.
  embedding        real[],
  embedding_model  text,
  PRIMARY KEY (document_id, rev, block_id)
);
CREATE INDEX document_sections_search_idx ON app.document_sections USING gin (search_vector);
CREATE INDEX document_sections_project_idx ON app.document_sections (project_id, document_id, rev);

-- ---------------------------------------------------------------------------------------------------------------
-- The idea pipeline's clarifying questions (BusinessCopilot).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.project_clarifications (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  position         int NOT NULL CHECK (position >= 0),
  question         text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  why              text,
  answer           text CHECK (length(answer) <= 10000),
  skipped          boolean NOT NULL DEFAULT false,
  answered_by      uuid REFERENCES app.users (id) ON DELETE SET NULL,
  answered_at      timestamptz,
  generation_id    uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, position)
);

-- ---------------------------------------------------------------------------------------------------------------
-- latest_documents (seed 003): each document with its latest revision. security_invoker keeps row level security
-- of the caller in force.
-- ---------------------------------------------------------------------------------------------------------------
CREATE VIEW app.latest_documents WITH (security_invoker = true) AS
  SELECT d.id, d.organization_id, d.project_id, d.type, d.status, d.title, d.slug, d.version, d.current_rev,
         r.content_markdown, r.content, r.created_by AS revised_by, r.generation_id, r.created_at AS revised_at
  FROM app.documents d
  JOIN app.document_revisions r ON r.document_id = d.id AND r.rev = d.current_rev;

-- ---------------------------------------------------------------------------------------------------------------
-- Row level security: members read; editors write; history is insert-only.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE app.project_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.project_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY project_versions_select ON app.project_versions FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY project_versions_insert ON app.project_versions FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));

ALTER TABLE app.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_select ON app.documents FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY documents_insert ON app.documents FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY documents_update ON app.documents FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY documents_delete ON app.documents FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin'));

ALTER TABLE app.document_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.document_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY document_revisions_select ON app.document_revisions FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY document_revisions_insert ON app.document_revisions FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.documents d WHERE d.id = document_id AND d.organization_id = organization_id
                          AND d.project_id = project_id));

ALTER TABLE app.document_sections ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.document_sections FORCE ROW LEVEL SECURITY;
CREATE POLICY document_sections_select ON app.document_sections FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY document_sections_insert ON app.document_sections FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.documents d WHERE d.id = document_id AND d.organization_id = organization_id
                          AND d.project_id = project_id));

ALTER TABLE app.project_clarifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.project_clarifications FORCE ROW LEVEL SECURITY;
CREATE POLICY project_clarifications_select ON app.project_clarifications FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY project_clarifications_insert ON app.project_clarifications FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY project_clarifications_update ON app.project_clarifications FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));

GRANT SELECT, INSERT ON app.project_versions, app.document_revisions, app.document_sections TO atelier_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON app.documents TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON app.project_clarifications TO atelier_app;
GRANT SELECT ON app.latest_documents TO atelier_app;
