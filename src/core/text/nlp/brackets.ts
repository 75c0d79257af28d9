/** Brackets that open and close an aside. */
const OPENERS = new Set(['(', '[']);
const CLOSERS = new Set([')', ']']);

/** Whether a token opens a bracketed aside: "(" or "[". */
export function opensAside(text: string): boolean {
  return OPENERS.has(text);
}

/** Whether each token stands in brackets, the opening bracket with them. */
export function bracketsOf(tokens: readonly { text: string }[]): boolean[] {
  let depth = 0;
  return tokens.map((token) => {
    if (OPENERS.has(token.text)) depth += 1;
    else if (CLOSERS.has(token.text)) depth = Math.max(0, depth - 1);
    return depth > 0;
  });
}
