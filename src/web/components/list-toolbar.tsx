/** The pieces of a list's toolbar that every gallery and list shares: a filter and the count of what is shown. */

type FilterSelectProps<Value extends string> = {
  /** What the filter chooses, for screen readers ("Type"). */
  label: string;
  /** The first option, which clears the filter ("All types"). */
  allLabel: string;
  value: Value | undefined;
  options: readonly Value[];
  labels: Record<Value, string>;
  onChange(value: Value | undefined): void;
  testId: string;
};

export function FilterSelect<Value extends string>({ label, allLabel, value, options, labels, onChange, testId }: FilterSelectProps<Value>) {
  return (
    <label className="filter">
      <span className="sr-only">{label}</span>
      <select
        className="input select input-sm"
        value={value ?? ''}
        onChange={(e) => onChange(options.find((option) => option === e.target.value))}
        data-testid={testId}
        aria-label={`Filter by ${label.toLowerCase()}`}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "12 documents", "50+ diagrams" while more pages can be loaded. */
export function ListCount({ count, hasMore, noun }: { count: number; hasMore: boolean; noun: string }) {
  return (
    <span className="toolbar-count" aria-live="polite">
      {count}
      {hasMore ? '+' : ''} {count === 1 ? noun : `${noun}s`}
    </span>
  );
}
