import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { PageHeader } from '../../layout/page-header';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { useOrganization } from '../../lib/workspace';
import { DEFAULT_MAX_ROUNDS, HARD_MAX_ROUNDS, voteRuleHints, voteRuleLabels, voteRules } from './board-labels';
import type { NewSession } from './client';
import { PersonaPicker } from './persona-picker';
import type { VoteRule } from '../../../shared/board-kinds';
import './board.css';

const PROBLEM_MAX = 4000;

type Field = 'problemStatement' | 'problemContext' | 'projectId' | 'personaCodes' | 'maxRounds' | 'budgetUsd' | 'voteRule';
const fields: Field[] = ['problemStatement', 'problemContext', 'projectId', 'personaCodes', 'maxRounds', 'budgetUsd', 'voteRule'];

/** The message for one input: a server detail whose path names it (`body.personaCodes.2` names personaCodes). */
function errorFor(error: unknown, field: Field): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.details.find((d) => d.field.split('.').includes(field))?.message;
}

/**
 * "Budget: €200k" lines as the session's context. A line without a colon is a fact without a name: it is kept
 * under "note 1", "note 2"… rather than refused.
 */
export function parseContext(text: string): Record<string, string> | undefined {
  const context: Record<string, string> = {};
  let notes = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    const value = colon > 0 ? line.slice(colon + 1).trim() : line;
    if (key && value) context[key] = value;
    else context[`note ${(notes += 1)}`] = value || key;
  }
  return Object.keys(context).length > 0 ? context : undefined;
}

/** /board/new: the question, what the panel should know, and (advanced) who sits on it and how it decides. */
export function NewSessionPage() {
  const organization = useOrganization();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useTitle('New board session', organization.name);
  const projects = useResource(`projects|${organization.id}`, (signal) => api.projects.list({ organizationId: organization.id, limit: 100 }, signal));
  const [values, setValues] = useState({
    problemStatement: '',
    context: '',
    projectId: params.get('projectId') ?? '',
    personaCodes: [] as string[],
    maxRounds: String(DEFAULT_MAX_ROUNDS),
    budgetUsd: '',
    voteRule: '' as VoteRule | '',
  });
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [advanced, setAdvanced] = useState(false);
  /** Inputs edited since the last submit: their old message no longer applies. */
  const [edited, setEdited] = useState<Set<Field>>(new Set());
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    const field: Field = key === 'context' ? 'problemContext' : key;
    setEdited((current) => (current.has(field) ? current : new Set(current).add(field)));
  };

  const message = (field: Field) => (edited.has(field) ? undefined : (local[field] ?? errorFor(error, field)));
  const covered = error instanceof ApiError && error.details.length > 0 && error.details.every((d) => fields.some((f) => d.field.split('.').includes(f)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const problems: Partial<Record<Field, string>> = {};
    const problemStatement = values.problemStatement.trim();
    if (!problemStatement) problems.problemStatement = 'Problem statement is required';
    if (values.personaCodes.length > 0 && values.personaCodes.length < 3) problems.personaCodes = 'Choose at least 3 personas, or none to let the board choose';
    setLocal(problems);
    setEdited(new Set());
    setError(null);
    if (Object.keys(problems).length > 0) {
      if (problems.personaCodes) setAdvanced(true);
      return;
    }
    const body: NewSession = { problemStatement };
    const context = parseContext(values.context);
    if (context) body.problemContext = context;
    if (values.projectId) body.projectId = values.projectId;
    else body.organizationId = organization.id;
    if (values.personaCodes.length > 0) body.personaCodes = values.personaCodes;
    if (values.maxRounds.trim() !== '') body.maxRounds = Number(values.maxRounds);
    if (values.budgetUsd.trim() !== '') body.budgetUsd = Number(values.budgetUsd);
    if (values.voteRule) body.voteRule = values.voteRule;
    setSubmitting(true);
    try {
      const created = await api.board.sessions.create(body);
      void navigate(`/board/sessions/${created.id}`);
    } catch (caught) {
      setError(caught);
      // A refusal about an advanced setting must be seen: open them.
      if (['personaCodes', 'maxRounds', 'budgetUsd', 'voteRule'].some((f) => errorFor(caught, f as Field))) setAdvanced(true);
      setSubmitting(false);
    }
  };

  const backTo = values.projectId && params.get('projectId') === values.projectId ? `/projects/${values.projectId}/board` : '/board';

  return (
    <div className="page page-narrow" data-testid="new-session-page">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/board">Board</Link>
            <span aria-hidden="true">/</span>
            <span>New session</span>
          </>
        }
        title="Ask the board"
        subtitle="A panel of expert personas answers blind, argues over rounds, votes, and writes a decision record with the strongest dissent."
      />
      <form className="form card new-session-form" onSubmit={(e) => void submit(e)} noValidate>
        {error != null && !covered && <ErrorBanner error={error} />}
        <TextAreaField
          label="Problem statement"
          value={values.problemStatement}
          onChange={(e) => set('problemStatement', e.target.value)}
          maxLength={PROBLEM_MAX}
          rows={3}
          required
          autoFocus
          placeholder="Should we launch in one city or three?"
          error={message('problemStatement')}
          hint={
            <span className="counter" data-testid="problem-counter">
              {values.problemStatement.length} / {PROBLEM_MAX}
            </span>
          }
          data-testid="problem-statement"
        />
        <TextAreaField
          label="Context"
          optional
          value={values.context}
          onChange={(e) => set('context', e.target.value)}
          rows={3}
          placeholder={'Budget: €200k\nTeam: 4 engineers\nDeadline: end of Q3'}
          hint="One fact a line, as “name: value”."
          error={message('problemContext')}
          data-testid="problem-context"
        />
        <SelectField
          label="Project"
          value={values.projectId}
          onChange={(e) => set('projectId', e.target.value)}
          error={message('projectId')}
          hint="Tied to a project, the panel reads its model, its members see the session, and the decision can be saved to its documents."
          data-testid="session-project"
        >
          <option value="">No project</option>
          {projects.data?.items.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
          {values.projectId && projects.status === 'ready' && !projects.data.items.some((p) => p.id === values.projectId) && (
            <option value={values.projectId}>This project</option>
          )}
        </SelectField>

        <details className="advanced" open={advanced} onToggle={(e) => setAdvanced(e.currentTarget.open)}>
          <summary data-testid="advanced-toggle">Advanced: panel, rounds, budget, vote rule</summary>
          <div className="form advanced-body">
            {advanced && (
              <PersonaPicker
                organizationId={organization.id}
                value={values.personaCodes}
                onChange={(codes) => set('personaCodes', codes)}
                error={message('personaCodes')}
              />
            )}
            <div className="field-row">
              <TextField
                label="Max rounds"
                type="number"
                inputMode="numeric"
                min={1}
                max={HARD_MAX_ROUNDS}
                step={1}
                value={values.maxRounds}
                onChange={(e) => set('maxRounds', e.target.value)}
                error={message('maxRounds')}
                hint={`1 to ${HARD_MAX_ROUNDS}; the rounds stop earlier once nothing new is said.`}
                data-testid="max-rounds"
              />
              <TextField
                label="Budget (USD)"
                optional
                type="number"
                inputMode="decimal"
                min={0}
                step="0.01"
                value={values.budgetUsd}
                onChange={(e) => set('budgetUsd', e.target.value)}
                error={message('budgetUsd')}
                hint="Empty: the organization’s default. Reaching it ends the rounds and writes the decision."
                data-testid="budget-usd"
              />
            </div>
            <SelectField
              label="Vote rule"
              value={values.voteRule}
              onChange={(e) => set('voteRule', e.target.value as VoteRule | '')}
              error={message('voteRule')}
              hint={values.voteRule ? voteRuleHints[values.voteRule] : 'The organization’s rule (Borda unless changed).'}
              data-testid="vote-rule"
            >
              <option value="">Organization default</option>
              {voteRules.map((rule) => (
                <option key={rule} value={rule}>
                  {voteRuleLabels[rule]}
                </option>
              ))}
            </SelectField>
          </div>
        </details>

        <div className="form-actions">
          <Link to={backTo} className="btn btn-secondary">
            Cancel
          </Link>
          <button type="submit" className="btn btn-primary" disabled={submitting} data-testid="start-session">
            {submitting ? 'Starting…' : 'Start the session'}
          </button>
        </div>
      </form>
    </div>
  );
}
