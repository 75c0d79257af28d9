import type { FramingInput, FramingOutput } from './schema.js';

/** The offline framing: the options the problem names, and the questions each discipline asks of them. */
export function frameOffline(input: FramingInput): FramingOutput {
  const statement = input.problem.statement.replace(/[?.!]+$/, '');
  const halves = statement.split(/\s+or\s+/i);
  const options =
    halves.length >= 2
      ? halves.slice(0, 4).map((half) => ({ label: half.trim(), description: `Choose: ${half.trim()}.` }))
      : [
          { label: statement, description: 'Go ahead as proposed.' },
          { label: 'Do not go ahead', description: 'Keep things as they are.' },
        ];
  return {
    subQuestions: [{ text: 'What does the decision depend on?', families: ['strategy'] }],
    options,
    clarifications: [],
  };
}
