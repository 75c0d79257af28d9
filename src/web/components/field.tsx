import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type FieldFrameProps = { label: string; error?: string; hint?: ReactNode; optional?: boolean; id: string; children: ReactNode; trailing?: ReactNode };

/**
 * Server messages are sentences ("Name is required", "End date must not be before the start date"); a rule written
 * in the page ("must not be negative") reads as one too, with plain words for field names.
 */
export function asSentence(message: string): string {
  const words = message.replace(/\b([a-z]+)([A-Z][a-z]+)\b/g, (_, head: string, tail: string) => `${head} ${tail.toLowerCase()}`);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function FieldFrame({ label, error, hint, optional, id, children, trailing }: FieldFrameProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
          {optional && <span className="field-optional"> (optional)</span>}
        </label>
        {trailing}
      </div>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} data-testid="field-error">
          {asSentence(error)}
        </p>
      ) : (
        hint && (
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

export function TextField({
  label,
  error,
  hint,
  optional,
  trailing,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: ReactNode; optional?: boolean; trailing?: ReactNode }) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <FieldFrame label={label} error={error} hint={hint} optional={optional} id={id} trailing={trailing}>
      <input
        className="input"
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  optional,
  ...input
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string; hint?: ReactNode; optional?: boolean }) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <FieldFrame label={label} error={error} hint={hint} optional={optional} id={id}>
      <textarea
        className="input textarea"
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; hint?: ReactNode }) {
  const generated = useId();
  const id = select.id ?? generated;
  return (
    <FieldFrame label={label} error={error} hint={hint} id={id}>
      <select
        className="input select"
        {...select}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
