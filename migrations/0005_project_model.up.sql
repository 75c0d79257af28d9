-- The project model: what was understood of a project (actors, entities, use cases, rules, metrics, constraints),
-- one current model per project with its full, append-only revision history. Seed 003's project_versions is the
-- "snapshot of meta fields each time user adds detail or agent rewrites structure": a model revision records the
-- project version it was built for.

CREATE TABLE app.project_models (
  project_id       uuid PRIMARY KEY REFERENCES app.projects (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  current_rev      int NOT NULL DEFAULT 0 CHECK (current_rev >= 0),
  model            jsonb NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_models_organization_idx ON app.project_models (organization_id);

CREATE TABLE app.project_model_revisions (
  project_id       uuid NOT NULL REFERENCES app.project_models (project_id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL,
  rev              int NOT NULL CHECK (rev >= 1),
  model            jsonb NOT NULL CHECK (jsonb_typeof(model) = 'object' AND pg_column_size(model) <= 1000000),
  -- The project version the model was built for (seed 003 project_versions), when it was built for one.
  version          int,
  note             text CHECK (length(note) <= 1000),
  created_by       uuid,
  generation_id    uuid,
  restored_from    int,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, rev)
);

-- Numbers a revision under the model's row lock, so concurrent saves get consecutive numbers.
CREATE FUNCTION app.number_project_model_revision() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  v_current int;
BEGIN
  SELECT m.current_rev INTO v_current FROM app.project_models m WHERE m.project_id = NEW.project_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the model of project % does not exist', NEW.project_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  NEW.rev := v_current + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER project_model_revisions_number BEFORE INSERT ON app.project_model_revisions
  FOR EACH ROW EXECUTE FUNCTION app.number_project_model_revision();

-- The project's model is its latest revision.
CREATE FUNCTION app.apply_project_model_revision() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE app.project_models SET current_rev = NEW.rev, model = NEW.model, updated_at = now() WHERE project_id = NEW.project_id;
  RETURN NULL;
END
$$;
CREATE TRIGGER project_model_revisions_apply AFTER INSERT ON app.project_model_revisions
  FOR EACH ROW EXECUTE FUNCTION app.apply_project_model_revision();

-- History is never rewritten: UPDATE is refused, DELETE only when the model itself is gone.
CREATE FUNCTION app.refuse_project_model_revision_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM app.project_models m WHERE m.project_id = OLD.project_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'project_model_revisions is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER project_model_revisions_append_only BEFORE UPDATE OR DELETE ON app.project_model_revisions
  FOR EACH ROW EXECUTE FUNCTION app.refuse_project_model_revision_change();
CREATE TRIGGER project_model_revisions_no_truncate BEFORE TRUNCATE ON app.project_model_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();

-- Row level security: members read; editors write; history is insert-only.
ALTER TABLE app.project_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.project_models FORCE ROW LEVEL SECURITY;
CREATE POLICY project_models_select ON app.project_models FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY project_models_insert ON app.project_models FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id));
CREATE POLICY project_models_update ON app.project_models FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));

ALTER TABLE app.project_model_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.project_model_revisions FORCE ROW LEVEL SECURITY;
CREATE POLICY project_model_revisions_select ON app.project_model_revisions FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY project_model_revisions_insert ON app.project_model_revisions FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor')
              AND EXISTS (SELECT 1 FROM app.project_models m WHERE m.project_id = project_id
                          AND m.organization_id = organization_id));

GRANT SELECT, INSERT, UPDATE ON app.project_models TO atelier_app;
GRANT SELECT, INSERT ON app.project_model_revisions TO atelier_app;
