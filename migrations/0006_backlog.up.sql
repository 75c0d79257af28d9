-- The backlog: epics, stories with human keys, sprints, phase tasks (seeds 004 and 003), and the append-only history
-- that burndown and velocity are computed from.

-- Per-project counters for human keys. A story takes its number under this row's lock in the same transaction
-- as its insert (ON CONFLICT DO UPDATE locks the row), so concurrent creates get distinct, consecutive numbers; the
-- unique constraints below are the guarantee if anything ever bypasses the trigger.
CREATE TABLE app.backlog_counters (
  project_id         uuid PRIMARY KEY REFERENCES app.projects (id) ON DELETE CASCADE,
  organization_id    uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  last_story_number  int NOT NULL DEFAULT 0 CHECK (last_story_number >= 0),
  last_epic_number   int NOT NULL DEFAULT 0 CHECK (last_epic_number >= 0)
);

CREATE TABLE app.epics (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  -- Shown as <PROJECT KEY>-E<number>; numbered apart from stories so a project's first stories are KEY-1, KEY-2, …
  number           int NOT NULL CHECK (number >= 1),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  description      text NOT NULL DEFAULT '' CHECK (length(description) <= 100000),
  status           text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
  owner_id         uuid REFERENCES app.users (id) ON DELETE SET NULL,
  target_date      date,
  -- Fractional index: ordering by rank (C collation) is the epic order; a move writes one row.
  rank             text COLLATE "C" NOT NULL CHECK (length(rank) BETWEEN 1 AND 200),
  creator_id       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, number)
);
CREATE INDEX epics_project_rank_idx ON app.epics (project_id, rank, id);
CREATE TRIGGER epics_touch BEFORE UPDATE ON app.epics FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE app.sprints (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  goal             text NOT NULL DEFAULT '' CHECK (length(goal) <= 10000),
  start_date       date,
  end_date         date,
  status           text NOT NULL DEFAULT 'planning' CHECK (status IN ('planning', 'active', 'completed')),
  -- Points done when the sprint was completed (seed 004); null until then.
  velocity         int CHECK (velocity >= 0),
  -- Points in the sprint when it was started: "committed" in the velocity chart.
  committed_points int CHECK (committed_points >= 0),
  started_at       timestamptz,
  completed_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CHECK (status <> 'active' OR (start_date IS NOT NULL AND end_date IS NOT NULL AND started_at IS NOT NULL)),
  CHECK (status <> 'completed' OR (completed_at IS NOT NULL AND velocity IS NOT NULL))
);
CREATE INDEX sprints_project_idx ON app.sprints (project_id, created_at, id);
-- One active sprint per project.
CREATE UNIQUE INDEX sprints_one_active_idx ON app.sprints (project_id) WHERE status = 'active';
CREATE TRIGGER sprints_touch BEFORE UPDATE ON app.sprints FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE app.stories (
  id                   uuid PRIMARY KEY,
  organization_id      uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id           uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  -- Assigned by the database (trigger) from app.backlog_counters; inserts pass 0. Shown as <PROJECT KEY>-<number>.
  number               int NOT NULL CHECK (number >= 0),
  epic_id              uuid REFERENCES app.epics (id) ON DELETE SET NULL,
  sprint_id            uuid REFERENCES app.sprints (id) ON DELETE SET NULL,
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  description          text NOT NULL DEFAULT '' CHECK (length(description) <= 100000),
  acceptance_criteria  text NOT NULL DEFAULT '' CHECK (length(acceptance_criteria) <= 100000),
  story_points         int CHECK (story_points BETWEEN 0 AND 100),
  priority             text NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
  status               text NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
  assignee_id          uuid REFERENCES app.users (id) ON DELETE SET NULL,
  creator_id           uuid REFERENCES app.users (id) ON DELETE SET NULL,
  -- Fractional index: one order for the backlog and every board column (a column is the backlog filtered by status).
  rank                 text COLLATE "C" NOT NULL CHECK (length(rank) BETWEEN 1 AND 200),
  -- Bumped on every update: PATCH with a stale baseRev answers 409.
  rev                  int NOT NULL DEFAULT 1 CHECK (rev >= 1),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT stories_project_number_key UNIQUE (project_id, number)
);
CREATE INDEX stories_project_rank_idx ON app.stories (project_id, rank, id);
CREATE INDEX stories_sprint_idx ON app.stories (sprint_id, status, rank) WHERE sprint_id IS NOT NULL;
CREATE INDEX stories_epic_idx ON app.stories (epic_id) WHERE epic_id IS NOT NULL;
CREATE INDEX stories_assignee_idx ON app.stories (assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX stories_status_idx ON app.stories (project_id, status, rank, id);

CREATE FUNCTION app.number_story() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO app.backlog_counters AS c (project_id, organization_id, last_story_number)
    VALUES (NEW.project_id, NEW.organization_id, 1)
    ON CONFLICT (project_id) DO UPDATE SET last_story_number = c.last_story_number + 1
    RETURNING c.last_story_number INTO NEW.number;
  RETURN NEW;
END
$$;
CREATE TRIGGER stories_number BEFORE INSERT ON app.stories FOR EACH ROW EXECUTE FUNCTION app.number_story();

CREATE FUNCTION app.number_epic() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO app.backlog_counters AS c (project_id, organization_id, last_epic_number)
    VALUES (NEW.project_id, NEW.organization_id, 1)
    ON CONFLICT (project_id) DO UPDATE SET last_epic_number = c.last_epic_number + 1
    RETURNING c.last_epic_number INTO NEW.number;
  RETURN NEW;
END
$$;
CREATE TRIGGER epics_number BEFORE INSERT ON app.epics FOR EACH ROW EXECUTE FUNCTION app.number_epic();

CREATE FUNCTION app.touch_story() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  NEW.rev := OLD.rev + 1;
  NEW.number := OLD.number;
  RETURN NEW;
END
$$;
CREATE TRIGGER stories_touch BEFORE UPDATE ON app.stories FOR EACH ROW EXECUTE FUNCTION app.touch_story();

CREATE TABLE app.story_relations (
  organization_id   uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id        uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  story_id          uuid NOT NULL REFERENCES app.stories (id) ON DELETE CASCADE,
  related_story_id  uuid NOT NULL REFERENCES app.stories (id) ON DELETE CASCADE,
  -- "story blocks related", "story relates to related", "story duplicates related".
  kind              text NOT NULL CHECK (kind IN ('blocks', 'relates_to', 'duplicates')),
  created_by        uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (story_id, related_story_id, kind),
  CHECK (story_id <> related_story_id)
);
CREATE INDEX story_relations_related_idx ON app.story_relations (related_story_id);

-- History from day one: every change of a story's tracked fields is a row, written by a trigger so no code path can
-- skip it. story_id carries no foreign key on purpose: a deleted story's history stays, so a burndown that counted it
-- can still be rebuilt. `from_value`/`to_value` are JSON scalars (null for "none"); a `created` row's to_value holds
-- every tracked field, a `deleted` row's from_value likewise.
CREATE TABLE app.story_activity (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  story_id         uuid NOT NULL,
  actor_id         uuid,
  field            text NOT NULL CHECK (field IN ('created', 'deleted', 'status', 'story_points', 'sprint_id',
                                                  'assignee_id', 'epic_id', 'priority', 'title')),
  from_value       jsonb,
  to_value         jsonb,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX story_activity_story_idx ON app.story_activity (story_id, id);
CREATE INDEX story_activity_project_idx ON app.story_activity (project_id, created_at, id);

CREATE FUNCTION app.story_tracked_fields(s app.stories) RETURNS jsonb
LANGUAGE sql IMMUTABLE
AS $$
  SELECT jsonb_build_object('status', s.status, 'story_points', s.story_points, 'sprint_id', s.sprint_id,
                            'assignee_id', s.assignee_id, 'epic_id', s.epic_id, 'priority', s.priority, 'title', s.title)
$$;

CREATE FUNCTION app.record_story_activity() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_actor uuid := app.current_user_id();
  v_old jsonb;
  v_new jsonb;
  v_field text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO app.story_activity (organization_id, project_id, story_id, actor_id, field, to_value)
      VALUES (NEW.organization_id, NEW.project_id, NEW.id, v_actor, 'created', app.story_tracked_fields(NEW));
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    -- A project being deleted takes its history with it (the cascade); a story deleted alone leaves its trace.
    IF EXISTS (SELECT 1 FROM app.projects p WHERE p.id = OLD.project_id) THEN
      INSERT INTO app.story_activity (organization_id, project_id, story_id, actor_id, field, from_value)
        VALUES (OLD.organization_id, OLD.project_id, OLD.id, v_actor, 'deleted', app.story_tracked_fields(OLD));
    END IF;
    RETURN NULL;
  END IF;
  v_old := app.story_tracked_fields(OLD);
  v_new := app.story_tracked_fields(NEW);
  FOREACH v_field IN ARRAY ARRAY['status', 'story_points', 'sprint_id', 'assignee_id', 'epic_id', 'priority', 'title'] LOOP
    IF v_old -> v_field IS DISTINCT FROM v_new -> v_field THEN
      INSERT INTO app.story_activity (organization_id, project_id, story_id, actor_id, field, from_value, to_value)
        VALUES (NEW.organization_id, NEW.project_id, NEW.id, v_actor, v_field, v_old -> v_field, v_new -> v_field);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
CREATE TRIGGER stories_activity AFTER INSERT OR UPDATE OR DELETE ON app.stories
  FOR EACH ROW EXECUTE FUNCTION app.record_story_activity();

-- History is never rewritten: UPDATE is refused, DELETE only when the project itself is gone.
CREATE FUNCTION app.refuse_backlog_history_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM app.projects p WHERE p.id = OLD.project_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER story_activity_append_only BEFORE UPDATE OR DELETE ON app.story_activity
  FOR EACH ROW EXECUTE FUNCTION app.refuse_backlog_history_change();
CREATE TRIGGER story_activity_no_truncate BEFORE TRUNCATE ON app.story_activity
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();

-- Seed 003: a project's plan in phases; a task may sit under a story. Whether a task is done is its latest
-- task_activity row (complete or reopen); completed_at mirrors it for listing.
CREATE TABLE app.tasks (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  story_id         uuid REFERENCES app.stories (id) ON DELETE SET NULL,
  phase            int NOT NULL DEFAULT 1 CHECK (phase BETWEEN 1 AND 100),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  description      text NOT NULL DEFAULT '' CHECK (length(description) <= 100000),
  position         int NOT NULL DEFAULT 0,
  completed_at     timestamptz,
  creator_id       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  -- The generation (idea pipeline) that planned the task, if any.
  generation_id    uuid,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_project_phase_idx ON app.tasks (project_id, phase, position, id);
CREATE INDEX tasks_story_idx ON app.tasks (story_id) WHERE story_id IS NOT NULL;
CREATE TRIGGER tasks_touch BEFORE UPDATE ON app.tasks FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE app.task_activity (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid NOT NULL REFERENCES app.projects (id) ON DELETE CASCADE,
  task_id          uuid NOT NULL REFERENCES app.tasks (id) ON DELETE CASCADE,
  user_id          uuid,
  action           text NOT NULL CHECK (action IN ('complete', 'reopen')),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_activity_task_idx ON app.task_activity (task_id, id);

CREATE FUNCTION app.apply_task_activity() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE app.tasks SET completed_at = CASE WHEN NEW.action = 'complete' THEN NEW.created_at END WHERE id = NEW.task_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER task_activity_apply AFTER INSERT ON app.task_activity FOR EACH ROW EXECUTE FUNCTION app.apply_task_activity();

CREATE FUNCTION app.refuse_task_activity_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM app.tasks t WHERE t.id = OLD.task_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'task_activity is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER task_activity_append_only BEFORE UPDATE OR DELETE ON app.task_activity
  FOR EACH ROW EXECUTE FUNCTION app.refuse_task_activity_change();
CREATE TRIGGER task_activity_no_truncate BEFORE TRUNCATE ON app.task_activity
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();

-- Row level security: members read; editors write; history is insert-only (and written by triggers).
ALTER TABLE app.backlog_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.backlog_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY backlog_counters_select ON app.backlog_counters FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY backlog_counters_insert ON app.backlog_counters FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY backlog_counters_update ON app.backlog_counters FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.epics ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.epics FORCE ROW LEVEL SECURITY;
CREATE POLICY epics_select ON app.epics FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY epics_insert ON app.epics FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY epics_update ON app.epics FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY epics_delete ON app.epics FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.sprints ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.sprints FORCE ROW LEVEL SECURITY;
CREATE POLICY sprints_select ON app.sprints FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY sprints_insert ON app.sprints FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY sprints_update ON app.sprints FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY sprints_delete ON app.sprints FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

-- A story's epic and sprint must be of its own project: checked in the policy, so no code path can cross projects.
ALTER TABLE app.stories ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.stories FORCE ROW LEVEL SECURITY;
CREATE POLICY stories_select ON app.stories FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY stories_insert ON app.stories FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id)
              AND (epic_id IS NULL OR EXISTS (SELECT 1 FROM app.epics e WHERE e.id = epic_id AND e.project_id = project_id))
              AND (sprint_id IS NULL OR EXISTS (SELECT 1 FROM app.sprints s WHERE s.id = sprint_id AND s.project_id = project_id)));
CREATE POLICY stories_update ON app.stories FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'))
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND (epic_id IS NULL OR EXISTS (SELECT 1 FROM app.epics e WHERE e.id = epic_id AND e.project_id = project_id))
              AND (sprint_id IS NULL OR EXISTS (SELECT 1 FROM app.sprints s WHERE s.id = sprint_id AND s.project_id = project_id)));
CREATE POLICY stories_delete ON app.stories FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.story_relations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.story_relations FORCE ROW LEVEL SECURITY;
CREATE POLICY story_relations_select ON app.story_relations FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY story_relations_insert ON app.story_relations FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.stories s WHERE s.id = story_id AND s.project_id = project_id
                          AND s.organization_id = organization_id)
              AND EXISTS (SELECT 1 FROM app.stories s WHERE s.id = related_story_id AND s.project_id = project_id));
CREATE POLICY story_relations_delete ON app.story_relations FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.story_activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.story_activity FORCE ROW LEVEL SECURITY;
CREATE POLICY story_activity_select ON app.story_activity FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY story_activity_insert ON app.story_activity FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));

ALTER TABLE app.tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_select ON app.tasks FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY tasks_insert ON app.tasks FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id)
              AND (story_id IS NULL OR EXISTS (SELECT 1 FROM app.stories s WHERE s.id = story_id AND s.project_id = project_id)));
CREATE POLICY tasks_update ON app.tasks FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'))
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND (story_id IS NULL OR EXISTS (SELECT 1 FROM app.stories s WHERE s.id = story_id AND s.project_id = project_id)));
CREATE POLICY tasks_delete ON app.tasks FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.task_activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.task_activity FORCE ROW LEVEL SECURITY;
CREATE POLICY task_activity_select ON app.task_activity FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY task_activity_insert ON app.task_activity FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.tasks t WHERE t.id = task_id AND t.project_id = project_id
                          AND t.organization_id = organization_id));

GRANT SELECT, INSERT, UPDATE ON app.backlog_counters TO atelier_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON app.epics, app.sprints, app.stories, app.tasks TO atelier_app;
GRANT SELECT, INSERT, DELETE ON app.story_relations TO atelier_app;
GRANT SELECT, INSERT ON app.story_activity, app.task_activity TO atelier_app;
