/**
 * Where a Mermaid parse error is: read on the server from the parser worker's reply and in the browser from the
 * error Mermaid throws.
 */

/** Line (1-based) and column from the parser's location, or from its message ("on line 2, column 13"). */
export function locate(message: string, line: number | null, column: number | null): { line: number | null; column?: number } {
  const fromMessage = /line (\d+)(?:, column (\d+))?/i.exec(message);
  // No diagram type detected: the first line is where the type belongs.
  // The message's line is what the user reads; jison's location can point at the token before the error.
  const resolvedLine = fromMessage ? Number(fromMessage[1]) : (line ?? (/diagram type/i.test(message) ? 1 : null));
  const resolvedColumn = fromMessage?.[2] !== undefined ? Number(fromMessage[2]) : column;
  return { line: resolvedLine, ...(resolvedColumn !== null && resolvedColumn !== undefined ? { column: resolvedColumn } : {}) };
}
