import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { TrashIcon } from '../../components/icons';
import type { ModelAttribute, ModelSource } from './client';

/** Small pieces the Model tab's sections share: sources, inline forms and remove buttons. */

const sourceLabels: Record<ModelSource['kind'], string> = {
  idea: 'The idea',
  answer: 'An answer',
  document: 'A document',
  instruction: 'An instruction',
  correction: 'Corrected by a person',
  inferred: 'Inferred',
};

/** Where an item was read, behind a disclosure so the page stays calm; Enter or Space opens it. */
export function Sources({ sources }: { sources: ModelSource[] }) {
  if (!sources.length) return null;
  return (
    <details className="model-sources" data-testid="model-sources">
      <summary>
        {sources.length === 1 ? '1 source' : `${sources.length} sources`}
        {sources.some((s) => s.kind === 'correction') && <span className="tag model-corrected">corrected</span>}
      </summary>
      <ul>
        {sources.map((source, index) => (
          <li key={index}>
            <strong>{sourceLabels[source.kind]}</strong>
            {source.label && <span className="muted"> · {source.label}</span>}
            {source.quote && <q className="model-quote">{source.quote}</q>}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function RemoveButton({ what, onRemove, disabled }: { what: string; onRemove(): void; disabled?: boolean }) {
  return (
    <button type="button" className="icon-btn model-remove" aria-label={`Remove ${what}`} title={`Remove ${what}`} onClick={onRemove} disabled={disabled} data-testid="model-remove">
      <TrashIcon size={14} />
    </button>
  );
}

/**
 * A button that opens a small form in place; Escape or Cancel closes it, a save that went through closes it too.
 */
export function InlineForm({
  label,
  title,
  children,
  onSubmit,
  disabled,
  testId,
  icon,
}: {
  label: string;
  /** What the open form is called, for assistive technology. */
  title: string;
  children: (close: () => void) => ReactNode;
  onSubmit(): Promise<boolean>;
  disabled?: boolean;
  testId?: string;
  icon?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(true)} disabled={disabled} data-testid={testId}>
        {icon}
        {label}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onSubmit()) setOpen(false);
  };
  return (
    <form
      className="model-inline-form"
      aria-label={title}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          setOpen(false);
        }
      }}
      data-testid={testId ? `${testId}-form` : undefined}
    >
      {children(() => setOpen(false))}
      <div className="model-inline-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={disabled} data-testid={testId ? `${testId}-save` : undefined}>
          Save
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A labelled input of an inline form. */
export function InlineInput({
  label,
  value,
  onChange,
  autoFocus,
  testId,
  multiline,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
  testId?: string;
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <label className="compact-field model-field" htmlFor={id}>
      <span>{label}</span>
      {multiline ? (
        <textarea id={id} className="input" rows={2} value={value} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} required data-testid={testId} />
      ) : (
        <input id={id} className="input input-sm" value={value} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} required maxLength={120} data-testid={testId} />
      )}
    </label>
  );
}

export function InlineSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange(value: T): void;
  testId?: string;
}) {
  const id = useId();
  return (
    <label className="compact-field model-field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} className="input select input-sm" value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Every attribute type with how it reads (a Record, so a type added to the contract must be named here). */
const attributeTypeLabels: Record<ModelAttribute['type'], string> = {
  text: 'text',
  long_text: 'long text',
  number: 'number',
  money: 'money',
  boolean: 'yes/no',
  date: 'date',
  datetime: 'date and time',
  duration: 'duration',
  email: 'email',
  phone: 'phone',
  url: 'URL',
  location: 'location',
  file: 'file',
  enum: 'one of a list',
  reference: 'reference',
};
export const attributeTypeOptions = Object.entries(attributeTypeLabels) as Array<[ModelAttribute['type'], string]>;
export const attributeTypeLabel = (type: ModelAttribute['type']) => attributeTypeLabels[type];
