import { useCallback, useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';

export type FormState<V> = {
  values: V;
  set<K extends keyof V>(field: K, value: V[K]): void;
  setValues(values: V): void;
  submitting: boolean;
  error: ApiError | Error | null;
  /** The server's message for one input, if the last submit failed because of it. */
  fieldError(field: keyof V & string): string | undefined;
  /** The error to show above the form: anything not already shown next to an input. */
  formError: ApiError | Error | null;
  onSubmit(event: FormEvent): void;
  clearError(): void;
};

/**
 * Controlled form values plus the submit cycle: one request at a time, the server's error kept until the next edit
 * of the field it names. `submit` gets setValues too, for a form that resets or takes the server's answer once saved.
 */
export function useForm<V extends Record<string, unknown>>(
  initial: V,
  submit: (values: V, form: Pick<FormState<V>, 'setValues'>) => Promise<void>,
): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [editedSinceError, setEditedSinceError] = useState<Set<string>>(new Set());

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setEditedSinceError((current) => (current.has(String(field)) ? current : new Set(current).add(String(field))));
  }, []);

  const fieldError = (field: keyof V & string): string | undefined =>
    error instanceof ApiError && !editedSinceError.has(field) ? error.fieldError(field) : undefined;

  const fields = Object.keys(values);
  const formError = error instanceof ApiError && error.coveredBy(fields) ? null : error;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    setEditedSinceError(new Set());
    submit(values, { setValues })
      .catch((caught: unknown) => setError(caught instanceof Error ? caught : new Error(String(caught))))
      .finally(() => setSubmitting(false));
  };

  return {
    values,
    set,
    setValues,
    submitting,
    error,
    fieldError,
    formError,
    onSubmit,
    clearError: () => setError(null),
  };
}
