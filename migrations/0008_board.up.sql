-- The board (seed 001): expert personas deliberate on a decision in rounds, vote, and leave a decision record.
-- Its own schema keeps the seed's names (board.sessions beside app.user_sessions) readable.
CREATE SCHEMA board;
GRANT USAGE ON SCHEMA board TO atelier_app, atelier_system;

-- Personas: the built-in panel (organization_id NULL, written by migration 0009) and an organization's own.
CREATE TABLE board.personas (
  id               int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- NULL: built in, read by everyone; otherwise an organization's own persona.
  organization_id  uuid REFERENCES app.organizations (id) ON DELETE CASCADE,
  code             text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,49}$'),
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  expertise        text NOT NULL CHECK (length(expertise) BETWEEN 1 AND 500),
  system_prompt    text NOT NULL CHECK (length(system_prompt) BETWEEN 1 AND 20000),
  -- The discipline the persona speaks for: how the panel is chosen for coverage and how the offline engine reasons.
  family           text NOT NULL CHECK (family IN ('strategy', 'finance', 'product', 'engineering', 'data', 'security',
                     'legal', 'operations', 'marketing', 'sales', 'people', 'design', 'research', 'domain')),
  -- One sentence: the question this persona always asks first.
  lens             text NOT NULL CHECK (length(lens) BETWEEN 1 AND 500),
  -- "What I always check": 2 to 6 short items.
  checks           jsonb NOT NULL CHECK (jsonb_typeof(checks) = 'array' AND jsonb_array_length(checks) BETWEEN 2 AND 6),
  -- Appetite for risk and scale, -1 (cautious) to 1 (bold): keeps personas of one family from answering alike.
  risk_appetite    numeric(3,2) NOT NULL DEFAULT 0 CHECK (risk_appetite BETWEEN -1 AND 1),
  -- Words that make this persona relevant to a question (matched against the problem and its sub-questions).
  keywords         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(keywords) = 'array'),
  created_by       uuid REFERENCES app.users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX personas_builtin_code_idx ON board.personas (code) WHERE organization_id IS NULL;
CREATE UNIQUE INDEX personas_organization_code_idx ON board.personas (organization_id, code) WHERE organization_id IS NOT NULL;
CREATE TRIGGER personas_touch BEFORE UPDATE ON board.personas FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- An organization's board defaults: the per-session cap, and which model each persona runs on.
CREATE TABLE board.settings (
  organization_id     uuid PRIMARY KEY REFERENCES app.organizations (id) ON DELETE CASCADE,
  default_budget_usd  numeric(12,6) NOT NULL DEFAULT 1 CHECK (default_budget_usd >= 0),
  default_token_cap   int CHECK (default_token_cap > 0),
  default_max_rounds  int NOT NULL DEFAULT 6 CHECK (default_max_rounds BETWEEN 1 AND 10),
  vote_rule           text NOT NULL DEFAULT 'borda' CHECK (vote_rule IN ('borda', 'approval', 'plurality')),
  -- {"<persona code>": "<model>", "*": "<model>"}: a panel of different models judges better than one.
  persona_models      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(persona_models) = 'object'),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER settings_touch BEFORE UPDATE ON board.settings FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE board.sessions (
  id                 uuid PRIMARY KEY,
  organization_id    uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  -- Optional: a session tied to a project is visible to the project's members and draws on its model.
  project_id         uuid REFERENCES app.projects (id) ON DELETE CASCADE,
  user_id            uuid NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  problem_statement  text NOT NULL CHECK (length(problem_statement) BETWEEN 1 AND 4000),
  problem_context    jsonb CHECK (problem_context IS NULL OR jsonb_typeof(problem_context) = 'object'),
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed', 'failed', 'killed')),
  phase              text NOT NULL DEFAULT 'problem_decomposition' CHECK (phase IN ('problem_decomposition', 'awaiting_input',
                       'persona_selection', 'initial_round', 'deliberation', 'voting', 'synthesis', 'done')),
  -- Seed 001's totals: the sums of the contributions' cost and tokens.
  total_cost         numeric(12,6) NOT NULL DEFAULT 0 CHECK (total_cost >= 0),
  total_tokens       int NOT NULL DEFAULT 0 CHECK (total_tokens >= 0),
  -- Everything the session's calls cost: contributions, and also framing, votes, the baseline and the synthesis.
  -- What the caps are checked against.
  spent_usd          numeric(12,6) NOT NULL DEFAULT 0 CHECK (spent_usd >= total_cost),
  spent_tokens       int NOT NULL DEFAULT 0 CHECK (spent_tokens >= total_tokens),
  round_number       int NOT NULL DEFAULT 0 CHECK (round_number BETWEEN 0 AND 10),
  max_rounds         int NOT NULL DEFAULT 6 CHECK (max_rounds BETWEEN 1 AND 10),
  -- Caps checked before every call; reaching one forces synthesis.
  budget_usd         numeric(12,6) NOT NULL CHECK (budget_usd >= 0),
  token_cap          int CHECK (token_cap > 0),
  vote_rule          text NOT NULL DEFAULT 'borda' CHECK (vote_rule IN ('borda', 'approval', 'plurality')),
  -- Makes the offline engine's answers repeatable for a session.
  seed               int NOT NULL,
  -- [{id, text, families}]: 1 to 5 once decomposed.
  sub_questions      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sub_questions) = 'array'),
  -- [{id, label, description, proposedBy}]: what is voted on.
  options            jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'),
  -- [{id, question, why, answer, skipped}]: what the person was asked.
  clarifications     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(clarifications) = 'array'),
  -- [{code, name, family, reason, model}]: the personas seated and why.
  panel              jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(panel) = 'array'),
  -- The synthesis: recommendation, tally, minority report, assumptions, baselines, what the deliberation changed.
  decision           jsonb CHECK (decision IS NULL OR jsonb_typeof(decision) = 'object'),
  -- Why rounds ended: max_rounds, low_novelty, stalled_disagreement, budget, consensus.
  stop_reason        text,
  -- The job now running the deliberation (a new one after each resume).
  job_id             uuid,
  -- The last event's sequence number: SSE ids, resumable with Last-Event-ID.
  last_event_seq     int NOT NULL DEFAULT 0 CHECK (last_event_seq >= 0),
  error              jsonb,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  completed_at       timestamptz,
  killed_at          timestamptz,
  -- The user's id, or 'admin' when an organization admin killed every running session.
  killed_by          text CHECK (length(killed_by) <= 255),
  kill_reason        text CHECK (length(kill_reason) <= 500),
  CHECK (status <> 'killed' OR killed_at IS NOT NULL),
  CHECK (status <> 'completed' OR completed_at IS NOT NULL)
);
CREATE INDEX sessions_user_id_idx ON board.sessions (user_id);
CREATE INDEX sessions_status_idx ON board.sessions (organization_id, status);
CREATE INDEX sessions_created_at_idx ON board.sessions (organization_id, created_at DESC, id DESC);
CREATE INDEX sessions_project_idx ON board.sessions (project_id, created_at DESC) WHERE project_id IS NOT NULL;
CREATE TRIGGER sessions_touch BEFORE UPDATE ON board.sessions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TABLE board.contributions (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id        uuid NOT NULL REFERENCES board.sessions (id) ON DELETE CASCADE,
  organization_id   uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  -- A persona's code, or 'moderator' for the contrarian moderator's interventions.
  persona_code      text NOT NULL CHECK (length(persona_code) BETWEEN 1 AND 50),
  content           text NOT NULL CHECK (length(content) BETWEEN 1 AND 20000),
  round_number      int NOT NULL CHECK (round_number BETWEEN 1 AND 10),
  phase             text NOT NULL CHECK (phase IN ('initial_round', 'deliberation', 'moderator_intervention')),
  -- The structure of the argument.
  claim             text NOT NULL DEFAULT '' CHECK (length(claim) <= 2000),
  evidence          jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(evidence) = 'array'),
  assumptions       jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(assumptions) = 'array'),
  confidence        numeric(3,2) CHECK (confidence BETWEEN 0 AND 1),
  -- The option this contribution argues for (an id of sessions.options); NULL for the moderator.
  position          text,
  position_changed  boolean NOT NULL DEFAULT false,
  change_reason     text CHECK (length(change_reason) <= 2000),
  -- Near-duplicates of an earlier contribution are kept for the cost but left out of digests, votes and the record.
  duplicate_of      bigint REFERENCES board.contributions (id) ON DELETE SET NULL,
  cost              numeric(12,6) NOT NULL DEFAULT 0 CHECK (cost >= 0),
  tokens            int NOT NULL DEFAULT 0 CHECK (tokens >= 0),
  model             text NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
  -- The ledger row of the call that wrote it.
  generation_id     uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  -- A resumed session never writes a finished contribution twice.
  UNIQUE (session_id, round_number, persona_code, phase)
);
CREATE INDEX contributions_session_id_idx ON board.contributions (session_id, id);
CREATE INDEX contributions_round_number_idx ON board.contributions (session_id, round_number);

CREATE TABLE board.votes (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  session_id       uuid NOT NULL REFERENCES board.sessions (id) ON DELETE CASCADE,
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  persona_code     text NOT NULL CHECK (length(persona_code) BETWEEN 1 AND 50),
  -- The option ranked first (an id of sessions.options).
  vote_choice      text NOT NULL CHECK (length(vote_choice) BETWEEN 1 AND 100),
  reasoning        text NOT NULL CHECK (length(reasoning) BETWEEN 1 AND 4000),
  confidence       numeric(3,2) CHECK (confidence BETWEEN 0 AND 1),
  -- Every option, best first: what Borda counts.
  ranking          jsonb NOT NULL CHECK (jsonb_typeof(ranking) = 'array' AND jsonb_array_length(ranking) >= 1),
  -- The options this persona finds acceptable: what approval voting counts.
  approved         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(approved) = 'array'),
  -- True when the vote was read from the persona's last position because the budget ran out before it could vote.
  derived          boolean NOT NULL DEFAULT false,
  cost             numeric(12,6) NOT NULL DEFAULT 0 CHECK (cost >= 0),
  tokens           int NOT NULL DEFAULT 0 CHECK (tokens >= 0),
  model            text NOT NULL CHECK (length(model) BETWEEN 1 AND 100),
  generation_id    uuid REFERENCES app.ai_generations (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, persona_code)
);
CREATE INDEX votes_session_id_idx ON board.votes (session_id);

-- What a board room follows: every change of a session as a numbered event, written in the transaction of the
-- change, so a stream resumed with Last-Event-ID misses nothing.
CREATE TABLE board.session_events (
  session_id       uuid NOT NULL REFERENCES board.sessions (id) ON DELETE CASCADE,
  seq              int NOT NULL CHECK (seq >= 1),
  organization_id  uuid NOT NULL REFERENCES app.organizations (id) ON DELETE CASCADE,
  type             text NOT NULL CHECK (type ~ '^[a-z][a-z_.]{0,49}$'),
  data             jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, seq)
);

-- Who may see a session: its owner, the organization's admins, and — when it is tied to a project — the members
-- of the project's organization. SECURITY DEFINER so the child tables' policies cost one lookup, not nested RLS.
CREATE FUNCTION board.can_see_session(p_session uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM board.sessions s
    WHERE s.id = p_session
      AND s.organization_id IN (SELECT app.member_organization_ids())
      AND (s.user_id = app.current_user_id() OR s.project_id IS NOT NULL OR app.has_org_role(s.organization_id, 'admin')))
$$;
-- Who may change a session: its owner, or an admin of its organization (pause, resume, kill).
CREATE FUNCTION board.can_run_session(p_session uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM board.sessions s
    WHERE s.id = p_session
      AND (s.user_id = app.current_user_id() OR app.has_org_role(s.organization_id, 'admin')))
$$;
-- A role may own functions only in a schema it can create in (checked when the migrating role is no superuser).
GRANT CREATE ON SCHEMA board TO atelier_system;
ALTER FUNCTION board.can_see_session(uuid) OWNER TO atelier_system;
ALTER FUNCTION board.can_run_session(uuid) OWNER TO atelier_system;
GRANT SELECT ON board.sessions TO atelier_system;
REVOKE EXECUTE ON FUNCTION board.can_see_session(uuid), board.can_run_session(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board.can_see_session(uuid), board.can_run_session(uuid) TO atelier_app, atelier_system;

ALTER TABLE board.personas ENABLE ROW LEVEL SECURITY;
ALTER TABLE board.personas FORCE ROW LEVEL SECURITY;
CREATE POLICY personas_select ON board.personas FOR SELECT TO atelier_app
  USING (organization_id IS NULL OR organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY personas_insert ON board.personas FOR INSERT TO atelier_app
  WITH CHECK (organization_id IS NOT NULL AND app.has_org_role(organization_id, 'editor'));
CREATE POLICY personas_update ON board.personas FOR UPDATE TO atelier_app
  USING (organization_id IS NOT NULL AND app.has_org_role(organization_id, 'editor'))
  WITH CHECK (organization_id IS NOT NULL AND app.has_org_role(organization_id, 'editor'));
CREATE POLICY personas_delete ON board.personas FOR DELETE TO atelier_app
  USING (organization_id IS NOT NULL AND app.has_org_role(organization_id, 'editor'));

ALTER TABLE board.settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE board.settings FORCE ROW LEVEL SECURITY;
CREATE POLICY settings_select ON board.settings FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids()));
CREATE POLICY settings_insert ON board.settings FOR INSERT TO atelier_app
  WITH CHECK (app.has_org_role(organization_id, 'admin'));
CREATE POLICY settings_update ON board.settings FOR UPDATE TO atelier_app
  USING (app.has_org_role(organization_id, 'admin')) WITH CHECK (app.has_org_role(organization_id, 'admin'));

ALTER TABLE board.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE board.sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_select ON board.sessions FOR SELECT TO atelier_app
  USING (organization_id IN (SELECT app.member_organization_ids())
         AND (user_id = (SELECT app.current_user_id()) OR project_id IS NOT NULL OR app.has_org_role(organization_id, 'admin')));
-- Any member may ask the board; a session tied to a project needs the project in the same organization.
CREATE POLICY sessions_insert ON board.sessions FOR INSERT TO atelier_app
  WITH CHECK (user_id = (SELECT app.current_user_id())
              AND organization_id IN (SELECT app.member_organization_ids())
              AND (project_id IS NULL
                   OR EXISTS (SELECT 1 FROM app.projects p WHERE p.id = project_id AND p.organization_id = organization_id)));
CREATE POLICY sessions_update ON board.sessions FOR UPDATE TO atelier_app
  USING (user_id = (SELECT app.current_user_id()) OR app.has_org_role(organization_id, 'admin'))
  WITH CHECK (user_id = (SELECT app.current_user_id()) OR app.has_org_role(organization_id, 'admin'));
CREATE POLICY sessions_delete ON board.sessions FOR DELETE TO atelier_app
  USING (user_id = (SELECT app.current_user_id()) OR app.has_org_role(organization_id, 'admin'));

ALTER TABLE board.contributions ENABLE ROW LEVEL SECURITY;
ALTER TABLE board.contributions FORCE ROW LEVEL SECURITY;
CREATE POLICY contributions_select ON board.contributions FOR SELECT TO atelier_app
  USING (board.can_see_session(session_id));
CREATE POLICY contributions_insert ON board.contributions FOR INSERT TO atelier_app
  WITH CHECK (board.can_run_session(session_id)
              AND organization_id = (SELECT s.organization_id FROM board.sessions s WHERE s.id = session_id));

ALTER TABLE board.votes ENABLE ROW LEVEL SECURITY;
ALTER TABLE board.votes FORCE ROW LEVEL SECURITY;
CREATE POLICY votes_select ON board.votes FOR SELECT TO atelier_app
  USING (board.can_see_session(session_id));
CREATE POLICY votes_insert ON board.votes FOR INSERT TO atelier_app
  WITH CHECK (board.can_run_session(session_id)
              AND organization_id = (SELECT s.organization_id FROM board.sessions s WHERE s.id = session_id));

ALTER TABLE board.session_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE board.session_events FORCE ROW LEVEL SECURITY;
CREATE POLICY session_events_select ON board.session_events FOR SELECT TO atelier_app
  USING (board.can_see_session(session_id));
CREATE POLICY session_events_insert ON board.session_events FOR INSERT TO atelier_app
  WITH CHECK (board.can_run_session(session_id)
              AND organization_id = (SELECT s.organization_id FROM board.sessions s WHERE s.id = session_id));

-- History is append-only: contributions, votes and events are never rewritten (a duplicate is marked when written).
GRANT SELECT, INSERT, UPDATE, DELETE ON board.personas, board.sessions TO atelier_app;
GRANT SELECT, INSERT, UPDATE ON board.settings TO atelier_app;
GRANT SELECT, INSERT ON board.contributions, board.votes, board.session_events TO atelier_app;
GRANT SELECT ON board.personas, board.sessions, board.contributions, board.votes, board.session_events, board.settings TO atelier_system;

-- "Save to project" keeps a decision record as a document of the project.
ALTER TABLE app.documents DROP CONSTRAINT documents_type_check;
ALTER TABLE app.documents ADD CONSTRAINT documents_type_check CHECK (type IN ('srs', 'prd', 'spec', 'design', 'overview',
  'marketing', 'tech', 'tasks', 'business_case', 'scope_statement', 'stakeholder_register', 'risk_register', 'roadmap',
  'feasibility', 'decision_record', 'other'));
