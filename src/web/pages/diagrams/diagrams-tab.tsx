/** The project's diagram gallery. */
export function DiagramsTab() {
  return <p className="muted">Coming soon.</p>;
}
