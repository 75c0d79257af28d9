/** The longest Mermaid code a diagram may hold, in characters (checked by the contract and the parser). */
export const MAX_MERMAID_LENGTH = 100_000;
