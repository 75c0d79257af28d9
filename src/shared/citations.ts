/**
 * Citations in an answer's text: `[id]`, or several ids in one pair of brackets (`[a, b]`, `[a; b]`, `[a b]`).
 * Shared by the server, which stores what an answer cited, and the web chat, which shows it while the answer streams.
 */

/** The offered sources the text cites, in the order it first cites them; ids that were not offered are ignored. */
export function citedIn<T extends { id: string }>(text: string, offered: readonly T[]): T[] {
  const byId = new Map(offered.map((source) => [source.id, source]));
  const cited = new Map<string, T>();
  for (const match of text.matchAll(/\[([^\]\n]{1,400})\]/g)) {
    for (const part of (match[1] ?? '').split(/[,;]\s*|\s+/)) {
      const found = byId.get(part.trim());
      if (found && !cited.has(found.id)) cited.set(found.id, found);
    }
  }
  return [...cited.values()];
}
