/** The project's conversations with the assistant. */
export function ChatTab() {
  return <p className="muted">Coming soon.</p>;
}
