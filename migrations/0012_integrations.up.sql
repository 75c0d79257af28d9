-- Integrations (seed 003 `integrations`, issue 17): an organization's links to outside services (GitHub, outgoing
-- webhooks such as Zapier, Google Analytics), the outbox of events that happened, their deliveries to each
-- integration with the log of every attempt, and the GitHub issues stories were pushed to.
CREATE SCHEMA integrations;
GRANT USAGE ON SCHEMA integrations TO atelier_app, atelier_system;

-- One integration. `metadata` is the non-secret configuration (GitHub {baseUrl, owner, repo, projectId}, webhooks
-- {url, events[]}, Google Analytics {propertyId, apiBaseUrl, tokenUrl, projectId?}); `sealed_secrets` is the JSON of
-- the secrets sealed with the server's secret box, opened only to call the service and never returned.
CREATE TABLE integrations.integrations (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  -- Who created it (seed 003's user_id).
  user_id          uuid REFERENCES app.users (id) ON DELETE SET NULL,
  type             text NOT NULL CHECK (type IN ('github', 'zapier', 'webhook', 'google_analytics')),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  metadata         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
  sealed_secrets   text NOT NULL,
  enabled          boolean NOT NULL DEFAULT true,
  last_success_at  timestamptz,
  last_error       text CHECK (last_error IS NULL OR length(last_error) <= 2000),
  last_error_at    timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX integrations_organization_idx ON integrations.integrations (organization_id, created_at DESC, id DESC);
-- What the outbox triggers look up on every change: the organization's enabled integrations.
CREATE INDEX integrations_enabled_idx ON integrations.integrations (organization_id) WHERE enabled;
CREATE TRIGGER integrations_touch BEFORE UPDATE ON integrations.integrations FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- One event that happened, written in the transaction of the change. Its id is what receivers deduplicate on.
CREATE TABLE integrations.outbox (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid REFERENCES app.projects (id) ON DELETE SET NULL,
  type             text NOT NULL CHECK (type IN ('story.created', 'story.moved', 'story.updated', 'sprint.completed',
                                                 'document.published', 'board.decision_made', 'test')),
  payload          jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_organization_idx ON integrations.outbox (organization_id, created_at);

-- One event to one integration. Pending until delivered or given up (failed, after the last attempt).
CREATE TABLE integrations.deliveries (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  integration_id   uuid NOT NULL REFERENCES integrations.integrations (id) ON DELETE CASCADE,
  event_id         uuid NOT NULL REFERENCES integrations.outbox (id) ON DELETE CASCADE,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_status_code int,
  last_error       text CHECK (last_error IS NULL OR length(last_error) <= 2000),
  created_at       timestamptz NOT NULL DEFAULT now(),
  delivered_at     timestamptz,
  UNIQUE (integration_id, event_id)
);
CREATE INDEX deliveries_due_idx ON integrations.deliveries (organization_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_integration_idx ON integrations.deliveries (integration_id, created_at DESC, id DESC);
CREATE INDEX deliveries_event_idx ON integrations.deliveries (event_id);

-- The delivery log: every attempt with the receiver's status code, or why no answer came.
CREATE TABLE integrations.delivery_attempts (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  delivery_id      uuid NOT NULL REFERENCES integrations.deliveries (id) ON DELETE CASCADE,
  attempt          int NOT NULL CHECK (attempt >= 1),
  status_code      int,
  error            text CHECK (error IS NULL OR length(error) <= 2000),
  duration_ms      int NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
  attempted_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (delivery_id, attempt)
);
CREATE INDEX delivery_attempts_organization_idx ON integrations.delivery_attempts (organization_id);

-- A story pushed to a GitHub issue: pushed once, then kept in step.
CREATE TABLE integrations.github_links (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  integration_id   uuid NOT NULL REFERENCES integrations.integrations (id) ON DELETE CASCADE,
  story_id         uuid NOT NULL REFERENCES app.stories (id) ON DELETE CASCADE,
  issue_number     int NOT NULL CHECK (issue_number >= 1),
  issue_url        text NOT NULL CHECK (length(issue_url) <= 2000),
  -- Hash of the last pushed title, body and labels: an unchanged story is not pushed again.
  pushed_hash      text NOT NULL,
  remote_state     text NOT NULL DEFAULT 'open' CHECK (remote_state IN ('open', 'closed')),
  sync_state       text NOT NULL DEFAULT 'synced' CHECK (sync_state IN ('synced', 'pending', 'error')),
  last_error       text CHECK (last_error IS NULL OR length(last_error) <= 2000),
  last_synced_at   timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (integration_id, story_id),
  UNIQUE (integration_id, issue_number)
);
CREATE INDEX github_links_story_idx ON integrations.github_links (story_id);
CREATE INDEX github_links_organization_idx ON integrations.github_links (organization_id);

-- ---------------------------------------------------------------------------------------------------------------
-- The outbox triggers. A change of a story, sprint, document or board session that an enabled integration of the
-- organization wants is written to the outbox, with one delivery per integration that wants it and a queued
-- `integrations.deliver` job, all in the transaction of the change: a change that commits is never lost, one that
-- rolls back sends nothing. Without an integration wanting the event, the cost is one indexed EXISTS.
-- SECURITY DEFINER (owned by atelier_system): the acting user need not see integrations or jobs.
-- ---------------------------------------------------------------------------------------------------------------

-- Whether an enabled integration wants an event: webhooks the types they chose; GitHub the changes of stories
-- (its handler keeps linked issues in step), of its project when it names one.
CREATE FUNCTION integrations.wants_event(p_type text, p_metadata jsonb, p_event text, p_project uuid) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_type IN ('webhook', 'zapier') THEN coalesce(p_metadata -> 'events' ? p_event, false)
    WHEN p_type = 'github' THEN p_event IN ('story.created', 'story.updated', 'story.moved')
                                AND (p_metadata ->> 'projectId' IS NULL OR p_metadata ->> 'projectId' = p_project::text)
    ELSE false
  END
$$;

CREATE FUNCTION integrations.emit_event(p_organization uuid, p_project uuid, p_type text, p_payload jsonb) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_event uuid;
  v_creator uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM integrations.integrations i
                 WHERE i.organization_id = p_organization AND i.enabled
                   AND integrations.wants_event(i.type, i.metadata, p_type, p_project)) THEN
    RETURN NULL;
  END IF;
  v_event := gen_random_uuid();
  INSERT INTO integrations.outbox (id, organization_id, project_id, type, payload)
    VALUES (v_event, p_organization, p_project, p_type,
            jsonb_build_object('id', v_event, 'type', p_type, 'organizationId', p_organization, 'projectId', p_project,
                               'createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', p_payload));
  INSERT INTO integrations.deliveries (id, organization_id, integration_id, event_id)
    SELECT gen_random_uuid(), p_organization, i.id, v_event FROM integrations.integrations i
    WHERE i.organization_id = p_organization AND i.enabled AND integrations.wants_event(i.type, i.metadata, p_type, p_project);
  -- The delivery job runs with a member's rights: the acting user when a member, else an integration's creator.
  SELECT m.user_id INTO v_creator FROM app.organization_members m
    WHERE m.organization_id = p_organization AND m.user_id = app.current_user_id();
  IF v_creator IS NULL THEN
    SELECT m.user_id INTO v_creator FROM app.organization_members m
      JOIN integrations.integrations i ON i.user_id = m.user_id AND i.organization_id = m.organization_id
      WHERE m.organization_id = p_organization ORDER BY app.role_rank(m.role) DESC LIMIT 1;
  END IF;
  IF v_creator IS NULL THEN
    SELECT m.user_id INTO v_creator FROM app.organization_members m
      WHERE m.organization_id = p_organization ORDER BY app.role_rank(m.role) DESC, m.user_id LIMIT 1;
  END IF;
  IF v_creator IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM app.jobs j WHERE j.organization_id = p_organization AND j.type = 'integrations.deliver'
                               AND j.status = 'queued' AND j.run_at <= now()) THEN
    INSERT INTO app.jobs (id, organization_id, created_by, type, payload, max_attempts)
      VALUES (gen_random_uuid(), p_organization, v_creator, 'integrations.deliver', '{}', 5);
  END IF;
  RETURN v_event;
END
$$;

CREATE FUNCTION integrations.story_event(s app.stories) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
  SELECT jsonb_build_object('story', jsonb_build_object(
    'id', s.id, 'projectId', s.project_id, 'number', s.number, 'title', s.title, 'description', s.description,
    'acceptanceCriteria', s.acceptance_criteria, 'priority', s.priority, 'status', s.status,
    'storyPoints', s.story_points, 'sprintId', s.sprint_id, 'epicId', s.epic_id, 'assigneeId', s.assignee_id,
    'rank', s.rank))
$$;

CREATE FUNCTION integrations.on_story_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM integrations.emit_event(NEW.organization_id, NEW.project_id, 'story.created', integrations.story_event(NEW));
    RETURN NULL;
  END IF;
  IF OLD.status IS DISTINCT FROM NEW.status OR OLD.sprint_id IS DISTINCT FROM NEW.sprint_id OR OLD.rank IS DISTINCT FROM NEW.rank THEN
    PERFORM integrations.emit_event(NEW.organization_id, NEW.project_id, 'story.moved',
      integrations.story_event(NEW) || jsonb_build_object('from', jsonb_build_object('status', OLD.status, 'sprintId', OLD.sprint_id, 'rank', OLD.rank)));
  END IF;
  IF OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
     OR OLD.acceptance_criteria IS DISTINCT FROM NEW.acceptance_criteria OR OLD.priority IS DISTINCT FROM NEW.priority THEN
    PERFORM integrations.emit_event(NEW.organization_id, NEW.project_id, 'story.updated', integrations.story_event(NEW));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER stories_outbox AFTER INSERT OR UPDATE ON app.stories
  FOR EACH ROW EXECUTE FUNCTION integrations.on_story_change();

CREATE FUNCTION integrations.on_sprint_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.status = 'completed' AND OLD.status IS DISTINCT FROM 'completed' THEN
    PERFORM integrations.emit_event(NEW.organization_id, NEW.project_id, 'sprint.completed', jsonb_build_object('sprint', jsonb_build_object(
      'id', NEW.id, 'projectId', NEW.project_id, 'name', NEW.name, 'goal', NEW.goal, 'startDate', NEW.start_date,
      'endDate', NEW.end_date, 'velocity', NEW.velocity, 'committedPoints', NEW.committed_points, 'completedAt', NEW.completed_at)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER sprints_outbox AFTER UPDATE ON app.sprints
  FOR EACH ROW EXECUTE FUNCTION integrations.on_sprint_change();

CREATE FUNCTION integrations.on_document_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.status = 'published' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'published') THEN
    PERFORM integrations.emit_event(NEW.organization_id, NEW.project_id, 'document.published', jsonb_build_object('document', jsonb_build_object(
      'id', NEW.id, 'projectId', NEW.project_id, 'type', NEW.type, 'title', NEW.title, 'slug', NEW.slug,
      'version', NEW.version, 'publishedAt', NEW.published_at)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER documents_outbox AFTER INSERT OR UPDATE ON app.documents
  FOR EACH ROW EXECUTE FUNCTION integrations.on_document_change();

CREATE FUNCTION integrations.on_board_session_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.status = 'completed' AND NEW.decision IS NOT NULL AND OLD.status IS DISTINCT FROM 'completed' THEN
    PERFORM integrations.emit_event(NEW.organization_id, NEW.project_id, 'board.decision_made', jsonb_build_object('session', jsonb_build_object(
      'id', NEW.id, 'projectId', NEW.project_id, 'problemStatement', NEW.problem_statement, 'decision', NEW.decision,
      'stopReason', NEW.stop_reason, 'completedAt', NEW.completed_at)));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER sessions_outbox AFTER UPDATE ON board.sessions
  FOR EACH ROW EXECUTE FUNCTION integrations.on_board_session_change();

-- A role may own functions only in a schema it can create in (checked when the migrating role is no superuser).
GRANT CREATE ON SCHEMA integrations TO atelier_system;
-- The triggers write events, deliveries and jobs; the delivery job (system machinery, like the job runner) records
-- attempts and keeps integrations' last success and error.
GRANT SELECT, INSERT ON integrations.outbox, integrations.delivery_attempts TO atelier_system;
GRANT SELECT, INSERT, UPDATE ON integrations.deliveries, integrations.github_links TO atelier_system;
GRANT SELECT, UPDATE ON integrations.integrations TO atelier_system;
GRANT INSERT ON app.jobs TO atelier_system;
ALTER FUNCTION integrations.emit_event(uuid, uuid, text, jsonb) OWNER TO atelier_system;
ALTER FUNCTION integrations.on_story_change() OWNER TO atelier_system;
ALTER FUNCTION integrations.on_sprint_change() OWNER TO atelier_system;
ALTER FUNCTION integrations.on_document_change() OWNER TO atelier_system;
ALTER FUNCTION integrations.on_board_session_change() OWNER TO atelier_system;
REVOKE EXECUTE ON FUNCTION integrations.emit_event(uuid, uuid, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION integrations.emit_event(uuid, uuid, text, jsonb) TO atelier_system;

-- ---------------------------------------------------------------------------------------------------------------
-- Row level security: members read integrations, deliveries and links (never the sealed secrets: the API leaves
-- them out); admins add, change and remove integrations and send test events; editors push stories to GitHub.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE integrations.integrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE integrations.integrations FORCE ROW LEVEL SECURITY;
CREATE POLICY integrations_select ON integrations.integrations FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY integrations_insert ON integrations.integrations FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'admin'));
CREATE POLICY integrations_update ON integrations.integrations FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin')) WITH CHECK (app.has_org_role(organization_id, 'admin'));
CREATE POLICY integrations_delete ON integrations.integrations FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin'));

ALTER TABLE integrations.outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE integrations.outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_select ON integrations.outbox FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY outbox_insert ON integrations.outbox FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'admin'));

ALTER TABLE integrations.deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE integrations.deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY deliveries_select ON integrations.deliveries FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY deliveries_insert ON integrations.deliveries FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'admin')
              AND EXISTS (SELECT 1 FROM integrations.integrations i WHERE i.id = integration_id AND i.organization_id = organization_id));
CREATE POLICY deliveries_update ON integrations.deliveries FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin')) WITH CHECK (app.has_org_role(organization_id, 'admin'));

ALTER TABLE integrations.delivery_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE integrations.delivery_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY delivery_attempts_select ON integrations.delivery_attempts FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY delivery_attempts_insert ON integrations.delivery_attempts FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'admin'));

ALTER TABLE integrations.github_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE integrations.github_links FORCE ROW LEVEL SECURITY;
CREATE POLICY github_links_select ON integrations.github_links FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY github_links_insert ON integrations.github_links FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM integrations.integrations i WHERE i.id = integration_id AND i.organization_id = organization_id));
CREATE POLICY github_links_update ON integrations.github_links FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY github_links_delete ON integrations.github_links FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

GRANT SELECT, INSERT, UPDATE, DELETE ON integrations.integrations, integrations.github_links TO atelier_app;
GRANT SELECT, INSERT ON integrations.outbox, integrations.delivery_attempts TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON integrations.deliveries TO atelier_app;
