/**
 * The wording of validation messages in the contracts. A message is a sentence a person reads next to the input
 * ("Name is required"); the error handler still prefixes the field's path in the error's summary.
 */

type Issue = { input?: unknown };

/** "Name is required" when the field is missing, "Name must be text" when it holds something else. */
export function requiredAs(label: string, expected: string) {
  return { error: (issue: Issue) => (issue.input === undefined ? `${label} is required` : `${label} must be ${expected}`) };
}

/** "Type is required", or "Type must be one of srs, prd, …". */
export function oneOf(label: string, values: readonly string[]) {
  return requiredAs(label, `one of ${values.join(', ')}`);
}

export function atMost(label: string, max: number): string {
  return `${label} must be at most ${max} characters`;
}

export function isRequired(label: string): string {
  return `${label} is required`;
}
