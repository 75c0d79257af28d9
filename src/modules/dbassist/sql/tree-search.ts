/** A parse tree node as the SQL parsers give it: plain objects and arrays. */
export type TreeNode = Record<string, unknown>;

/**
 * The first non-null answer of `visit` over every object in a parse tree (depth first, arrays walked through): how the
 * guards look for what a statement may not contain, however deeply it is nested.
 */
export function findInTree(root: unknown, visit: (node: TreeNode) => string | null): string | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...(value as unknown[]));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const found = visit(value as TreeNode);
    if (found !== null) return found;
    stack.push(...Object.values(value as TreeNode));
  }
  return null;
}
