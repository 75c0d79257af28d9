import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import type { Organization } from '../organizations/client';
import { aiProviders, type AiProvider, type AiSettings, type AiSettingsPatch, type ConnectionCheck } from './client';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextField } from '../../components/field';
import { AlertIcon, CheckIcon, KeyIcon, SparklesIcon } from '../../components/icons';
import { LoadingState } from '../../components/spinner';
import { useToast } from '../../components/toast';
import { PageHeader } from '../../layout/page-header';
import { defaultBaseUrls, defaultModels, OFFLINE_ENGINE_NOTE, providerNames, providerOptionLabels } from './ai-labels';
import { formatDateTime, formatDuration, formatUsd, roleLabels } from '../../lib/format';
import { useForm } from '../../lib/use-form';
import { useResource } from '../../lib/use-resource';
import { useTitle } from '../../lib/use-title';
import { canManageMembers, useOrganization } from '../../lib/workspace';
import { SettingsTabs } from '../../layout/settings-tabs';

type Values = {
  provider: AiProvider | '';
  model: string;
  baseUrl: string;
  apiKey: string;
  monthlyBudgetUsd: string;
  runBudgetUsd: string;
};

const fieldNames: Array<keyof Values> = ['provider', 'model', 'baseUrl', 'apiKey', 'monthlyBudgetUsd', 'runBudgetUsd'];

function valuesOf(settings: AiSettings): Values {
  return {
    provider: settings.provider ?? '',
    model: settings.model ?? '',
    baseUrl: settings.baseUrl ?? '',
    apiKey: '',
    monthlyBudgetUsd: settings.monthlyBudgetUsd === null ? '' : String(settings.monthlyBudgetUsd),
    runBudgetUsd: settings.runBudgetUsd === null ? '' : String(settings.runBudgetUsd),
  };
}

const usesModel = (provider: AiProvider | '') => provider !== '' && provider !== 'builtin';
const usesBaseUrl = usesModel;
const usesKey = (provider: AiProvider | '') => provider === 'openai' || provider === 'anthropic' || provider === 'openai-compatible';

function parseUsd(text: string, field: string, problems: Array<{ field: string; message: string }>): number | null {
  const trimmed = text.trim().replace(/^\$/, '');
  if (!trimmed) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) problems.push({ field, message: 'must be an amount in dollars, like 25 or 12.50' });
  else if (value < 0) problems.push({ field, message: 'must not be negative' });
  return value;
}

/** The request body for the form: everything it shows, null for what it leaves empty. Throws field errors. */
function patchOf(values: Values, removeKey: boolean): AiSettingsPatch {
  const problems: Array<{ field: string; message: string }> = [];
  const provider = values.provider || null;
  const patch: AiSettingsPatch = {
    provider,
    model: usesModel(values.provider) && values.model.trim() ? values.model.trim() : null,
    baseUrl: usesBaseUrl(values.provider) && values.baseUrl.trim() ? values.baseUrl.trim() : null,
    monthlyBudgetUsd: parseUsd(values.monthlyBudgetUsd, 'monthlyBudgetUsd', problems),
    runBudgetUsd: parseUsd(values.runBudgetUsd, 'runBudgetUsd', problems),
  };
  if (removeKey) patch.apiKey = null;
  else if (usesKey(values.provider) && values.apiKey.trim()) patch.apiKey = values.apiKey.trim();
  if (problems.length) throw new ApiError(400, 'VALIDATION_FAILED', 'Check the highlighted fields.', problems);
  return patch;
}

export function AiSettingsPage() {
  const organization = useOrganization();
  useTitle('AI provider', organization.name);
  const settings = useResource(organization.id, (signal) => api.ai.settings.get(organization.id, signal));
  return (
    <div className="page page-narrow" data-testid="ai-settings-page">
      <PageHeader title="Settings" subtitle={`${organization.name} · you are ${roleLabels[organization.role]?.toLowerCase() ?? organization.role}`} />
      <SettingsTabs />
      {settings.status === 'loading' && <LoadingState label="Loading the AI settings" />}
      {settings.status === 'error' && <ErrorBanner error={settings.error} title="The AI settings could not be loaded." onRetry={settings.reload} />}
      {settings.status === 'ready' && (
        <>
          <EffectiveProvider settings={settings.data} />
          <AiSettingsForm organization={organization} settings={settings.data} onSaved={settings.set} />
        </>
      )}
    </div>
  );
}

function EffectiveProvider({ settings }: { settings: AiSettings }) {
  const { effective } = settings;
  const offline = effective.provider === 'builtin';
  return (
    <section className="card settings-section effective-card" aria-labelledby="effective-heading" data-testid="ai-effective">
      <div className="effective-icon" aria-hidden="true">
        <SparklesIcon size={18} />
      </div>
      <div className="effective-body">
        <h2 className="effective-title" id="effective-heading">
          In effect: <span data-testid="ai-effective-provider">{offline ? 'Built-in offline engine' : providerNames[effective.provider]}</span>
          {!offline && (
            <>
              {' · '}
              <code className="effective-model">{effective.model}</code>
            </>
          )}
        </h2>
        <p className="muted">
          {effective.source === 'organization' ? 'Chosen for this organization' : 'The server’s default — this organization has not chosen its own'}
          {effective.baseUrl ? (
            <>
              {' · '}
              <span className="nowrap">{effective.baseUrl}</span>
            </>
          ) : null}
          {settings.updatedAt ? ` · changed ${formatDateTime(settings.updatedAt)}` : ''}
        </p>
        {offline && (
          <p className="effective-note" data-testid="offline-note">
            {OFFLINE_ENGINE_NOTE} It is free and nothing leaves this server, but its briefs and answers are drafts built from
            your own words — connect a language model below for richer results.
          </p>
        )}
      </div>
      <Link to="/usage" className="btn btn-ghost btn-sm effective-link">
        View usage
      </Link>
    </section>
  );
}

function AiSettingsForm({ organization, settings, onSaved }: { organization: Organization; settings: AiSettings; onSaved(settings: AiSettings): void }) {
  const toast = useToast();
  const canEdit = canManageMembers(organization);
  const [removeKey, setRemoveKey] = useState(false);
  const [testing, setTesting] = useState(false);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [testError, setTestError] = useState<unknown>(null);

  const form = useForm<Values>(valuesOf(settings), async (values, { setValues }) => {
    const saved = await api.ai.settings.update(organization.id, patchOf(values, removeKey));
    setRemoveKey(false);
    setValues(valuesOf(saved));
    onSaved(saved);
    toast.show('AI settings saved');
  });
  const { values } = form;
  const initial = valuesOf(settings);
  const dirty = removeKey || fieldNames.some((name) => values[name] !== initial[name]);

  const fieldError = (name: keyof Values): string | undefined =>
    form.fieldError(name) ?? (testError instanceof ApiError ? testError.fieldError(name) : undefined);

  const change = <K extends keyof Values>(name: K, value: Values[K]) => {
    form.set(name, value);
    setCheck(null);
    setTestError(null);
  };

  const test = async () => {
    setTesting(true);
    setCheck(null);
    setTestError(null);
    try {
      setCheck(await api.ai.settings.test(organization.id, patchOf(values, removeKey)));
    } catch (caught) {
      setTestError(caught);
    } finally {
      setTesting(false);
    }
  };

  const provider = values.provider;
  const fallback = settings.serverDefault;
  const serverDefault = `Server default (${fallback.provider === 'builtin' ? 'built-in offline engine' : `${providerNames[fallback.provider]} · ${fallback.model}`})`;
  const testBanner = testError instanceof ApiError && testError.coveredBy(fieldNames) ? null : testError;

  return (
    <section className="card settings-section" aria-labelledby="ai-provider-heading">
      <h2 className="section-title" id="ai-provider-heading">
        Provider and model
      </h2>
      {!canEdit && (
        <p className="banner banner-info read-only-note" data-testid="ai-settings-read-only">
          Only admins and owners can change the AI provider. You can see what this organization uses.
        </p>
      )}
      <form className="form ai-form" onSubmit={form.onSubmit} noValidate>
        <ErrorBanner error={form.formError} />
        <SelectField
          label="Provider"
          name="provider"
          value={provider}
          onChange={(e) => change('provider', e.target.value as Values['provider'])}
          error={fieldError('provider')}
          disabled={!canEdit}
          hint={providerHint(provider)}
        >
          <option value="">{serverDefault}</option>
          {aiProviders.map((name) => (
            <option key={name} value={name}>
              {providerOptionLabels[name]}
            </option>
          ))}
        </SelectField>

        {usesModel(provider) && (
          <TextField
            label="Model"
            name="model"
            value={values.model}
            onChange={(e) => change('model', e.target.value)}
            error={fieldError('model')}
            disabled={!canEdit}
            placeholder={defaultModels[provider] || 'e.g. qwen2.5-7b-instruct'}
            hint={modelHint(provider)}
            optional={provider !== 'openai-compatible'}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
          />
        )}

        {usesBaseUrl(provider) && (
          <TextField
            label="Base URL"
            name="baseUrl"
            type="url"
            value={values.baseUrl}
            onChange={(e) => change('baseUrl', e.target.value)}
            error={fieldError('baseUrl')}
            disabled={!canEdit}
            placeholder={defaultBaseUrls[provider] ?? 'http://localhost:8000/v1'}
            hint={baseUrlHint(provider)}
            optional={provider !== 'openai-compatible'}
            required={provider === 'openai-compatible'}
            autoComplete="off"
            spellCheck={false}
          />
        )}

        {usesKey(provider) && canEdit && (
          <div className="key-field">
            <TextField
              label="API key"
              name="apiKey"
              type="password"
              value={values.apiKey}
              onChange={(e) => change('apiKey', e.target.value)}
              error={fieldError('apiKey')}
              disabled={removeKey}
              placeholder={settings.hasApiKey ? 'Enter a new key to replace the saved one' : provider === 'openai' ? 'sk-…' : provider === 'anthropic' ? 'sk-ant-…' : ''}
              hint={
                settings.hasApiKey
                  ? undefined
                  : provider === 'openai-compatible'
                    ? 'Only if your server asks for one. Stored encrypted; never shown again.'
                    : 'Stored encrypted on this server; never shown again, not even to admins.'
              }
              optional={provider === 'openai-compatible' || settings.hasApiKey}
              autoComplete="new-password"
              spellCheck={false}
            />
            {settings.hasApiKey && (
              <div className={removeKey ? 'key-status key-status-removing' : 'key-status'} data-testid="api-key-status">
                <KeyIcon size={14} />
                <span>{removeKey ? 'The saved key will be removed when you save.' : 'A key is saved. It is stored encrypted and never shown.'}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setRemoveKey((r) => !r);
                    form.set('apiKey', '');
                    setCheck(null);
                  }}
                  data-testid="remove-api-key"
                >
                  {removeKey ? 'Keep key' : 'Remove key'}
                </button>
              </div>
            )}
          </div>
        )}
        {!canEdit && usesKey(provider) && (
          <TextField label="API key" name="apiKey" value={settings.hasApiKey ? 'A key is saved' : 'No key saved'} readOnly disabled />
        )}

        <div className="field-row">
          <TextField
            label="Monthly budget (USD)"
            name="monthlyBudgetUsd"
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            value={values.monthlyBudgetUsd}
            onChange={(e) => change('monthlyBudgetUsd', e.target.value)}
            error={fieldError('monthlyBudgetUsd')}
            disabled={!canEdit}
            placeholder="No limit"
            hint="AI calls stop for the month once the organization’s cost reaches it."
            optional
          />
          <TextField
            label="Budget per run (USD)"
            name="runBudgetUsd"
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            value={values.runBudgetUsd}
            onChange={(e) => change('runBudgetUsd', e.target.value)}
            error={fieldError('runBudgetUsd')}
            disabled={!canEdit}
            placeholder="No limit"
            hint="A single task or batch job stops once its cost reaches it."
            optional
          />
        </div>

        {canEdit && (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.submitting || !dirty} data-testid="save-ai-settings">
              {form.submitting ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => void test()} disabled={testing} data-testid="test-connection">
              {testing ? 'Testing…' : 'Test connection'}
            </button>
            {dirty && !form.submitting && <span className="form-note">Unsaved changes — the test uses them as shown.</span>}
          </div>
        )}
        {check && <ConnectionResult check={check} />}
        <ErrorBanner error={testBanner} title="The connection could not be tested." />
      </form>
      {settings.monthlyBudgetUsd !== null || settings.runBudgetUsd !== null ? (
        <p className="muted budget-summary">
          Limits in force:{' '}
          {[
            settings.monthlyBudgetUsd !== null ? `${formatUsd(settings.monthlyBudgetUsd)} a month` : null,
            settings.runBudgetUsd !== null ? `${formatUsd(settings.runBudgetUsd)} per run` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
          .
        </p>
      ) : null}
    </section>
  );
}

function ConnectionResult({ check }: { check: ConnectionCheck }) {
  return (
    <div
      className={check.ok ? 'banner banner-success connection-result' : 'banner banner-error connection-result'}
      role={check.ok ? 'status' : 'alert'}
      data-testid="connection-result"
      data-ok={check.ok ? 'true' : 'false'}
    >
      {check.ok ? <CheckIcon size={16} className="banner-icon" /> : <AlertIcon size={16} className="banner-icon" />}
      <div className="banner-body">
        <strong className="banner-title">{check.ok ? 'Connection works' : 'Connection failed'}</strong>
        <span>{check.message}</span>
        <span className="banner-meta">
          {check.provider === 'builtin' ? 'Built-in offline engine' : `${providerNames[check.provider]} · ${check.model}`} · {formatDuration(check.latencyMs)}
        </span>
      </div>
    </div>
  );
}

function providerHint(provider: AiProvider | ''): string {
  switch (provider) {
    case '':
      return 'Uses whatever the server is configured with (AI_PROVIDER), with the server’s key.';
    case 'builtin':
      return OFFLINE_ENGINE_NOTE;
    case 'openai':
      return 'Calls the OpenAI API with your key; usage is billed by OpenAI.';
    case 'anthropic':
      return 'Calls the Anthropic API with your key; usage is billed by Anthropic.';
    case 'ollama':
      return 'Runs open models on a machine you control; nothing leaves your network.';
    case 'openai-compatible':
      return 'Any server that speaks the OpenAI chat completions API, hosted or on your own hardware.';
  }
}

function modelHint(provider: AiProvider): string {
  switch (provider) {
    case 'openai':
    case 'anthropic':
      return `Leave empty for ${defaultModels[provider]}.`;
    case 'ollama':
      return `A model you have pulled with \`ollama pull\`; empty means ${defaultModels.ollama}.`;
    case 'openai-compatible':
      return 'The model name as your server lists it under /v1/models.';
    default:
      return '';
  }
}

function baseUrlHint(provider: AiProvider): string {
  switch (provider) {
    case 'openai-compatible':
      return 'The API root of your server, including /v1 — for example http://localhost:8000/v1.';
    case 'ollama':
      return `Leave empty for ${defaultBaseUrls.ollama} on this server’s machine.`;
    default:
      return `Only for a proxy or gateway; empty means ${defaultBaseUrls[provider] ?? 'the provider’s own API'}.`;
  }
}
