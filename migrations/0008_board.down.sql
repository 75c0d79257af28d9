-- Reverses 0008_board. Decision records saved to projects become documents of type other.
UPDATE app.documents SET type = 'other' WHERE type = 'decision_record';
ALTER TABLE app.documents DROP CONSTRAINT documents_type_check;
ALTER TABLE app.documents ADD CONSTRAINT documents_type_check CHECK (type IN ('srs', 'prd', 'spec', 'design', 'overview',
  'marketing', 'tech', 'tasks', 'business_case', 'scope_statement', 'stakeholder_register', 'risk_register', 'roadmap',
  'feasibility', 'other'));
DROP TABLE board.session_events;
DROP TABLE board.votes;
DROP TABLE board.contributions;
DROP FUNCTION board.can_see_session(uuid);
DROP FUNCTION board.can_run_session(uuid);
DROP TABLE board.sessions;
DROP TABLE board.settings;
DROP TABLE board.personas;
DROP SCHEMA board;
