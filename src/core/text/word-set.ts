/** The words of a whitespace-separated list as a set: long word lists read best written as a paragraph. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}
