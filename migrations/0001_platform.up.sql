-- Platform foundation: identity, organizations, projects, audit log, and the roles that make row level security real.
-- Seeds: 000 (users, tokens, projects), 001 (users, audit_log), 002 (users, workspaces, memberships, audits),
-- 003 (users, projects, events), 004 (users, organizations, organization_members, projects, user_sessions).

-- Roles are cluster-wide, so they are created only when missing and never dropped by a down migration.
-- atelier_app: every request acting for a user; subject to RLS (not superuser, no BYPASSRLS, owns nothing).
-- atelier_system: the few operations that act for nobody yet (login lookup, token checks); BYPASSRLS, owns only
-- the SECURITY DEFINER helper functions the policies call.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atelier_app') THEN
    CREATE ROLE atelier_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atelier_system') THEN
    CREATE ROLE atelier_system NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;

-- The connecting (migrating) role switches into both with SET LOCAL ROLE.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'atelier_app', 'MEMBER') THEN
    EXECUTE format('GRANT atelier_app TO %I', current_user);
  END IF;
  IF NOT pg_has_role(current_user, 'atelier_system', 'MEMBER') THEN
    EXECUTE format('GRANT atelier_system TO %I', current_user);
  END IF;
END
$$;

CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO atelier_app, atelier_system;

-- The acting user of the current transaction, or NULL when unset: every policy compares against it, so an unset
-- user matches nothing (fail closed).
CREATE FUNCTION app.current_user_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.current_user_id', true), '')::uuid $$;

CREATE FUNCTION app.role_rank(p_role text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE p_role WHEN 'owner' THEN 4 WHEN 'admin' THEN 3 WHEN 'editor' THEN 2 WHEN 'viewer' THEN 1 ELSE 0 END $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Identity
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.users (
  id                              uuid PRIMARY KEY,
  name                            text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  username                        text CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{1,99}$'),
  email                           text NOT NULL CHECK (length(email) <= 255),
  password_hash                   text,
  status                          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'inactive')),
  role                            text CHECK (role IN ('admin', 'developer', 'analyst')),
  email_verified                  boolean NOT NULL DEFAULT false,
  email_verified_at               timestamptz,
  email_verification_token_hash   text,
  email_verification_expires_at   timestamptz,
  reset_code_hash                 text,
  reset_code_expires_at           timestamptz,
  reset_code_attempts             int NOT NULL DEFAULT 0,
  auth_provider                   text NOT NULL DEFAULT 'password'
                                  CHECK (auth_provider IN ('password', 'google', 'github', 'linkedin', 'supabase')),
  subscription_tier               text NOT NULL DEFAULT 'free' CHECK (subscription_tier IN ('free', 'pro', 'enterprise')),
  is_pro                          boolean GENERATED ALWAYS AS (subscription_tier IN ('pro', 'enterprise')) STORED,
  stripe_customer_id              text,
  gdpr_consent_at                 timestamptz,
  last_login_at                   timestamptz,
  created_at                      timestamptz NOT NULL DEFAULT now(),
  updated_at                      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON app.users (lower(email));
CREATE UNIQUE INDEX users_username_key ON app.users (username);
CREATE INDEX users_status_idx ON app.users (status);
CREATE UNIQUE INDEX users_email_verification_token_key ON app.users (email_verification_token_hash);

-- A login: the refresh-token family and the current access token (stored only as a SHA-256 hash).
CREATE TABLE app.user_sessions (
  id                 uuid PRIMARY KEY,
  user_id            uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  access_token_hash  text NOT NULL,
  access_expires_at  timestamptz NOT NULL,
  expires_at         timestamptz NOT NULL,
  ip_address         text,
  user_agent         text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  last_seen_at       timestamptz NOT NULL DEFAULT now(),
  revoked_at         timestamptz,
  revoked_reason     text
);
CREATE UNIQUE INDEX user_sessions_access_token_key ON app.user_sessions (access_token_hash);
CREATE INDEX user_sessions_user_idx ON app.user_sessions (user_id, created_at);

-- Refresh tokens (seed 000 `tokens`); each belongs to a session, the rotation family.
CREATE TABLE app.tokens (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  session_id  uuid NOT NULL REFERENCES app.user_sessions (id) ON DELETE CASCADE,
  kind        text NOT NULL DEFAULT 'refresh' CHECK (kind IN ('refresh')),
  token_hash  text NOT NULL,
  expiry_date timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tokens_token_hash_key ON app.tokens (token_hash);
CREATE INDEX tokens_session_idx ON app.tokens (session_id);
CREATE INDEX tokens_user_idx ON app.tokens (user_id);

-- Login throttling shared by every server process.
CREATE TABLE app.login_attempts (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  email       text NOT NULL,
  ip_address  text NOT NULL,
  succeeded   boolean NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON app.login_attempts (email, created_at);
CREATE INDEX login_attempts_ip_idx ON app.login_attempts (ip_address, created_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Organizations (seed 002 workspaces) and memberships
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.organizations (
  id           uuid PRIMARY KEY,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  slug         text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
  owner_id     uuid REFERENCES app.users (id) ON DELETE SET NULL,
  is_personal  boolean NOT NULL DEFAULT false,
  settings     jsonb NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organizations_slug_key ON app.organizations (slug);
CREATE INDEX organizations_owner_idx ON app.organizations (owner_id);

CREATE TABLE app.organization_members (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  user_id          uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  role             text NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
  invited_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  joined_at        timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, user_id)
);
CREATE INDEX organization_members_user_idx ON app.organization_members (user_id, organization_id);
CREATE INDEX organization_members_org_joined_idx ON app.organization_members (organization_id, joined_at, id);

-- ---------------------------------------------------------------------------------------------------------------
-- Projects (union of seeds 000, 003, 004)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.projects (
  id                    uuid PRIMARY KEY,
  organization_id       uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  owner_id              uuid REFERENCES app.users (id) ON DELETE SET NULL,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  key                   text NOT NULL CHECK (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  description           text,
  status                text NOT NULL DEFAULT 'active' CHECK (status IN
                          ('planning', 'active', 'on_hold', 'completed', 'processing', 'ready', 'archived', 'deleted')),
  status_before_delete  text,
  settings              jsonb NOT NULL DEFAULT '{}',
  idea_prompt           text,
  current_version       int NOT NULL DEFAULT 1,
  start_date            date,
  end_date              date,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  deleted_at            timestamptz,
  CONSTRAINT projects_dates_ordered CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX projects_organization_key_key ON app.projects (organization_id, key);
CREATE INDEX projects_organization_created_idx ON app.projects (organization_id, created_at, id);
-- Listing across all of a user's organizations walks this one newest-first and filters by membership.
CREATE INDEX projects_created_idx ON app.projects (created_at, id);
CREATE INDEX projects_organization_status_idx ON app.projects (organization_id, status);
CREATE INDEX projects_owner_created_idx ON app.projects (owner_id, created_at);
CREATE INDEX projects_name_idx ON app.projects (name);

-- ---------------------------------------------------------------------------------------------------------------
-- Audit log (seed 001 audit_log, 002 audits, 003 events): append-only
-- ---------------------------------------------------------------------------------------------------------------
-- user_id and organization_id carry no foreign key on purpose: the log outlives the rows it describes (account
-- erasure deletes the user, never the history of what happened).
CREATE TABLE app.audit_log (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  organization_id  uuid,
  user_id          uuid,
  action           text NOT NULL CHECK (length(action) <= 100),
  resource_type    text NOT NULL CHECK (length(resource_type) <= 50),
  resource_id      text,
  details          jsonb,
  ip_address       text,
  user_agent       text,
  "timestamp"      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_user_idx ON app.audit_log (user_id, id);
CREATE INDEX audit_log_organization_idx ON app.audit_log (organization_id, id);
CREATE INDEX audit_log_timestamp_idx ON app.audit_log ("timestamp");
CREATE INDEX audit_log_resource_idx ON app.audit_log (resource_type, resource_id);

CREATE FUNCTION app.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON app.audit_log
  FOR EACH ROW EXECUTE FUNCTION app.refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON app.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();

-- ---------------------------------------------------------------------------------------------------------------
-- updated_at maintenance
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION app.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER tokens_touch BEFORE UPDATE ON app.tokens FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER organizations_touch BEFORE UPDATE ON app.organizations FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER organization_members_touch BEFORE UPDATE ON app.organization_members FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER projects_touch BEFORE UPDATE ON app.projects FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Membership helpers for policies. SECURITY DEFINER owned by atelier_system (BYPASSRLS), so a policy on
-- organization_members can ask about memberships without recursing into itself. search_path is pinned.
-- ---------------------------------------------------------------------------------------------------------------
CREATE FUNCTION app.member_role(p_organization uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT m.role FROM app.organization_members m
  WHERE m.organization_id = p_organization AND m.user_id = app.current_user_id()
$$;

CREATE FUNCTION app.has_org_role(p_organization uuid, p_minimum text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT coalesce(app.role_rank(app.member_role(p_organization)) >= app.role_rank(p_minimum), false) $$;

CREATE FUNCTION app.member_organization_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT m.organization_id FROM app.organization_members m WHERE m.user_id = app.current_user_id() $$;

CREATE FUNCTION app.shares_organization_with(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM app.organization_members mine
    JOIN app.organization_members theirs ON theirs.organization_id = mine.organization_id
    WHERE mine.user_id = app.current_user_id() AND theirs.user_id = p_user
  )
$$;

CREATE FUNCTION app.organization_has_members(p_organization uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM app.organization_members m WHERE m.organization_id = p_organization) $$;

GRANT SELECT ON app.organization_members TO atelier_system;
-- A role may own functions only in a schema it can create in (checked when the migrating role is no superuser).
GRANT CREATE ON SCHEMA app TO atelier_system;
ALTER FUNCTION app.member_role(uuid) OWNER TO atelier_system;
ALTER FUNCTION app.has_org_role(uuid, text) OWNER TO atelier_system;
ALTER FUNCTION app.member_organization_ids() OWNER TO atelier_system;
ALTER FUNCTION app.shares_organization_with(uuid) OWNER TO atelier_system;
ALTER FUNCTION app.organization_has_members(uuid) OWNER TO atelier_system;
REVOKE EXECUTE ON FUNCTION app.member_role(uuid), app.has_org_role(uuid, text), app.member_organization_ids(),
  app.shares_organization_with(uuid), app.organization_has_members(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.member_role(uuid), app.has_org_role(uuid, text), app.member_organization_ids(),
  app.shares_organization_with(uuid), app.organization_has_members(uuid) TO atelier_app, atelier_system;

-- ---------------------------------------------------------------------------------------------------------------
-- Row level security: enabled and forced on every table; policies compare with app.current_user_id().
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_select ON app.users FOR SELECT TO atelier_app
  USING (id = (SELECT app.current_user_id()) OR app.shares_organization_with(id));
CREATE POLICY users_update ON app.users FOR UPDATE TO atelier_app
  USING (id = (SELECT app.current_user_id())) WITH CHECK (id = (SELECT app.current_user_id()));
CREATE POLICY users_delete ON app.users FOR DELETE TO atelier_app
  USING (id = (SELECT app.current_user_id()));

ALTER TABLE app.user_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.user_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY user_sessions_own ON app.user_sessions FOR ALL TO atelier_app
  USING (user_id = (SELECT app.current_user_id())) WITH CHECK (user_id = (SELECT app.current_user_id()));

ALTER TABLE app.tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tokens_own ON app.tokens FOR ALL TO atelier_app
  USING (user_id = (SELECT app.current_user_id())) WITH CHECK (user_id = (SELECT app.current_user_id()));

-- Throttling rows are read and written by atelier_system only; the runtime role is denied explicitly.
ALTER TABLE app.login_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.login_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY login_attempts_none ON app.login_attempts FOR ALL TO atelier_app USING (false) WITH CHECK (false);

ALTER TABLE app.organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY organizations_select ON app.organizations FOR SELECT TO atelier_app
  USING (id IN (SELECT app.member_organization_ids()) OR owner_id = (SELECT app.current_user_id()));
CREATE POLICY organizations_insert ON app.organizations FOR INSERT TO atelier_app
  WITH CHECK (owner_id = (SELECT app.current_user_id()));
CREATE POLICY organizations_update ON app.organizations FOR UPDATE TO atelier_app
  USING (app.has_org_role(id, 'admin')) WITH CHECK (app.has_org_role(id, 'admin'));
CREATE POLICY organizations_delete ON app.organizations FOR DELETE TO atelier_app
  USING (app.has_org_role(id, 'owner'));

ALTER TABLE app.organization_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organization_members FORCE ROW LEVEL SECURITY;
CREATE POLICY organization_members_select ON app.organization_members FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
-- Admins add members; the creator of a brand-new organization adds itself as its first owner.
CREATE POLICY organization_members_insert ON app.organization_members FOR INSERT TO atelier_app
  WITH CHECK (
    app.has_org_role(organization_id, 'admin')
    OR (user_id = (SELECT app.current_user_id()) AND role = 'owner'
        AND NOT app.organization_has_members(organization_id)
        AND EXISTS (SELECT 1 FROM app.organizations o
                    WHERE o.id = organization_id AND o.owner_id = (SELECT app.current_user_id())))
  );
CREATE POLICY organization_members_update ON app.organization_members FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin')) WITH CHECK (app.has_org_role(organization_id, 'admin'));
-- Admins remove members; anyone may leave.
CREATE POLICY organization_members_delete ON app.organization_members FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin') OR user_id = (SELECT app.current_user_id()));

ALTER TABLE app.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.projects FORCE ROW LEVEL SECURITY;
CREATE POLICY projects_select ON app.projects FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY projects_insert ON app.projects FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY projects_update ON app.projects FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'editor')) WITH CHECK (app.has_org_role(organization_id, 'editor'));
CREATE POLICY projects_delete ON app.projects FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin'));

ALTER TABLE app.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.audit_log FORCE ROW LEVEL SECURITY;
-- Everyone reads their own events; organization admins read the organization's.
CREATE POLICY audit_log_select ON app.audit_log FOR SELECT TO atelier_app
  USING (user_id = (SELECT app.current_user_id())
         OR (organization_id IS NOT NULL AND app.has_org_role(organization_id, 'admin')));
CREATE POLICY audit_log_insert ON app.audit_log FOR INSERT TO atelier_app
  WITH CHECK (user_id = (SELECT app.current_user_id()));

-- ---------------------------------------------------------------------------------------------------------------
-- Privileges: the runtime role gets exactly what the policies govern; audit_log is insert and read only.
-- ---------------------------------------------------------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE, DELETE ON app.users, app.user_sessions, app.tokens, app.organizations,
  app.organization_members, app.projects TO atelier_app;
GRANT SELECT, INSERT ON app.audit_log TO atelier_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON app.users, app.user_sessions, app.tokens, app.login_attempts,
  app.organizations, app.organization_members, app.projects TO atelier_system;
GRANT SELECT, INSERT ON app.audit_log TO atelier_system;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO atelier_app, atelier_system;
