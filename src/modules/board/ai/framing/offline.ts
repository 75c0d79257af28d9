import { rolePlural } from '../../../../core/text/compose/index.js';
import type { PersonaFamily } from '../../../../shared/board-kinds.js';
import { FAMILIES } from '../engine/families.js';
import { common, problemText } from '../engine/facts.js';
import { optionFeatures } from '../engine/features.js';
import { settlingFigure } from '../engine/kinds.js';
import { decisionSentence, namedOptions, stripLeads } from '../engine/options.js';
import { quoted } from '../engine/words.js';
import type { Problem } from '../inputs.js';
import type { FramingInput, FramingOutput } from './schema.js';

/**
 * The offline framing: the options the decision names (engine/options), what each one means, the sub-questions the
 * choice turns on — each raised only when the decision, its context or the project gives it a reason, and naming
 * the project's own people, records and measures — and at most three clarifying questions, only for a decisive
 * figure the problem leaves out.
 */
type SubQuestion = FramingOutput['subQuestions'][number];
type Candidate = SubQuestion & { weight: number };

const SPEND = /\b(?:hire|build|launch|expand|buy|migrate|rewrite|acquire|invest|open|enter|raise|partner|outsource|develop|replace|price|freemium|tier|rent)\b/i;
const TIMING = /\b(?:now|later|wait|yet|until|defer|delay|when|timing|soon|first|this (?:quarter|year|month))\b/i;
const DATED = /\b(?:deadline|by (?:the )?(?:end|start)|q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|weeks?|months?|quarters?|years?|days?)\b/i;
const DEMAND = /\b(?:launch|expand|enter|city|cities|market|freemium|tier|price|pricing)\b/i;

function describe(labels: readonly string[]): FramingOutput['options'] {
  const rows = optionFeatures(labels);
  return labels.map((label, i) => {
    const row = rows[i]!;
    const plain = `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
    if (label.startsWith('Do not ')) return { label, description: 'Keep the current course for now and take the decision again when more is known.' };
    const notes: string[] = [];
    if (row.scale > 0.5) notes.push('is the larger commitment');
    else if (row.scale < -0.5) notes.push('is the smaller first step');
    if (row.reversibility > 0.5) notes.push('is easier to undo');
    else if (row.reversibility < -0.5) notes.push('is harder to undo');
    if (row.control > 0.5) notes.push('keeps the work in-house');
    else if (row.control < -0.5) notes.push('relies on an outside party');
    const note = notes.length ? `; of the options named it ${notes.slice(0, 2).join(' and ')}` : '';
    return { label, description: `Choosing it means we ${plain}${note}.` };
  });
}

function fallbackOptions(problem: Problem): string[] {
  const topic = stripLeads(decisionSentence(problem.statement))
    .replace(/^(?:how|what|when|where|who|why)\s+(?:should|shall|do|can|could|would|must)\s+(?:we|i)\s+/i, '')
    .trim();
  const short = topic.split(/\s+/).slice(0, 12).join(' ');
  return short ? [`Act on this now: ${short}`, 'Gather more evidence before deciding'] : ['Act now', 'Gather more evidence before deciding'];
}

function subQuestions(problem: Problem, labels: readonly string[]): SubQuestion[] {
  const text = problemText(problem);
  const all = `${text}\n${labels.join('\n')}`;
  const project = problem.project;
  const name = project?.name.trim() || 'the company';
  const rows = optionFeatures(labels);
  const biggest = labels[rows.reduce((best, row, i) => (row.scale > rows[best]!.scale ? i : best), 0)]!;
  const smallest = labels[rows.reduce((best, row, i) => (row.scale < rows[best]!.scale ? i : best), 0)]!;
  const people = project?.actors.filter((a) => a.kind === 'person').map((a) => rolePlural(common(a.name))) ?? [];
  const metric = project?.metrics[0]?.name;
  const candidates: Candidate[] = [];
  const add = (text: string, families: PersonaFamily[], weight: number) => candidates.push({ text, families, weight });

  if (biggest !== smallest && DEMAND.test(all)) add(`Is the demand there to justify ${quoted(biggest)} from the start, or should ${quoted(smallest)} prove it first?`, ['marketing', 'strategy'], 3);
  else if (biggest !== smallest) add(`What would have to be true for ${quoted(biggest)} to beat ${quoted(smallest)}, and how would we know in time?`, ['strategy', 'research'], 2);
  else add(`What would have to be true for ${quoted(labels[0]!)} to be the right choice?`, ['strategy'], 2);
  if (SPEND.test(all) || FAMILIES.finance.topics.test(all)) {
    const given = FAMILIES.finance.needs.present.test(text);
    add(financeQuestion(text, labels, biggest, name, given), ['finance'], 2.5);
  }
  if (FAMILIES.operations.topics.test(all) || FAMILIES.people.topics.test(all)) add(`Can the team run ${quoted(biggest)} with the people it has, and what work would it displace?`, ['operations', 'people'], 2);
  if (FAMILIES.legal.topics.test(all) || FAMILIES.security.topics.test(all) || project?.constraints.some((c) => ['privacy', 'security', 'compliance'].includes(c.category))) {
    const constraint = project?.constraints.find((c) => ['privacy', 'security', 'compliance'].includes(c.category));
    add(constraint ? `Which legal or security obligations does each option touch, given that ${quoted(constraint.text.replace(/[.!?]+$/, ''))} must hold?` : 'Which legal or security obligations does each option touch, and what would a breach of them cost?', ['legal', 'security'], 2.2);
  }
  if (FAMILIES.engineering.topics.test(all)) add(`How much engineering effort does each option take, and what would it stop the team from building?`, ['engineering'], 1.8);
  if (metric) add(`How would each option move ${quoted(metric)}, and how soon would we see it?`, ['data', 'product'], 2.1);
  if (people.length) add(`How would ${people.slice(0, 2).join(' and ')} experience each option, and which of their needs does it serve?`, ['product', 'design', 'research'], 1.9);
  add(`If the chosen option fails, how quickly and cheaply can it be undone?`, ['strategy', 'finance'], 1.5);
  return candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.weight - a.c.weight || a.i - b.i)
    .slice(0, 5)
    .map(({ c }) => ({ text: c.text, families: c.families }));
}

function clarifications(problem: Problem, labels: readonly string[], found: boolean): FramingOutput['clarifications'] {
  const text = problemText(problem);
  const all = `${text}\n${labels.join('\n')}`;
  const asked = problem.answers.map((a) => a.question.toLowerCase()).join('\n');
  const result: FramingOutput['clarifications'] = [];
  if (!found) result.push({ question: 'Which options are on the table?', why: 'The decision names no alternatives, so the panel would be voting on a placeholder rather than on real choices.' });
  if (SPEND.test(all) && !FAMILIES.finance.needs.present.test(text) && !/budget|runway|cost/.test(asked))
    result.push({ question: FAMILIES.finance.needs.question!, why: 'The options differ in what they cost; without a budget the panel can judge the direction of the spend but not whether the larger option is affordable.' });
  if (TIMING.test(all) && !DATED.test(text) && !/deadline|when/.test(asked))
    result.push({ question: 'Is there a deadline or a window that forces the timing?', why: 'The options differ in how soon they act; a fixed date would favour the faster one, and no date favours learning first.' });
  if (DEMAND.test(all) && !FAMILIES.marketing.needs.present.test(text) && !/demand|sign/.test(asked))
    result.push({ question: FAMILIES.marketing.needs.question!, why: 'Whether the larger option pays off depends on demand, and the problem gives no evidence of it.' });
  return result.slice(0, 3);
}

export function frameOffline(input: FramingInput): FramingOutput {
  const named = namedOptions(input.problem.statement, input.problem.context);
  const labels = named.labels.length >= 2 ? named.labels : fallbackOptions(input.problem);
  return {
    subQuestions: subQuestions(input.problem, labels),
    options: describe(labels),
    clarifications: input.mayAsk ? clarifications(input.problem, labels, named.labels.length >= 2) : [],
  };
}

/** How long the money lasts, as the person put it: "12 months" from "we can fund 12 months" or "a runway of 12 months". */
function fundedFor(text: string): string | undefined {
  const match =
    /\b(?:fund\w*|runway|afford|money for|cash for)\b[^.\n;]{0,25}?\b(\d+|one|two|three|six|twelve|eighteen)\s+(months?|years?)\b/i.exec(text) ??
    /\b(\d+|one|two|three|six|twelve|eighteen)\s+(months?|years?)\s+of\s+(?:runway|funding|cash|money)\b/i.exec(text);
  return match ? `${match[1]} ${match[2]!.toLowerCase()}` : undefined;
}

/**
 * The finance sub-question in plain words, using the person's own figure when they gave one: "With 12 months of
 * funding, can Acme afford …?"; between options of different kinds (a subscription or a price per use), which one
 * brings in more, weighing the figures that would settle it.
 */
function financeQuestion(text: string, labels: readonly string[], biggest: string, name: string, given: boolean): string {
  const months = fundedFor(text);
  const settling = settlingFigure(labels, text);
  if (settling && settling.figures.length === 2) {
    const weighing = `weighing ${settling.figures[0]} against ${settling.figures[1]}`;
    const better = settling.money === 'revenue' ? 'brings in more money' : 'costs less';
    return months ? `Over the ${months} ${name} can fund, which option ${better}, ${weighing}?` : `Which option ${better} for ${name}, ${weighing}?`;
  }
  if (months) return `With ${months} of funding, can ${name} afford ${quoted(biggest)}?`;
  if (given) return `Can ${name} afford ${quoted(biggest)}, and for how long?`;
  return `What would each option cost, and can ${name} fund the larger one if results come slowly?`;
}
