import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { ErrorBanner } from '../../components/error-banner';
import { asSentence, SelectField, TextField } from '../../components/field';
import { PlusIcon, XIcon } from '../../components/icons';
import { LoadingState } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { SettingsTabs } from '../../layout/settings-tabs';
import { roleLabels } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { canManageMembers, useOrganization } from '../../lib/workspace';
import type { Organization } from '../organizations/client';
import { familyLabels, HARD_MAX_ROUNDS, MODERATOR_CODE, voteRuleLabels, voteRules, voteRuleSummaries } from './board-labels';
import type { BoardSettings, Persona } from './client';
import type { VoteRule } from '../../../shared/board-kinds';
import './board.css';

/** The key of the persona-models entry for every persona not named on its own. */
const EVERY_OTHER = '*';

/** One line of the persona models: `key` only tells React's rows apart (a code can change while the row stays). */
type ModelRow = { key: number; code: string; model: string };

type Values = {
  defaultBudgetUsd: string;
  defaultTokenCap: string;
  defaultMaxRounds: string;
  voteRule: VoteRule;
  personaModels: ModelRow[];
};

type Problem = { field: string; message: string };

const scalarFields = ['defaultBudgetUsd', 'defaultTokenCap', 'defaultMaxRounds', 'voteRule'] as const;

let nextRowKey = 1;
const newRow = (code = '', model = ''): ModelRow => ({ key: nextRowKey++, code, model });

function valuesOf(settings: BoardSettings): Values {
  // "Every other persona" last: it reads as the fallback of the rows above it.
  const entries = Object.entries(settings.personaModels).sort(([a], [b]) => (a === EVERY_OTHER ? 1 : b === EVERY_OTHER ? -1 : a.localeCompare(b)));
  return {
    defaultBudgetUsd: String(settings.defaultBudgetUsd),
    defaultTokenCap: settings.defaultTokenCap === null ? '' : String(settings.defaultTokenCap),
    defaultMaxRounds: String(settings.defaultMaxRounds),
    voteRule: settings.voteRule,
    personaModels: entries.map(([code, model]) => newRow(code, model)),
  };
}

/** The path under personaModels a row's messages use: its persona code, or its key while it has none. */
const rowPath = (row: ModelRow) => (row.code ? row.code : `row-${row.key}`);

/** A number typed into the form; an empty box is "required" and text that is not a number says so. */
function parseNumber(text: string, field: string, label: string, problems: Problem[]): number | undefined {
  const trimmed = text.trim().replace(/^\$/, '');
  if (!trimmed) {
    problems.push({ field, message: `${label} is required` });
    return undefined;
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) problems.push({ field, message: `${label} must be a number` });
  return value;
}

/**
 * The request body: every setting, the persona models as the whole new map (rows left entirely empty are dropped).
 * What the server would refuse anyway is left to it, so its messages are the ones shown; only what cannot be sent
 * at all (an empty number, a model without a persona) is caught here, as field errors.
 */
function bodyOf(values: Values) {
  const problems: Problem[] = [];
  const defaultBudgetUsd = parseNumber(values.defaultBudgetUsd, 'defaultBudgetUsd', 'Budget', problems);
  const defaultMaxRounds = parseNumber(values.defaultMaxRounds, 'defaultMaxRounds', 'Max rounds', problems);
  const defaultTokenCap = values.defaultTokenCap.trim() === '' ? null : parseNumber(values.defaultTokenCap, 'defaultTokenCap', 'Token cap', problems);
  const personaModels: Record<string, string> = {};
  for (const row of values.personaModels) {
    const model = row.model.trim();
    if (!row.code && !model) continue;
    if (!row.code) problems.push({ field: `personaModels.${rowPath(row)}`, message: 'Choose a persona for this model' });
    else personaModels[row.code] = model;
  }
  if (problems.length > 0) throw new ApiError(400, 'VALIDATION_FAILED', 'Check the highlighted fields.', problems);
  return { defaultBudgetUsd, defaultTokenCap, defaultMaxRounds, voteRule: values.voteRule, personaModels };
}

/** What the form would save, to tell whether anything changed. */
function fingerprint(values: Values): string {
  const models = values.personaModels
    .filter((row) => row.code || row.model.trim())
    .map((row) => [row.code, row.model.trim()])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return JSON.stringify([values.defaultBudgetUsd.trim(), values.defaultTokenCap.trim(), values.defaultMaxRounds.trim(), values.voteRule, models]);
}

/** The path segments after `personaModels` in a message's field, or null when it names something else. */
function personaModelsPath(field: string): string[] | null {
  const segments = field.split('.');
  const at = segments.indexOf('personaModels');
  return at === -1 ? null : segments.slice(at + 1);
}

/** /settings/board: the organization's defaults for board sessions (members read, admins change). */
export function BoardSettingsPage() {
  const organization = useOrganization();
  useTitle('Board settings', organization.name);
  const settings = useResource(`board-settings|${organization.id}`, (signal) => api.board.settings.get(organization.id, signal));
  const personas = useResource(`personas|${organization.id}`, (signal) => api.board.personas({ organizationId: organization.id }, signal));
  return (
    <div className="page page-narrow" data-testid="board-settings-page">
      <PageHeader title="Settings" subtitle={`${organization.name} · you are ${roleLabels[organization.role]?.toLowerCase() ?? organization.role}`} />
      <SettingsTabs />
      {settings.status === 'loading' && <LoadingState label="Loading the board settings" />}
      {settings.status === 'error' && <ErrorBanner error={settings.error} title="The board settings could not be loaded." onRetry={settings.reload} />}
      {settings.status === 'ready' && (
        <BoardSettingsForm
          // A fresh form for another organization: its rows and values start from that organization's settings.
          key={organization.id}
          organization={organization}
          settings={settings.data}
          // The contract refuses the moderator's code as a persona-models key: it is not offered.
          personas={personas.status === 'ready' ? personas.data.items.filter((persona) => persona.code !== MODERATOR_CODE) : []}
          personasError={personas.status === 'error' ? personas.error : null}
          onSaved={settings.set}
        />
      )}
    </div>
  );
}

function BoardSettingsForm({
  organization,
  settings,
  personas,
  personasError,
  onSaved,
}: {
  organization: Organization;
  settings: BoardSettings;
  personas: Persona[];
  personasError: unknown;
  onSaved(settings: BoardSettings): void;
}) {
  const toast = useToast();
  const canEdit = canManageMembers(organization);
  const form = useForm<Values>(valuesOf(settings), async (values, { setValues }) => {
    const saved = await api.board.settings.update(organization.id, bodyOf(values));
    setValues(valuesOf(saved));
    onSaved(saved);
    toast.show('Board settings saved');
  });
  const { values } = form;
  const savedPrint = useMemo(() => fingerprint(valuesOf(settings)), [settings]);
  const dirty = fingerprint(values) !== savedPrint;
  /** Rows edited since the last save: their old message no longer applies. */
  const [editedRows, setEditedRows] = useState<Set<number>>(new Set());
  /** The row just added, whose persona takes the focus. */
  const [addedRow, setAddedRow] = useState<number | null>(null);

  const error = form.error instanceof ApiError ? form.error : null;
  const rowError = (row: ModelRow): string | undefined => {
    if (!error || editedRows.has(row.key)) return undefined;
    return error.details.find((d) => personaModelsPath(d.field)?.[0] === rowPath(row))?.message;
  };
  /** A message about the persona models as a whole (too many, or a persona code the server refuses). */
  const listError = (): string | undefined => {
    if (!error || editedRows.size > 0) return undefined;
    const rowPaths = new Set(values.personaModels.map(rowPath));
    return error.details.find((d) => {
      const path = personaModelsPath(d.field);
      return path !== null && (path.length === 0 || !rowPaths.has(path[0]!));
    })?.message;
  };
  const covered =
    error !== null &&
    error.details.length > 0 &&
    error.details.every((d) => personaModelsPath(d.field) !== null || (scalarFields as readonly string[]).includes(d.field.split('.').pop() ?? ''));
  const banner = covered ? null : form.error;

  const setRows = (rows: ModelRow[], edited?: number) => {
    form.set('personaModels', rows);
    if (edited !== undefined) setEditedRows((current) => new Set(current).add(edited));
  };
  const updateRow = (key: number, patch: Partial<ModelRow>) =>
    setRows(
      values.personaModels.map((row) => (row.key === key ? { ...row, ...patch } : row)),
      key,
    );
  const addRow = () => {
    const row = newRow();
    setAddedRow(row.key);
    setRows([...values.personaModels, row]);
  };
  const removeRow = (key: number) => setRows(values.personaModels.filter((row) => row.key !== key), key);

  const modelsMessage = listError();

  const submit = (event: FormEvent) => {
    setEditedRows(new Set());
    form.onSubmit(event);
  };

  const personaName = (code: string) => (code === EVERY_OTHER ? 'every other persona' : (personas.find((p) => p.code === code)?.name ?? code));

  return (
    <section className="card settings-section" aria-labelledby="board-settings-heading">
      <h2 className="section-title" id="board-settings-heading">
        Board sessions
      </h2>
      <p className="muted board-settings-intro">What a new board session starts with unless its author chooses otherwise.</p>
      {!canEdit && (
        <p className="banner banner-info read-only-note" data-testid="board-settings-read-only">
          Only admins and owners can change the board settings. You can see what this organization uses.
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate data-testid="board-settings-form">
        <ErrorBanner error={banner} />
        <div className="field-row">
          <TextField
            label="Default budget per session (USD)"
            name="defaultBudgetUsd"
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            value={values.defaultBudgetUsd}
            onChange={(e) => form.set('defaultBudgetUsd', e.target.value)}
            error={form.fieldError('defaultBudgetUsd')}
            disabled={!canEdit}
            hint="The most a session’s AI calls may cost."
            data-testid="board-budget"
          />
          <TextField
            label="Default token cap"
            name="defaultTokenCap"
            type="number"
            min={1}
            step="1"
            inputMode="numeric"
            value={values.defaultTokenCap}
            onChange={(e) => form.set('defaultTokenCap', e.target.value)}
            error={form.fieldError('defaultTokenCap')}
            disabled={!canEdit}
            placeholder="No cap"
            hint="The most tokens a session may use; empty for no cap."
            optional
            data-testid="board-token-cap"
          />
        </div>
        <TextField
          label="Default max rounds"
          name="defaultMaxRounds"
          type="number"
          min={1}
          max={HARD_MAX_ROUNDS}
          step="1"
          inputMode="numeric"
          value={values.defaultMaxRounds}
          onChange={(e) => form.set('defaultMaxRounds', e.target.value)}
          error={form.fieldError('defaultMaxRounds')}
          disabled={!canEdit}
          hint={`From 1 to ${HARD_MAX_ROUNDS}; the board stops earlier when the debate stops moving.`}
          data-testid="board-max-rounds"
        />
        <VoteRuleField value={values.voteRule} onChange={(rule) => form.set('voteRule', rule)} error={form.fieldError('voteRule')} disabled={!canEdit} />

        <fieldset className="persona-models" aria-describedby="persona-models-hint">
          <legend className="field-label">Persona models</legend>
          <p className="field-hint" id="persona-models-hint">
            The model a persona runs on. Personas not listed use the “Every other persona” row, or the organization’s AI provider model without one.
          </p>
          {personasError != null && <ErrorBanner error={personasError} title="The personas could not be loaded; their codes are shown instead." />}
          {values.personaModels.length === 0 && (
            <p className="muted persona-models-empty" data-testid="persona-models-empty">
              Every persona runs on the organization’s model.
            </p>
          )}
          <ul className="persona-model-rows">
            {values.personaModels.map((row) => {
              const taken = new Set(values.personaModels.filter((other) => other.key !== row.key).map((other) => other.code));
              const message = rowError(row);
              return (
                <li key={row.key} className="persona-model-row" data-testid="persona-model-row">
                  <SelectField
                    label="Persona"
                    value={row.code}
                    onChange={(e) => updateRow(row.key, { code: e.target.value })}
                    disabled={!canEdit}
                    autoFocus={row.key === addedRow}
                    error={row.code === '' ? message : undefined}
                    data-testid="persona-model-persona"
                  >
                    {row.code === '' && <option value="">Choose a persona…</option>}
                    <option value={EVERY_OTHER} disabled={taken.has(EVERY_OTHER)}>
                      Every other persona
                    </option>
                    {row.code !== '' && row.code !== EVERY_OTHER && !personas.some((p) => p.code === row.code) && <option value={row.code}>{row.code}</option>}
                    {personas.map((persona) => (
                      <option key={persona.code} value={persona.code} disabled={taken.has(persona.code)}>
                        {persona.name} · {familyLabels[persona.family]}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    label="Model"
                    value={row.model}
                    onChange={(e) => updateRow(row.key, { model: e.target.value })}
                    disabled={!canEdit}
                    placeholder="e.g. gpt-4o-mini"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={200}
                    error={row.code === '' ? undefined : message}
                    data-testid="persona-model-name"
                  />
                  {canEdit && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-icon persona-model-remove"
                      onClick={() => removeRow(row.key)}
                      aria-label={row.code ? `Remove the model for ${personaName(row.code)}` : 'Remove this row'}
                      title="Remove"
                      data-testid="remove-persona-model"
                    >
                      <XIcon size={16} />
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {modelsMessage && (
            <p className="field-error" data-testid="field-error">
              {asSentence(modelsMessage)}
            </p>
          )}
          {canEdit && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={addRow} data-testid="add-persona-model">
              <PlusIcon size={14} /> Add a persona model
            </button>
          )}
        </fieldset>

        {canEdit && (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.submitting || !dirty} data-testid="save-board-settings">
              {form.submitting ? 'Saving…' : 'Save'}
            </button>
            {dirty && !form.submitting && <span className="form-note">Unsaved changes</span>}
          </div>
        )}
      </form>
    </section>
  );
}

function VoteRuleField({ value, onChange, error, disabled }: { value: VoteRule; onChange(rule: VoteRule): void; error?: string; disabled: boolean }) {
  return (
    <fieldset className={error ? 'field field-invalid vote-rule-field' : 'field vote-rule-field'} aria-describedby={error ? 'vote-rule-error' : undefined}>
      <legend className="field-label">Vote rule</legend>
      {voteRules.map((rule) => (
        <label key={rule} className="vote-rule-choice">
          <input type="radio" name="voteRule" value={rule} checked={value === rule} onChange={() => onChange(rule)} disabled={disabled} data-testid={`vote-rule-${rule}`} />
          <span>
            <strong>{voteRuleLabels[rule]}</strong>
            <span className="muted"> — {voteRuleSummaries[rule]}</span>
          </span>
        </label>
      ))}
      {error && (
        <p className="field-error" id="vote-rule-error" data-testid="field-error">
          {asSentence(error)}
        </p>
      )}
    </fieldset>
  );
}
