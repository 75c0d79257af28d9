import { api } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextField } from '../../components/field';
import { useForm } from '../../lib/use-form';
import type { ConnectionMode, DbType } from '../../../modules/dbassist/dbassist.contract';
import type { Connection } from './client';
import { dbTypeLabels, dbTypeOptions, modeLabels, uriExamples } from './dbassist-labels';

type Props = {
  open: boolean;
  onClose(): void;
  onSaved(connection: Connection): void;
  organizationId: string;
  /** The connection to edit; without it the dialog adds one. */
  connection?: Connection;
};

/** Adds or edits a connection. The URI is write-only: the field starts empty and, when editing, empty keeps the old one. */
export function ConnectionFormDialog({ open, onClose, onSaved, organizationId, connection }: Props) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={connection ? `Edit ${connection.name}` : 'Add connection'}
      description={connection ? undefined : 'Atelier stores the connection URI encrypted and never shows it again.'}
      testId="connection-dialog"
    >
      {open && <ConnectionForm onClose={onClose} onSaved={onSaved} organizationId={organizationId} connection={connection} />}
    </Dialog>
  );
}

function ConnectionForm({ onClose, onSaved, organizationId, connection }: Omit<Props, 'open'>) {
  const form = useForm(
    {
      name: connection?.name ?? '',
      dbType: connection?.dbType ?? 'postgres',
      connectionUri: '',
      mode: connection?.mode ?? 'read-only',
    },
    async (values) => {
      const uri = values.connectionUri.trim();
      if (connection) {
        const saved = await api.dbassist.connections.update(connection.id, {
          ...(values.name.trim() !== connection.name ? { name: values.name } : {}),
          ...(values.dbType !== connection.dbType ? { dbType: values.dbType } : {}),
          ...(values.mode !== connection.mode ? { mode: values.mode } : {}),
          ...(uri ? { connectionUri: uri } : {}),
        });
        onSaved(saved);
      } else {
        onSaved(await api.dbassist.connections.create(organizationId, { name: values.name, dbType: values.dbType, connectionUri: uri, mode: values.mode }));
      }
    },
  );
  const unchanged =
    connection !== undefined &&
    form.values.name.trim() === connection.name &&
    form.values.dbType === connection.dbType &&
    form.values.mode === connection.mode &&
    form.values.connectionUri.trim() === '';

  return (
    <form onSubmit={form.onSubmit} noValidate data-testid="connection-form">
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        <TextField
          label="Name"
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
          error={form.fieldError('name')}
          placeholder="Production orders"
          maxLength={100}
          required
          data-autofocus
          data-testid="connection-name"
        />
        <div className="field-row">
          <SelectField
            label="Database type"
            name="dbType"
            value={form.values.dbType}
            onChange={(e) => form.set('dbType', e.target.value as DbType)}
            error={form.fieldError('dbType')}
            data-testid="connection-type"
          >
            {dbTypeOptions.map((type) => (
              <option key={type} value={type}>
                {dbTypeLabels[type]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Mode"
            name="mode"
            value={form.values.mode}
            onChange={(e) => form.set('mode', e.target.value as ConnectionMode)}
            error={form.fieldError('mode')}
            hint={form.values.mode === 'read-write' ? 'Atelier may write through this connection.' : 'Atelier never writes through it.'}
            data-testid="connection-mode"
          >
            {Object.entries(modeLabels).map(([mode, label]) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          label="Connection URI"
          name="connectionUri"
          // A password field: browsers keep it off screen and out of autofill suggestions for other sites.
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={form.values.connectionUri}
          onChange={(e) => form.set('connectionUri', e.target.value)}
          error={form.fieldError('connectionUri')}
          placeholder={uriExamples[form.values.dbType]}
          hint={
            connection
              ? 'Leave empty to keep the stored URI. A new one replaces it.'
              : form.values.dbType === 'sqlite'
                ? 'A path to a file the server can read.'
                : 'Prefer a user that can only read: read-only mode is enforced by Atelier, a read-only user is the real guarantee.'
          }
          optional={Boolean(connection)}
          maxLength={2000}
          className="input input-mono"
          data-testid="connection-uri"
        />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.submitting || unchanged} data-testid="connection-save">
          {form.submitting ? 'Saving…' : connection ? 'Save' : 'Add connection'}
        </button>
      </footer>
    </form>
  );
}
