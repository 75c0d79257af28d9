import { ErrorBanner } from '../../components/error-banner';
import { SkeletonRows } from '../../components/spinner';
import { useResource } from '../../lib/use-resource';
import { api } from '../../api/client';
import { familyLabels, MAX_PANEL, MIN_PANEL, personaFamilies } from './board-labels';
import type { Persona } from './client';

/**
 * Choose 3–5 personas, grouped by discipline, each with its lens. Past five, the rest are disabled rather than
 * silently dropped; the count says how many more are needed.
 */
export function PersonaPicker({
  organizationId,
  value,
  onChange,
  error,
  exclude = [],
}: {
  organizationId: string;
  value: string[];
  onChange(codes: string[]): void;
  error?: string;
  /** Codes not offered (none by default). */
  exclude?: string[];
}) {
  const personas = useResource(`personas|${organizationId}`, (signal) => api.board.personas({ organizationId }, signal));
  const chosen = new Set(value);
  const full = value.length >= MAX_PANEL;
  const toggle = (code: string) => onChange(chosen.has(code) ? value.filter((c) => c !== code) : [...value, code]);

  if (personas.status === 'loading') return <SkeletonRows rows={4} />;
  if (personas.status === 'error') return <ErrorBanner error={personas.error} title="The personas could not be loaded." onRetry={personas.reload} />;

  const byFamily = new Map<string, Persona[]>();
  for (const persona of personas.data.items) {
    if (exclude.includes(persona.code)) continue;
    byFamily.set(persona.family, [...(byFamily.get(persona.family) ?? []), persona]);
  }
  const countText =
    value.length === 0
      ? `None chosen: the board seats ${MIN_PANEL}–${MAX_PANEL} personas that cover the question`
      : value.length < MIN_PANEL
        ? `${value.length} chosen: choose at least ${MIN_PANEL - value.length} more`
        : `${value.length} of at most ${MAX_PANEL} chosen`;

  return (
    <fieldset className={error ? 'persona-picker field-invalid' : 'persona-picker'} data-testid="persona-picker" aria-describedby="persona-count">
      <legend className="field-label">Panel</legend>
      <p className={error ? 'field-error' : 'field-hint'} id="persona-count" data-testid={error ? 'field-error' : 'persona-count'}>
        {error ?? countText}
      </p>
      {personaFamilies
        .filter((family) => byFamily.has(family))
        .map((family) => (
          <div className="persona-family" key={family}>
            <h3 className="persona-family-title">{familyLabels[family]}</h3>
            <ul className="persona-options">
              {byFamily.get(family)!.map((persona) => {
                const checked = chosen.has(persona.code);
                return (
                  <li key={persona.code}>
                    <label className={checked ? 'persona-option checked' : 'persona-option'}>
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && full}
                        onChange={() => toggle(persona.code)}
                        data-testid="persona-option"
                        data-code={persona.code}
                      />
                      <span className="persona-option-text">
                        <span className="persona-option-name">{persona.name}</span>
                        <span className="persona-option-lens">{persona.lens}</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </fieldset>
  );
}
