import { api } from '../../api/client';
import { ApiError } from '../../api/http';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { useForm } from '../../lib/use-form';
import type { Integration, IntegrationInput, IntegrationType, WebhookEventType } from './client';
import { eventLabels, eventTypes, typeHints, typeLabels } from './integration-labels';

type Props = { open: boolean; onClose(): void; onSaved(integration: Integration): void; organizationId: string };

type Values = {
  type: IntegrationType;
  name: string;
  url: string;
  events: WebhookEventType[];
  signingSecret: string;
  baseUrl: string;
  owner: string;
  repo: string;
  token: string;
  webhookSecret: string;
  propertyId: string;
  serviceAccountKey: string;
  apiBaseUrl: string;
  tokenUrl: string;
};

const initial: Values = {
  type: 'webhook',
  name: '',
  url: '',
  events: ['story.created'],
  signingSecret: '',
  baseUrl: '',
  owner: '',
  repo: '',
  token: '',
  webhookSecret: '',
  propertyId: '',
  serviceAccountKey: '',
  apiBaseUrl: '',
  tokenUrl: '',
};

/** 32 random bytes as hex: a signing secret the receiver pastes into its own configuration. */
function randomSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

function inputOf(values: Values): IntegrationInput {
  const name = values.name.trim();
  switch (values.type) {
    case 'webhook':
    case 'zapier':
      return { type: values.type, name, config: { url: values.url.trim(), events: values.events }, secrets: { signingSecret: values.signingSecret } };
    case 'github':
      return {
        type: 'github',
        name,
        config: { owner: values.owner.trim(), repo: values.repo.trim(), ...(optional(values.baseUrl) ? { baseUrl: values.baseUrl.trim() } : {}) },
        secrets: { token: values.token.trim(), ...(optional(values.webhookSecret) ? { webhookSecret: values.webhookSecret } : {}) },
      };
    case 'google_analytics':
      return {
        type: 'google_analytics',
        name,
        config: {
          propertyId: values.propertyId.trim(),
          ...(optional(values.apiBaseUrl) ? { apiBaseUrl: values.apiBaseUrl.trim() } : {}),
          ...(optional(values.tokenUrl) ? { tokenUrl: values.tokenUrl.trim() } : {}),
        },
        secrets: { serviceAccountKey: values.serviceAccountKey.trim() },
      };
  }
}

/** Adds an integration: the fields of its type; secrets are write-only (stored encrypted, never shown again). */
export function IntegrationFormDialog({ open, onClose, onSaved, organizationId }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="Add integration" description="Secrets are stored encrypted and never shown again." testId="integration-dialog">
      {open && <IntegrationForm onClose={onClose} onSaved={onSaved} organizationId={organizationId} />}
    </Dialog>
  );
}

function IntegrationForm({ onClose, onSaved, organizationId }: Omit<Props, 'open'>) {
  const form = useForm<Values>(initial, async (values) => {
    onSaved(await api.integrations.create(organizationId, inputOf(values)));
  });
  const { values } = form;
  // "config.events.0" names one chosen event; show it at the list.
  const eventsError =
    form.fieldError('events') ??
    (form.error instanceof ApiError ? form.error.details.find((detail) => detail.field.startsWith('config.events'))?.message : undefined);
  const toggleEvent = (event: WebhookEventType, on: boolean) =>
    form.set('events', on ? [...values.events.filter((e) => e !== event), event] : values.events.filter((e) => e !== event));

  return (
    <form onSubmit={form.onSubmit} noValidate data-testid="integration-form">
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        <SelectField
          label="Type"
          name="type"
          value={values.type}
          onChange={(e) => form.set('type', e.target.value as IntegrationType)}
          error={form.fieldError('type')}
          hint={typeHints[values.type]}
          data-testid="integration-type"
        >
          {(Object.keys(typeLabels) as IntegrationType[]).map((type) => (
            <option key={type} value={type}>
              {typeLabels[type]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Name"
          name="name"
          value={values.name}
          onChange={(e) => form.set('name', e.target.value)}
          error={form.fieldError('name')}
          placeholder={values.type === 'github' ? 'Product issues' : values.type === 'google_analytics' ? 'Web analytics' : 'Release notes bot'}
          maxLength={100}
          required
          data-autofocus
          data-testid="integration-name"
        />

        {(values.type === 'webhook' || values.type === 'zapier') && (
          <>
            <TextField
              label={values.type === 'zapier' ? 'Zapier “Catch Hook” URL' : 'URL'}
              name="url"
              type="url"
              value={values.url}
              onChange={(e) => form.set('url', e.target.value)}
              error={form.fieldError('url')}
              placeholder={values.type === 'zapier' ? 'https://hooks.zapier.com/hooks/catch/…' : 'https://example.com/atelier-events'}
              required
              spellCheck={false}
              autoComplete="off"
              data-testid="integration-url"
            />
            <fieldset className={eventsError ? 'field field-invalid integration-events-field' : 'field integration-events-field'} aria-describedby={eventsError ? 'integration-events-error' : undefined}>
              <legend className="field-label">Events</legend>
              {eventTypes.map((event) => (
                <label key={event} className="checkbox-row">
                  <input type="checkbox" checked={values.events.includes(event)} onChange={(e) => toggleEvent(event, e.target.checked)} value={event} />
                  {eventLabels[event]}
                </label>
              ))}
              {eventsError && (
                <p className="field-error" id="integration-events-error" data-testid="field-error">
                  {eventsError}
                </p>
              )}
            </fieldset>
            <TextField
              label="Signing secret"
              name="signingSecret"
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={values.signingSecret}
              onChange={(e) => form.set('signingSecret', e.target.value)}
              error={form.fieldError('signingSecret')}
              hint="At least 16 characters. Each request carries X-Atelier-Signature: v1=HMAC-SHA256 of “timestamp.body” with it."
              required
              className="input input-mono"
              trailing={
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => form.set('signingSecret', randomSecret())} data-testid="generate-secret">
                  Generate
                </button>
              }
              data-testid="integration-signing-secret"
            />
            {values.signingSecret.length >= 16 && (
              <p className="muted integration-secret-copy">
                Copy it now for the receiver: <code className="integration-secret-value">{values.signingSecret}</code>
              </p>
            )}
          </>
        )}

        {values.type === 'github' && (
          <>
            <div className="field-row">
              <TextField label="Owner" name="owner" value={values.owner} onChange={(e) => form.set('owner', e.target.value)} error={form.fieldError('owner')} placeholder="acme" required spellCheck={false} />
              <TextField label="Repository" name="repo" value={values.repo} onChange={(e) => form.set('repo', e.target.value)} error={form.fieldError('repo')} placeholder="product" required spellCheck={false} />
            </div>
            <TextField
              label="API base URL"
              name="baseUrl"
              type="url"
              value={values.baseUrl}
              onChange={(e) => form.set('baseUrl', e.target.value)}
              error={form.fieldError('baseUrl')}
              placeholder="https://api.github.com"
              hint="For GitHub Enterprise: https://github.example.com/api/v3"
              optional
              spellCheck={false}
            />
            <TextField
              label="Token"
              name="token"
              type="password"
              autoComplete="new-password"
              value={values.token}
              onChange={(e) => form.set('token', e.target.value)}
              error={form.fieldError('token')}
              hint="A fine-grained token with read and write access to the repository's issues."
              required
              className="input input-mono"
            />
            <TextField
              label="Webhook secret"
              name="webhookSecret"
              type="password"
              autoComplete="new-password"
              value={values.webhookSecret}
              onChange={(e) => form.set('webhookSecret', e.target.value)}
              error={form.fieldError('webhookSecret')}
              hint="The secret of the repository's webhook, so closed issues come back at once; without it Atelier polls."
              optional
              className="input input-mono"
            />
          </>
        )}

        {values.type === 'google_analytics' && (
          <>
            <TextField
              label="GA4 property id"
              name="propertyId"
              inputMode="numeric"
              value={values.propertyId}
              onChange={(e) => form.set('propertyId', e.target.value)}
              error={form.fieldError('propertyId')}
              placeholder="123456789"
              required
            />
            <TextAreaField
              label="Service account key (JSON)"
              name="serviceAccountKey"
              value={values.serviceAccountKey}
              onChange={(e) => form.set('serviceAccountKey', e.target.value)}
              error={form.fieldError('serviceAccountKey')}
              hint="The key file of a service account with Viewer access to the property."
              rows={4}
              required
              spellCheck={false}
              className="textarea input-mono"
            />
            <div className="field-row">
              <TextField label="Data API base URL" name="apiBaseUrl" type="url" value={values.apiBaseUrl} onChange={(e) => form.set('apiBaseUrl', e.target.value)} error={form.fieldError('apiBaseUrl')} placeholder="https://analyticsdata.googleapis.com" optional spellCheck={false} />
              <TextField label="Token URL" name="tokenUrl" type="url" value={values.tokenUrl} onChange={(e) => form.set('tokenUrl', e.target.value)} error={form.fieldError('tokenUrl')} placeholder="https://oauth2.googleapis.com/token" optional spellCheck={false} />
            </div>
          </>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.submitting} data-testid="integration-save">
          {form.submitting ? 'Adding…' : 'Add integration'}
        </button>
      </footer>
    </form>
  );
}
