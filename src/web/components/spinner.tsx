export function Spinner({ label = 'Loading', size = 16 }: { label?: string; size?: number }) {
  return <span className="spinner" role="status" aria-label={label} style={{ width: size, height: size }} />;
}

/** A whole-area loading state, shown only after a short delay so fast answers do not flash. */
export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="loading-state" data-testid="loading">
      <Spinner label={label} size={20} />
    </div>
  );
}

export function SkeletonRows({ rows = 5 }: { rows?: number }) {
  return (
    <div className="skeleton-list" aria-busy="true" aria-label="Loading" data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        <div className="skeleton-row" key={i}>
          <span className="skeleton" style={{ width: 44 }} />
          <span className="skeleton" style={{ width: `${40 - ((i * 7) % 18)}%` }} />
          <span className="skeleton" style={{ width: 64, marginLeft: 'auto' }} />
        </div>
      ))}
    </div>
  );
}
