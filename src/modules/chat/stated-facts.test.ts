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

/** The offline answer to a question about a text, from the statements chat would give it. */
function answerAbout(text: string, question: string, given: typeof answers = []): string {
  const context = statementsFor(statementsOf(text, given), question).map((fact) => ({ id: fact.id, title: fact.where, text: fact.text, kind: 'fact' as const }));
  return answerQuestionTask.builtin({ question, context }, {});
}

function answer(question: string): string {
  return answerAbout(idea, question, answers);
}

describe('chat answers what the author stated', () => {
  it('states the sentence holding the amount a "how much" question asks for, saying it was in the idea', () => {
    const said = answer('How much is the adoption fee?');
    expect(said).toMatch(/^According to the idea: Once approved the adopter pays an adoption fee of £150/);
    expect(said).toMatch(/\[say-[0-9a-f]{8}\]/);
  });

  it('answers a "how many" question first with the sentence that counts the thing asked about', () => {
    const farm = 'We are a seed club for allotment holders. Holders pay monthly, £8 for a kit of 6 packets or £12 for 10, and whenever they like they swap the kit for new seeds picked for the season. When a kit comes back we check every packet and charge £2 for each one opened.';
    const said = answerAbout(farm, 'How many packets come in the cheaper kit?');
    expect(said.split('\n')[0]).toContain('6 packets');
  });

  it('reads "what is the maximum number" as asking for an amount, and states the sentence holding it', () => {
    const club = 'Our rowing club runs taster sessions most Sundays. Coaches plan each session on the website. Up to 8 novices per session, since that is how many boats we own.';
    const said = answerAbout(club, 'What is the maximum number of people per session?');
    expect(said.split('\n')[0]).toContain('Up to 8 novices per session');
  });

  it('finds a sentence by a word WordNet derives from the question\'s ("delivery" → "deliver"), and reads "what commission" as an amount', () => {
    const shop = 'We restore old armchairs in our workshop. Customers pick a fabric from the sample books. We deliver within 15 miles for £30. Makers agree the commission with Dave. We keep 10% commission on fabric sold for other makers.';
    const ask = (question: string) => answerAbout(shop, question).split('\n')[0];
    expect(ask('How much does delivery cost?')).toContain('£30');
    expect(ask('What commission is kept?')).toContain('10%');
  });

  it('cites an answer to a clarifying question by its question, and leaves out skipped ones', () => {
    expect(answer('Who may see the addresses?')).toContain('According to your answer to “Who may see adopters’ addresses?”: Only kennel staff may see them.');
    expect(statementsOf(idea, answers).map((s) => s.where)).not.toContain('your answer to “Which payment provider?”');
  });

  it('prefers the short sentence naming the sum to a long one sharing more words, and ranks a repeated source once', () => {
    const longIdea =
      'We are a mobile bike repair van and at weekends it gets busy, riders message us asking for a repair at home or at ' +
      'work and I write it in a notebook and then forget which street, what I want is riders book a repair with the bike, ' +
      'the fault and the address and pay once it is done.';
    const [long, priced] = statementsOf(longIdea, [{ question: 'How do people pay?', answer: 'Card on the day, at £35 a repair plus parts.' }]);
    // The idea's sentence comes three times (stated, and quoted by two facts of the model), as chat gathers them.
    const context = [long!, long!, long!, priced!].map((statement, index) => ({ id: `s${index}`, title: statement.where, text: statement.text, kind: 'fact' as const }));
    const said = answerQuestionTask.builtin({ question: 'What is the bike repair rate?', context }, {});
    expect(said).toContain('£35 a repair');
    expect(said.match(/\[s\d\]/g)).toHaveLength(2);
  });

  it('counts a sentence given twice once when weighing how rare a word is', () => {
    const priced = { id: 'said', title: 'the idea', text: 'Owners get the money at the end of the month minus a 10% commission.', kind: 'fact' as const };
    const context = [priced, { ...priced, id: 'again' }, { id: 'steps', title: 'the model', text: 'The driver takes the van, and the van is taken.', kind: 'fact' as const }, { id: 'kept', title: 'the model', text: 'The product keeps commission records.', kind: 'fact' as const }];
    expect(answerQuestionTask.builtin({ question: 'What commission is taken?', context }, {})).toContain('10% commission');
  });

  it('reads a hyphenated word by its parts too', () => {
    const stated = statementsOf('Members book a court online.', [{ question: 'Fees?', answer: 'Club-registered players pay nothing.' }]);
    expect(statementsFor(stated, 'What do non-club people owe?').map((fact) => fact.text)).toEqual(['Club-registered players pay nothing.']);
  });

  it('meets an irregular verb in the question by its lemma in the text ("sold" → sell), and names only words nothing mentions', () => {
    const yard = 'We store caravans over the winter. Owners drop them off in October. Any caravan not fetched after 60 days we sell at auction, and the owner is told by letter. The yard is fenced and lit.';
    const ask = (question: string) => answerAbout(yard, question);
    expect(ask('When are caravans sold?').split('\n')[0]).toContain('60 days we sell at auction');
    expect(ask('Who was told about the gates?')).toMatch(/Nothing I found mentions “gates”\.$/);
  });

  it('reads a bound a question asks for ("the maximum") in the words a text states it with ("up to", "at least")', () => {
    const fund = 'Our parish fund gives grants to local clubs twice a year. Clubs can ask for anything up to £800 for kit or hall hire. Each club must have at least 12 members to apply. The panel meets in the vicarage.';
    const ask = (question: string) => answerAbout(fund, question).split('\n')[0];
    expect(ask('What is the maximum a club can get?')).toContain('£800');
    expect(ask('What is the minimum size of a club?')).toContain('12 members');
  });

  it('reads an age bound stated as "or over" or "under", and a unit\'s short form ("/hr") as the unit', () => {
    const club = 'Our youth sailing club runs on the reservoir. Families join for £40 a year. Sailors must be 12 or over to join. Helpers are paid on the 1st of the month. Helpers are paid £11.20/hr for safety boat cover. Cadets under 18 need a parent on site. A parent on site signs the 3 forms.';
    const ask = (question: string) => answerAbout(club, question).split('\n')[0];
    expect(ask('What is the minimum age to join?')).toContain('12 or over');
    expect(ask('What are helpers paid per hour?')).toContain('£11.20/hr');
    expect(ask('What age limit needs a parent on site?')).toContain('under 18');
  });

  it('reads words that are also names of built-in properties ("constructor", "toString") as any other word', () => {
    expect(answerAbout('The constructor signs off each toString job by noon.', 'Who signs off the constructor jobs?')).toContain('The constructor signs off');
  });

  it('finds nothing for a question about something never stated', () => {
    expect(statementsFor(statementsOf(idea, answers), 'What colour is the logo?')).toEqual([]);
  });
});
