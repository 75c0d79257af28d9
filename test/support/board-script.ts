import type { FakeReply, FakeRequest } from './fake-openai-server.js';

/**
 * A scripted board on the fake OpenAI server: the answer to each request is chosen by what the request is (the
 * framing chair, a persona in round n, the moderator, a ballot, the baseline, the secretary), so parallel calls get
 * the right answers whatever order they arrive in.
 *
 * The script: options A (one city) and B (three cities). Round 1 splits 2–1; in round 2 everyone holds A, only
 * recombining what round 1 said (unanimous, low novelty: the moderator must intervene); in round 3 the Growth lead
 * goes back to B with new evidence, the Finance lead proposes option C, and the Operations lead repeats the Finance
 * lead's round-2 text word for word (a near-duplicate).
 */

export const USAGE = { promptTokens: 1000, completionTokens: 200 };

const R1 = {
  cfo_test: { position: 'A', content: 'Cash runway covers fourteen months; one city keeps burn under forty thousand monthly and payback inside eleven months.' },
  growth_test: { position: 'B', content: 'Three cities would triple the demand we can reach; competitors arrive within two quarters and first movers keep referral loops.' },
  ops_test: { position: 'A', content: 'Courier hiring, depot leases and support rotas need twelve weeks each; running parallel launches overwhelms nine people.' },
} as const;

/** Round 2 only recombines round 1's words: everyone on A, nothing new. */
const R2 = {
  cfo_test: 'Three cities would triple the demand we can reach, yet the cash runway covers fourteen months and payback inside eleven months keeps burn under forty thousand.',
  growth_test: 'Courier hiring and depot leases need twelve weeks; parallel launches overwhelm nine people, so one city keeps burn under forty thousand monthly.',
  ops_test: 'Competitors arrive within two quarters, but courier hiring, support rotas and depot leases overwhelm nine people running parallel launches.',
} as const;

const R3 = {
  cfo_test: 'Staging matters: open the first city while signing a conditional lease in a second, releasing spend only after retention clears targets.',
  growth_test: 'Fresh survey data shows waitlists of eight thousand households across Lyon and Porto; delaying forfeits partnerships already negotiated.',
  ops_test: R2.cfo_test,
} as const;

type Persona = keyof typeof R1;

const BALLOTS: Record<Persona, { ranking: string[]; approved: string[] }> = {
  // C is the Finance lead's own proposal: it ranks it first, and the count gives it nothing from this ballot.
  cfo_test: { ranking: ['C', 'A', 'B'], approved: ['C', 'A'] },
  growth_test: { ranking: ['B', 'C', 'A'], approved: ['B', 'C'] },
  ops_test: { ranking: ['A', 'C', 'B'], approved: ['A'] },
};

function textOf(request: FakeRequest): { system: string; prompt: string } {
  const messages = request.body.messages ?? [];
  const content = (m: { content: unknown } | undefined) => (typeof m?.content === 'string' ? m.content : JSON.stringify(m?.content ?? ''));
  return { system: content(messages.find((m) => m.role === 'system')), prompt: content(messages.find((m) => m.role === 'user')) };
}

function personaOf(system: string): Persona | undefined {
  if (system.includes('Finance lead')) return 'cfo_test';
  if (system.includes('Growth lead')) return 'growth_test';
  if (system.includes('Operations lead')) return 'ops_test';
  return undefined;
}

const reply = (value: unknown, delayMs = 0): FakeReply => ({ content: JSON.stringify(value), ...USAGE, ...(delayMs ? { delayMs } : {}) });

export function scriptedBoard(options: { delayMs?: number } = {}): (request: FakeRequest) => FakeReply {
  const delay = options.delayMs ?? 0;
  return (request) => {
    const { system, prompt } = textOf(request);
    if (system.includes('chair of an advisory board')) {
      return reply({
        subQuestions: [
          { text: 'Can the cash runway carry more than one launch?', families: ['finance'] },
          { text: 'How fast will competitors take the other cities?', families: ['marketing'] },
          { text: 'Can nine people run several launches at once?', families: ['operations'] },
        ],
        options: [
          { label: 'Launch in one city', description: 'Open one city first and learn.' },
          { label: 'Launch in three cities', description: 'Open three cities at once.' },
        ],
        clarifications: [],
      });
    }
    if (system.includes('moderator of an advisory board')) {
      return reply(
        {
          targetOption: 'A',
          challenge: 'If rivals sign the Lyon and Porto partners this spring, what does waiting cost?',
          content: 'The panel agreed without new evidence. If rivals sign the Lyon and Porto partners this spring, what does waiting cost?',
        },
        delay,
      );
    }
    if (system.includes('careful business advisor')) return reply({ optionId: 'B', reasoning: 'Demand in three cities outweighs the strain.' }, delay);
    if (system.includes('secretary of an advisory board')) {
      return reply({ summary: 'The board recommends launching in one city first, with a second prepared.', changes: 'The moderator reopened the case for three cities.' }, delay);
    }
    const persona = personaOf(system);
    if (!persona) return { content: 'unexpected request', status: 500 };
    if (prompt.startsWith('Vote as')) {
      const ballot = BALLOTS[persona];
      return reply({ ...ballot, reasoning: `${persona} ranks ${ballot.ranking.join(' > ')} on runway and reach.`, confidence: 0.7 }, delay);
    }
    const round = Number(/^Round (\d+)/.exec(prompt)?.[1] ?? '1');
    if (round === 1) {
      const r = R1[persona];
      return reply(contribution(r.position, r.content, null, null), delay);
    }
    if (round === 2) return reply(contribution('A', R2[persona], persona === 'growth_test' ? 'The runway and staffing arguments outweigh speed.' : null, null), delay);
    if (persona === 'growth_test') return reply(contribution('B', R3.growth_test, 'The moderator’s question and the waitlist data change the balance.', null), delay);
    if (persona === 'cfo_test') {
      return reply(contribution('A', R3.cfo_test, null, { label: 'Launch in one city with a second ready', description: 'Sign a conditional second lease.' }), delay);
    }
    return reply(contribution('A', R3.ops_test, null, null), delay);
  };
}

function contribution(position: string, content: string, changeReason: string | null, proposal: { label: string; description: string } | null) {
  return {
    position,
    claim: content.split(';')[0]!.split(',')[0]!,
    evidence: [content],
    assumptions: [`Assumed: ${content.split(' ').slice(0, 4).join(' ')}`],
    confidence: position === 'B' ? 0.8 : 0.65,
    positionChanged: changeReason !== null,
    changeReason,
    proposal,
    content,
  };
}
