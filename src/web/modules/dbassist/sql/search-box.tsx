import { SearchIcon, XIcon } from '../../../components/icons';

/** The search field of a list (saved queries, history): Escape or the cross clears it. */
export function SearchBox({ value, onChange, label, testId }: { value: string; onChange(value: string): void; label: string; testId: string }) {
  return (
    <div className="search dba-list-search">
      <SearchIcon size={14} className="search-icon" />
      <input
        type="search"
        className="input search-input"
        placeholder={label}
        aria-label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
        data-testid={testId}
      />
      {value && (
        <button type="button" className="icon-btn search-clear" aria-label="Clear the search" onClick={() => onChange('')}>
          <XIcon size={14} />
        </button>
      )}
    </div>
  );
}
