/** One diagram: Mermaid code beside its live render. */
export function DiagramPage() {
  return <p className="muted">Coming soon.</p>;
}
