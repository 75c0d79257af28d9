-- The BA Copilot workspace (seed 000, with seed 003's chat): Mermaid diagrams with their revisions, HTML/CSS
-- wireframes, and project conversations with their messages (seed 000 conversations/messages are seed 003
-- chat_sessions/chat_messages).

-- ---------------------------------------------------------------------------------------------------------------
-- Diagrams: the latest state of each diagram; every save is an append-only revision below.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.diagrams (
  id                  uuid PRIMARY KEY,
  organization_id     uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id          uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  diagram_type        text NOT NULL CHECK (diagram_type IN ('sequence', 'architecture', 'usecase', 'flowchart', 'class',
                        'activity', 'er', 'state', 'gantt')),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  description         text CHECK (length(description) <= 5000),
  -- Kept by the revision trigger from the latest revision; always text Mermaid's parser accepted.
  mermaid_code        text NOT NULL DEFAULT '' CHECK (length(mermaid_code) <= 100000),
  image_url           text CHECK (length(image_url) <= 1024),
  options             jsonb NOT NULL DEFAULT '{}',
  current_rev         int NOT NULL DEFAULT 0 CHECK (current_rev >= 0),
  -- The document the diagram was derived from, when it was.
  source_document_id  uuid REFERENCES app.documents (id) ON DELETE SET NULL,
  creator_id          uuid REFERENCES app.users (id) ON DELETE SET NULL,
  generation_id       uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  search_vector       tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
                        setweight(to_tsvector('english', mermaid_code), 'C')) STORED,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diagrams_project_created_idx ON app.diagrams (project_id, created_at, id);
CREATE INDEX diagrams_project_type_idx ON app.diagrams (project_id, diagram_type);
CREATE INDEX diagrams_project_title_idx ON app.diagrams (project_id, title);
CREATE INDEX diagrams_search_idx ON app.diagrams USING gin (search_vector);
CREATE TRIGGER diagrams_touch BEFORE UPDATE ON app.diagrams FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- created_by and generation_id carry no foreign key on purpose: the history outlives what it names.
CREATE TABLE app.diagram_revisions (
  diagram_id       uuid NOT NULL REFERENCES app.diagrams (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL,
  project_id       uuid NOT NULL,
  rev              int NOT NULL CHECK (rev >= 1),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  description      text CHECK (length(description) <= 5000),
  mermaid_code     text NOT NULL CHECK (length(mermaid_code) <= 100000),
  options          jsonb NOT NULL DEFAULT '{}',
  created_by       uuid,
  generation_id    uuid,
  note             text CHECK (length(note) <= 1000),
  restored_from    int,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (diagram_id, rev)
);

-- Numbers a revision under the diagram's row lock, so concurrent saves get consecutive numbers.
CREATE FUNCTION app.number_diagram_revision() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_current int;
BEGIN
  SELECT d.current_rev INTO v_current FROM app.diagrams d WHERE d.id = NEW.diagram_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'diagram % does not exist', NEW.diagram_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  NEW.rev := v_current + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER diagram_revisions_number BEFORE INSERT ON app.diagram_revisions
  FOR EACH ROW EXECUTE FUNCTION app.number_diagram_revision();

-- The diagram shows its latest revision.
CREATE FUNCTION app.apply_diagram_revision() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE app.diagrams
  SET current_rev = NEW.rev, title = NEW.title, description = NEW.description, mermaid_code = NEW.mermaid_code,
      options = NEW.options, generation_id = coalesce(NEW.generation_id, generation_id)
  WHERE id = NEW.diagram_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER diagram_revisions_apply AFTER INSERT ON app.diagram_revisions
  FOR EACH ROW EXECUTE FUNCTION app.apply_diagram_revision();

-- History is never rewritten: UPDATE is refused, DELETE only when the diagram itself is gone.
CREATE FUNCTION app.refuse_diagram_revision_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM app.diagrams d WHERE d.id = OLD.diagram_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'diagram_revisions is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER diagram_revisions_append_only BEFORE UPDATE OR DELETE ON app.diagram_revisions
  FOR EACH ROW EXECUTE FUNCTION app.refuse_diagram_revision_change();
CREATE TRIGGER diagram_revisions_no_truncate BEFORE TRUNCATE ON app.diagram_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();

-- ---------------------------------------------------------------------------------------------------------------
-- Wireframes: one screen each, HTML sanitized on save plus its CSS.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.wireframes (
  id                  uuid PRIMARY KEY,
  organization_id     uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id          uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  description         text CHECK (length(description) <= 5000),
  html_content        text NOT NULL CHECK (length(html_content) <= 500000),
  css_content         text CHECK (length(css_content) <= 200000),
  template_type       text CHECK (template_type IN ('list', 'detail', 'form', 'dashboard', 'auth', 'custom')),
  metadata            jsonb NOT NULL DEFAULT '{}',
  source_document_id  uuid REFERENCES app.documents (id) ON DELETE SET NULL,
  creator_id          uuid REFERENCES app.users (id) ON DELETE SET NULL,
  generation_id       uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  search_vector       tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
                        setweight(to_tsvector('english', regexp_replace(html_content, '<[^>]*>', ' ', 'g')), 'C')) STORED,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wireframes_project_created_idx ON app.wireframes (project_id, created_at, id);
CREATE INDEX wireframes_project_title_idx ON app.wireframes (project_id, title);
CREATE INDEX wireframes_project_template_idx ON app.wireframes (project_id, template_type);
CREATE INDEX wireframes_search_idx ON app.wireframes USING gin (search_vector);
CREATE TRIGGER wireframes_touch BEFORE UPDATE ON app.wireframes FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Conversations (seed 000 conversations = seed 003 chat_sessions) and their messages (messages = chat_messages).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.conversations (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  metadata         jsonb NOT NULL DEFAULT '{}',
  creator_id       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  -- Moved by every new message, so the list can show the most recently active conversations first.
  last_message_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_project_created_idx ON app.conversations (project_id, created_at, id);
-- The list's order: most recent activity first (the expression the list sorts and pages by).
CREATE INDEX conversations_project_activity_idx ON app.conversations (project_id, (coalesce(last_message_at, created_at)) DESC, id DESC);
CREATE INDEX conversations_project_title_idx ON app.conversations (project_id, title);
CREATE TRIGGER conversations_touch BEFORE UPDATE ON app.conversations FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE app.messages (
  id               uuid PRIMARY KEY,
  conversation_id  uuid NOT NULL REFERENCES app.conversations (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL,
  project_id       uuid NOT NULL,
  role             text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
  content          text NOT NULL CHECK (length(content) <= 200000),
  -- complete: as written or fully streamed; streaming: being written now (a crash leaves what was flushed);
  -- interrupted: the client left or the model failed, content is what arrived; failed: a user message that was
  -- never answered (e.g. no credits left).
  status           text NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'streaming', 'interrupted', 'failed')),
  metadata         jsonb NOT NULL DEFAULT '{}',
  token_count      int CHECK (token_count >= 0),
  author_id        uuid REFERENCES app.users (id) ON DELETE SET NULL,
  generation_id    uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_created_idx ON app.messages (conversation_id, created_at, id);
CREATE INDEX messages_conversation_role_idx ON app.messages (conversation_id, role);

-- A message moves its conversation up the list.
CREATE FUNCTION app.touch_conversation() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE app.conversations SET last_message_at = NEW.created_at
  WHERE id = NEW.conversation_id AND (last_message_at IS NULL OR last_message_at < NEW.created_at);
  RETURN NULL;
END
$$;
CREATE TRIGGER messages_touch_conversation AFTER INSERT ON app.messages
  FOR EACH ROW EXECUTE FUNCTION app.touch_conversation();

-- ---------------------------------------------------------------------------------------------------------------
-- Row level security: members read; editors write and delete; diagram history is insert-only.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE app.diagrams ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.diagrams FORCE ROW LEVEL SECURITY;
CREATE POLICY diagrams_select ON app.diagrams FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY diagrams_insert ON app.diagrams FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY diagrams_update ON app.diagrams FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY diagrams_delete ON app.diagrams FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.diagram_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.diagram_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY diagram_revisions_select ON app.diagram_revisions FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY diagram_revisions_insert ON app.diagram_revisions FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.diagrams d WHERE d.id = diagram_id AND d.organization_id = organization_id
                          AND d.project_id = project_id));

ALTER TABLE app.wireframes ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.wireframes FORCE ROW LEVEL SECURITY;
CREATE POLICY wireframes_select ON app.wireframes FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY wireframes_insert ON app.wireframes FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY wireframes_update ON app.wireframes FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY wireframes_delete ON app.wireframes FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.conversations FORCE ROW LEVEL SECURITY;
CREATE POLICY conversations_select ON app.conversations FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY conversations_insert ON app.conversations FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY conversations_update ON app.conversations FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY conversations_delete ON app.conversations FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.messages FORCE ROW LEVEL SECURITY;
CREATE POLICY messages_select ON app.messages FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY messages_insert ON app.messages FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.conversations c WHERE c.id = conversation_id
                          AND c.organization_id = organization_id AND c.project_id = project_id));
-- Only a message being streamed is written again (its text as it arrives, then its final status).
CREATE POLICY messages_update ON app.messages FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor') AND status IN ('streaming', 'complete'))
  WITH CHECK (app.has_org_role(organization_id, 'editor'));

GRANT SELECT, INSERT, UPDATE, DELETE ON app.diagrams, app.wireframes, app.conversations TO atelier_app;
GRANT SELECT, INSERT ON app.diagram_revisions TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON app.messages TO atelier_app;
