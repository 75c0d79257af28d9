/** The project's wireframe gallery. */
export function WireframesTab() {
  return <p className="muted">Coming soon.</p>;
}
