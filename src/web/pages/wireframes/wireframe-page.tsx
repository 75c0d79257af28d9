/** One wireframe in its sandboxed preview. */
export function WireframePage() {
  return <p className="muted">Coming soon.</p>;
}
