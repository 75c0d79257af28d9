-- AI gateway: per-organization provider settings, the generation ledger (seed 004 ai_generations), chat credits
-- (seed 003 chat_credits with consume_chat_credit), and database-backed background jobs.

-- ---------------------------------------------------------------------------------------------------------------
-- Per-organization AI settings: bring your own provider, model and key; spend caps.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.organization_ai_settings (
  organization_id     uuid PRIMARY KEY REFERENCES app.organizations (id) ON DELETE CASCADE,
  -- NULL provider: the server's configuration applies.
  provider            text CHECK (provider IN ('builtin', 'openai', 'anthropic', 'ollama', 'openai-compatible')),
  model               text CHECK (length(model) BETWEEN 1 AND 200),
  base_url            text CHECK (length(base_url) BETWEEN 1 AND 2000),
  -- AES-256-GCM under the server's secret key: 'v1:' || base64(iv) || ':' || base64(tag) || ':' || base64(ciphertext).
  -- Never returned by the API.
  api_key_ciphertext  text,
  monthly_budget_usd  numeric(12, 4) CHECK (monthly_budget_usd >= 0),
  run_budget_usd      numeric(12, 4) CHECK (run_budget_usd >= 0),
  updated_by          uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER organization_ai_settings_touch BEFORE UPDATE ON app.organization_ai_settings
  FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- Background jobs: claimed with FOR UPDATE SKIP LOCKED, kept alive by a heartbeat, re-claimed when it lapses.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.jobs (
  id                   uuid PRIMARY KEY,
  organization_id      uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id           uuid REFERENCES app.projects (id) ON DELETE CASCADE,
  created_by           uuid REFERENCES app.users (id) ON DELETE SET NULL,
  type                 text NOT NULL CHECK (type ~ '^[a-z][a-z0-9_.-]{0,99}$'),
  payload              jsonb NOT NULL DEFAULT '{}',
  status               text NOT NULL DEFAULT 'queued'
                       CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress             int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  progress_message     text,
  -- What a handler saved to resume from after a crash or a retry.
  checkpoint           jsonb,
  result               jsonb,
  -- {"code", "message"} of the last failure.
  error                jsonb,
  attempts             int NOT NULL DEFAULT 0,
  max_attempts         int NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 20),
  run_at               timestamptz NOT NULL DEFAULT now(),
  locked_by            text,
  locked_at            timestamptz,
  heartbeat_at         timestamptz,
  cancel_requested_at  timestamptz,
  started_at           timestamptz,
  finished_at          timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_claim_idx ON app.jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_heartbeat_idx ON app.jobs (heartbeat_at) WHERE status = 'running';
CREATE INDEX jobs_organization_created_idx ON app.jobs (organization_id, created_at, id);
CREATE INDEX jobs_project_created_idx ON app.jobs (project_id, created_at, id);
CREATE TRIGGER jobs_touch BEFORE UPDATE ON app.jobs FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------------
-- The generation ledger (seed 004 ai_generations): one row per model call, successful or not. Append-only for the
-- application (it may only SELECT and INSERT); foreign-key cascades still run when an account or project goes.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.ai_generations (
  id               uuid PRIMARY KEY,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  project_id       uuid REFERENCES app.projects (id) ON DELETE SET NULL,
  user_id          uuid REFERENCES app.users (id) ON DELETE SET NULL,
  job_id           uuid REFERENCES app.jobs (id) ON DELETE SET NULL,
  -- The task (feature) that made the call, e.g. 'project-brief'.
  generation_type  text NOT NULL CHECK (length(generation_type) BETWEEN 1 AND 100),
  provider         text NOT NULL CHECK (provider IN ('builtin', 'openai', 'anthropic', 'ollama', 'openai-compatible')),
  model            text NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
  prompt           text NOT NULL,
  response         text,
  tokens_in        int NOT NULL DEFAULT 0 CHECK (tokens_in >= 0),
  tokens_out       int NOT NULL DEFAULT 0 CHECK (tokens_out >= 0),
  tokens_used      int GENERATED ALWAYS AS (tokens_in + tokens_out) STORED,
  cost             numeric(14, 6) NOT NULL DEFAULT 0 CHECK (cost >= 0),
  latency_ms       int NOT NULL DEFAULT 0 CHECK (latency_ms >= 0),
  status           text NOT NULL CHECK (status IN ('succeeded', 'failed', 'cancelled')),
  error_code       text,
  error_message    text,
  metadata         jsonb NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ai_generations_organization_created_idx ON app.ai_generations (organization_id, created_at, id);
CREATE INDEX ai_generations_project_created_idx ON app.ai_generations (project_id, created_at);
CREATE INDEX ai_generations_user_created_idx ON app.ai_generations (user_id, created_at);
CREATE INDEX ai_generations_job_idx ON app.ai_generations (job_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Chat credits (seed 003): free accounts get a monthly allowance; NULL remaining means unlimited.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app.chat_credits (
  user_id     uuid PRIMARY KEY REFERENCES app.users (id) ON DELETE CASCADE,
  remaining   int CHECK (remaining IS NULL OR remaining >= 0),
  reset_at    date NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER chat_credits_touch BEFORE UPDATE ON app.chat_credits FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- The free allowance and the first day of next month (UTC), when it renews.
CREATE FUNCTION app.free_chat_credits() RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT 10 $$;

CREATE FUNCTION app.next_chat_credit_reset() RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month')::date $$;

-- Spends one credit of p_user atomically and returns what is left (NULL: unlimited). Raises SQLSTATE AT402
-- 'out of credits' when none is left. Only the acting user may spend their own credits. The row is created on first
-- use and renewed when its month has passed; the UPDATE ... WHERE remaining > 0 takes the row lock, so concurrent
-- calls queue on it and re-check the balance: it never goes below zero.
CREATE FUNCTION app.consume_chat_credit(p_user uuid) RETURNS int
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_is_pro     boolean;
  v_remaining  int;
  v_found      boolean;
BEGIN
  IF p_user IS NULL OR p_user IS DISTINCT FROM app.current_user_id() THEN
    RAISE EXCEPTION 'consume_chat_credit: only the acting user may spend their credits'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT u.is_pro INTO v_is_pro FROM app.users u WHERE u.id = p_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'consume_chat_credit: no such user' USING ERRCODE = 'no_data_found';
  END IF;
  IF v_is_pro THEN
    RETURN NULL;
  END IF;

  INSERT INTO app.chat_credits (user_id, remaining, reset_at)
  VALUES (p_user, app.free_chat_credits(), app.next_chat_credit_reset())
  ON CONFLICT (user_id) DO NOTHING;

  UPDATE app.chat_credits c
  SET remaining = app.free_chat_credits(), reset_at = app.next_chat_credit_reset()
  WHERE c.user_id = p_user AND c.remaining IS NOT NULL AND c.reset_at <= (now() AT TIME ZONE 'UTC')::date;

  UPDATE app.chat_credits c
  SET remaining = c.remaining - 1
  WHERE c.user_id = p_user AND c.remaining > 0
  RETURNING c.remaining INTO v_remaining;
  v_found := FOUND;
  IF v_found THEN
    RETURN v_remaining;
  END IF;
  IF EXISTS (SELECT 1 FROM app.chat_credits c WHERE c.user_id = p_user AND c.remaining IS NULL) THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'Out of credits' USING ERRCODE = 'AT402';
END
$$;

-- Gives back a credit spent on a call that produced nothing (the model failed). Same caller check.
CREATE FUNCTION app.refund_chat_credit(p_user uuid) RETURNS int
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_remaining int;
BEGIN
  IF p_user IS NULL OR p_user IS DISTINCT FROM app.current_user_id() THEN
    RAISE EXCEPTION 'refund_chat_credit: only the acting user may be refunded' USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE app.chat_credits c
  SET remaining = least(c.remaining + 1, app.free_chat_credits())
  WHERE c.user_id = p_user AND c.remaining IS NOT NULL
  RETURNING c.remaining INTO v_remaining;
  RETURN v_remaining;
END
$$;

GRANT SELECT, INSERT, UPDATE ON app.chat_credits TO atelier_system;
ALTER FUNCTION app.consume_chat_credit(uuid) OWNER TO atelier_system;
ALTER FUNCTION app.refund_chat_credit(uuid) OWNER TO atelier_system;
REVOKE EXECUTE ON FUNCTION app.consume_chat_credit(uuid), app.refund_chat_credit(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.consume_chat_credit(uuid), app.refund_chat_credit(uuid) TO atelier_app;

-- ---------------------------------------------------------------------------------------------------------------
-- Row level security
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE app.organization_ai_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.organization_ai_settings FORCE ROW LEVEL SECURITY;
-- Members read (the gateway runs for editors); admins change.
CREATE POLICY organization_ai_settings_select ON app.organization_ai_settings FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY organization_ai_settings_insert ON app.organization_ai_settings FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'admin'));
CREATE POLICY organization_ai_settings_update ON app.organization_ai_settings FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin')) WITH CHECK (app.has_org_role(organization_id, 'admin'));
CREATE POLICY organization_ai_settings_delete ON app.organization_ai_settings FOR DELETE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin'));

ALTER TABLE app.jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY jobs_select ON app.jobs FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY jobs_insert ON app.jobs FOR INSERT TO atelier_app
  WITH CHECK (created_by = (SELECT app.current_user_id()) AND app.has_org_role(organization_id, 'editor'));
-- The creator (whose rights a job runs with) and organization admins change a job: cancel it, or complete it in
-- the same transaction as its effect.
CREATE POLICY jobs_update ON app.jobs FOR UPDATE TO atelier_app
  USING (created_by = (SELECT app.current_user_id()) OR app.has_org_role(organization_id, 'admin'))
  WITH CHECK (organization_id IN (SELECT app.member_organization_ids()));

ALTER TABLE app.ai_generations ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.ai_generations FORCE ROW LEVEL SECURITY;
CREATE POLICY ai_generations_select ON app.ai_generations FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY ai_generations_insert ON app.ai_generations FOR INSERT TO atelier_app
  WITH CHECK (user_id = (SELECT app.current_user_id()) AND organization_id IN (SELECT app.member_organization_ids()));

ALTER TABLE app.chat_credits ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.chat_credits FORCE ROW LEVEL SECURITY;
-- Read your own balance; every change goes through consume_chat_credit / refund_chat_credit.
CREATE POLICY chat_credits_select ON app.chat_credits FOR SELECT TO atelier_app
  USING (user_id = (SELECT app.current_user_id()));

-- ---------------------------------------------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE, DELETE ON app.organization_ai_settings TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON app.jobs TO atelier_app;
GRANT SELECT, INSERT ON app.ai_generations TO atelier_app;
GRANT SELECT ON app.chat_credits TO atelier_app;
-- The job runner claims, heartbeats and finishes jobs for nobody in particular.
GRANT SELECT, UPDATE ON app.jobs TO atelier_system;
GRANT SELECT ON app.organization_ai_settings, app.ai_generations TO atelier_system;
