import { describe, expect, it } from 'vitest';
import { answerQuestionTask } from './ai/answer-question/index.js';
import { statementsFor, statementsOf } from './stated-facts.js';

const idea =
  'A rehoming centre for dogs and cats. Adopters browse animals online and submit an adoption application. ' +
  'Once approved the adopter pays an adoption fee of £150 and the animal is marked as rehomed.';
const answers = [
  { question: 'Who may see adopters’ addresses?', answer: 'Only kennel staff may see them.' },
  { question: 'Which payment provider?', answer: '' },
];

function answer(question: string): string {
  const context = statementsFor(statementsOf(idea, answers), question).map((fact) => ({ id: fact.id, title: fact.where, text: fact.text, kind: 'fact' as const }));
  return answerQuestionTask.builtin({ question, context }, {});
}

describe('chat answers what the author stated', () => {
  it('states the sentence holding the amount a "how much" question asks for, saying it was in the idea', () => {
    const said = answer('How much is the adoption fee?');
    expect(said).toMatch(/^According to the idea: Once approved the adopter pays an adoption fee of £150/);
    expect(said).toMatch(/\[say-[0-9a-f]{8}\]/);
  });

  it('cites an answer to a clarifying question by its question, and leaves out skipped ones', () => {
    expect(answer('Who may see the addresses?')).toContain('According to your answer to “Who may see adopters’ addresses?”: Only kennel staff may see them.');
    expect(statementsOf(idea, answers).map((s) => s.where)).not.toContain('your answer to “Which payment provider?”');
  });

  it('finds nothing for a question about something never stated', () => {
    expect(statementsFor(statementsOf(idea, answers), 'What colour is the logo?')).toEqual([]);
  });
});
