import { contentWords, fnv1a, isStopWord, stem, tokenize } from '../../../core/text/index.js';
import type { PersonaFamily } from '../../../shared/board-kinds.js';
import { MAX_PANEL, MIN_PANEL } from '../board.contract.js';

/** What selection reads of a persona. */
export type PanelCandidate = {
  code: string;
  name: string;
  family: PersonaFamily;
  expertise: string;
  riskAppetite: number;
  keywords: readonly string[];
};

export type PanelChoice = { code: string; reason: string };

export type PanelRequest = {
  problem: string;
  subQuestions: ReadonlyArray<{ id: string; text: string; families: readonly PersonaFamily[] }>;
  seed: number;
};

// How much each kind of match weighs. A named family outweighs any single keyword; keywords in the sub-question
// itself count double those that only appear somewhere in the problem.
const FAMILY_MATCH = 3;
const QUESTION_KEYWORD = 1.5;
const PROBLEM_KEYWORD = 0.75;
const EXPERTISE_WORD = 0.25;
/** Past this many keyword hits a persona is relevant enough: more hits only reward a long keyword list. */
const KEYWORD_CAP = 3;
const EXPERTISE_CAP = 4;
/** A persona covers a sub-question when it scores at least this: its family was named, or its keywords are there. */
const COVERS = 2.5;
/** Seating a second voice of a family already seated costs this much of its gain: distinct lenses argue better. */
const SAME_FAMILY_PENALTY = 2;
/** Filling a free seat, a family already heard must be far more relevant than any other voice. */
const FILL_SAME_FAMILY_PENALTY = 4;
const EPSILON = 1e-9;
/**
 * When nothing in the problem points anywhere, the broad disciplines speak first. Domain personas get nothing: one
 * is seated only when the problem speaks its words.
 */
const FAMILY_PRIOR: Partial<Record<PersonaFamily, number>> = { strategy: 0.3, finance: 0.3, product: 0.3, engineering: 0.2, marketing: 0.2, operations: 0.2 };

type Question = { id: string; text: string; families: readonly PersonaFamily[]; stems: Set<string> };

type Profile = {
  candidate: PanelCandidate;
  /** Each keyword as the stems it needs (a phrase matches when all its words are there). */
  keywords: Array<{ phrase: string; stems: string[] }>;
  expertise: Set<string>;
  /** The keywords the problem statement matches. */
  problemHits: string[];
  /** Score per sub-question, in order. */
  scores: number[];
  /** Per sub-question: whether the question itself calls for this persona (its family named, or its keywords). */
  called: boolean[];
  relevance: number;
  tiebreak: number;
};

/**
 * Seats 3–5 personas whose expertise covers the sub-questions, with why each was chosen.
 *
 * Each persona is scored against each sub-question (its family named by the question, its keywords in the question
 * or the problem, words of its expertise in the question). Seats then go greedily to whoever covers the most of what
 * is still uncovered, preferring families not yet seated; a domain persona is seated when the problem speaks its
 * words; the panel always holds a cautious and a bold voice, so someone dissents. The same input always gives the
 * same panel: the seed only breaks exact ties.
 */
export function selectPanel(candidates: readonly PanelCandidate[], request: PanelRequest): PanelChoice[] {
  if (candidates.length === 0) return [];
  const problemStems = stemsOf(request.problem);
  const questions: Question[] = (
    request.subQuestions.length > 0 ? request.subQuestions : [{ id: 'problem', text: request.problem, families: [] }]
  ).map((q) => ({ ...q, stems: stemsOf(q.text) }));
  const profiles = candidates.map((candidate) => profileOf(candidate, questions, problemStems, request.seed));
  const named = namedFamilies(questions);
  const size = Math.min(candidates.length, clamp(Math.max(questions.length + 1, named.length), MIN_PANEL, MAX_PANEL));

  const seated: Profile[] = [];
  const domain = bestDomainPersona(profiles);
  // Seats for coverage: all but one kept for the domain persona until it is seated.
  const coverageSeats = () => (domain && !seated.includes(domain) ? size - 1 : size);

  // 1. Cover every sub-question, greedily.
  while (seated.length < coverageSeats()) {
    const uncovered = questions.map((_, i) => i).filter((i) => !seated.some((p) => covers(p, i)));
    if (uncovered.length === 0) break;
    const next = best(unseated(profiles, seated), (p) => {
      const gain = uncovered.reduce((sum, i) => sum + (covers(p, i) ? p.scores[i]! : 0), 0);
      return gain > 0 ? gain + 0.1 * p.relevance - familyPenalty(p, seated) : -Infinity;
    });
    if (!next) break;
    seated.push(next);
  }
  // 2. A voice for each discipline the sub-questions name, most named first, while seats remain.
  for (const family of named) {
    if (seated.length >= coverageSeats()) break;
    if (seated.some((p) => p.candidate.family === family)) continue;
    const next = best(
      unseated(profiles, seated).filter((p) => p.candidate.family === family),
      (p) => questions.reduce((sum, q, i) => sum + (q.families.includes(family) ? p.scores[i]! : 0), 0),
    );
    if (next && (family !== 'domain' || next.problemHits.length > 0)) seated.push(next);
  }
  // 3. The domain the problem is about, when one matches its words.
  if (domain && !seated.includes(domain)) seated.push(domain);
  // 4. Fill to the panel's size with the most relevant voices of families not yet heard, named ones first.
  while (seated.length < size) {
    const next = best(eligible(unseated(profiles, seated)), (p) => {
      const heard = seated.some((s) => s.candidate.family === p.candidate.family);
      return p.relevance + (heard ? -FILL_SAME_FAMILY_PENALTY : named.includes(p.candidate.family) ? FAMILY_MATCH : 0);
    });
    if (!next) break;
    seated.push(next);
  }
  // 5. A cautious and a bold voice, adding a seat while there is room, otherwise swapping the least needed one.
  const spread = ensureSpread(seated, profiles, questions.length);

  const owners = questions.map((_, i) => best(spread.filter((p) => covers(p, i)), (p) => p.scores[i]!));
  return spread.map((p) => ({
    code: p.candidate.code,
    reason: reasonFor(p, spread, questions.filter((_, i) => owners[i] === p), questions, domain),
  }));
}

function profileOf(candidate: PanelCandidate, questions: Question[], problemStems: Set<string>, seed: number): Profile {
  const keywords = dedupe(candidate.keywords.map((phrase) => ({ phrase, stems: [...stemsOf(phrase)] })).filter((k) => k.stems.length > 0));
  const expertise = new Set(contentWords(candidate.expertise).map(stem));
  const matches = (stems: Set<string>) => keywords.filter((k) => k.stems.every((s) => stems.has(s)));
  const problemHits = matches(problemStems).map((k) => k.phrase);
  const problemScore = Math.min(problemHits.length, KEYWORD_CAP) * PROBLEM_KEYWORD;
  const isDomain = candidate.family === 'domain';
  const called: boolean[] = [];
  const scores = questions.map((q) => {
    const questionHits = matches(q.stems).length;
    // A domain persona answers for its domain only: a question open to "domain" is not about every industry.
    const familyNamed = q.families.includes(candidate.family) && (!isDomain || questionHits + problemHits.length > 0);
    called.push(familyNamed || questionHits > 0);
    let expertiseHits = 0;
    for (const s of q.stems) if (expertise.has(s)) expertiseHits += 1;
    return (
      (familyNamed ? FAMILY_MATCH : 0) +
      Math.min(questionHits, KEYWORD_CAP) * QUESTION_KEYWORD +
      problemScore +
      Math.min(expertiseHits, EXPERTISE_CAP) * EXPERTISE_WORD
    );
  });
  const relevance = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length) + problemScore + (FAMILY_PRIOR[candidate.family] ?? 0);
  return { candidate, keywords, expertise, problemHits, scores, called, relevance, tiebreak: fnv1a(`${seed}:${candidate.code}`) };
}

/** The domain persona whose keywords the problem speaks most, if any does. */
function bestDomainPersona(profiles: Profile[]): Profile | undefined {
  return best(
    profiles.filter((p) => p.candidate.family === 'domain' && p.problemHits.length > 0),
    (p) => p.problemHits.length + 0.01 * p.relevance,
  );
}

function ensureSpread(seated: Profile[], profiles: Profile[], questionCount: number): Profile[] {
  let panel = [...seated];
  for (const side of ['cautious', 'bold'] as const) {
    if (panel.some((p) => leans(p) === side)) continue;
    const pool = eligible(unseated(profiles, panel)).filter((p) => leans(p) === side);
    if (pool.length === 0) continue;
    if (panel.length < MAX_PANEL) {
      const next = best(pool, (p) => p.relevance - familyPenalty(p, panel));
      if (next) panel.push(next);
      continue;
    }
    // Full: swap out the member whose loss costs the least coverage and relevance, keeping the other side.
    let bestSwap: { panel: Profile[]; value: number; tiebreak: number } | undefined;
    for (const out of panel) {
      for (const incoming of pool) {
        const candidate = panel.map((p) => (p === out ? incoming : p));
        if (side === 'bold' && !candidate.some((p) => leans(p) === 'cautious')) continue;
        const covered = Array.from({ length: questionCount }, (_, i) => i).filter((i) => candidate.some((p) => covers(p, i))).length;
        const families = new Set(candidate.map((p) => p.candidate.family)).size;
        const value = covered * 100 + families * 10 + incoming.relevance - out.relevance;
        if (!bestSwap || value > bestSwap.value + EPSILON || (Math.abs(value - bestSwap.value) <= EPSILON && incoming.tiebreak < bestSwap.tiebreak)) {
          bestSwap = { panel: candidate, value, tiebreak: incoming.tiebreak };
        }
      }
    }
    if (bestSwap) panel = bestSwap.panel;
  }
  return panel;
}

/**
 * One sentence: the sub-questions this persona answers best on the panel (else the ones it also covers), the voice
 * it brings, and its temper.
 */
function reasonFor(p: Profile, panel: Profile[], owned: Question[], questions: Question[], domain: Profile | undefined): string {
  const { family } = p.candidate;
  const real = (q: Question) => q.id !== 'problem';
  const alsoCovered = questions.filter((q, i) => real(q) && covers(p, i));
  const covered = owned.filter(real).length > 0 ? owned.filter(real) : alsoCovered;
  const role =
    family === 'domain'
      ? `as the domain voice on ${quoteList(p.problemHits.length > 0 ? p.problemHits : p.keywords.map((k) => k.phrase)) || 'its industry'}`
      : `as the ${family} voice`;
  const onlySide = panel.filter((x) => leans(x) === leans(p)).length === 1;
  const temper = `${leaning(p.candidate.riskAppetite)}${onlySide ? `, the panel's only ${leans(p)} voice` : ''}`;
  if (covered.length > 0) {
    const listed = covered.slice(0, 3).map((q) => `"${trimQuestion(q.text)}"`);
    const more = covered.length > 3 ? ` and ${covered.length - 3} more` : '';
    return `Seated for ${joinAnd(listed)}${more} ${role}, and it ${temper}.`;
  }
  if (p === domain || p.problemHits.length > 0) {
    return `Seated ${role} because the problem mentions ${quoteList(p.problemHits)}, and it ${temper}.`;
  }
  return `Seated ${role} to widen the panel's lenses, and it ${temper}.`;
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The families the sub-questions name, the most named first (then in order of first mention). */
function namedFamilies(questions: Question[]): PersonaFamily[] {
  const counts = new Map<PersonaFamily, number>();
  for (const q of questions) for (const f of q.families) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

/** The stems of a text's words, without function words or single characters. */
function stemsOf(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((w) => !isStopWord(w) && w.length > 1 && /\p{L}/u.test(w))
      .map(stem),
  );
}

/** Whether the persona answers a sub-question: the question calls for it and it scores enough. */
function covers(p: Profile, questionIndex: number): boolean {
  return (p.called[questionIndex] ?? false) && (p.scores[questionIndex] ?? 0) >= COVERS;
}

/** Who may fill a seat beyond coverage: anyone but a domain persona whose domain the problem never mentions. */
function eligible(profiles: Profile[]): Profile[] {
  return profiles.filter((p) => p.candidate.family !== 'domain' || p.problemHits.length > 0);
}

function leans(p: Profile): 'cautious' | 'bold' | 'neutral' {
  const r = p.candidate.riskAppetite;
  return r < 0 ? 'cautious' : r > 0 ? 'bold' : 'neutral';
}

function leaning(r: number): string {
  if (r <= -0.5) return 'is cautious';
  if (r < 0) return 'leans cautious';
  if (r >= 0.5) return 'is bold';
  if (r > 0) return 'leans bold';
  return 'is even-handed about risk';
}

function familyPenalty(p: Profile, seated: Profile[]): number {
  return seated.some((s) => s.candidate.family === p.candidate.family) ? SAME_FAMILY_PENALTY : 0;
}

function unseated(profiles: Profile[], seated: Profile[]): Profile[] {
  return profiles.filter((p) => !seated.includes(p));
}

/** The highest-valued profile; exact ties go to the seed's order, then the code. */
function best(profiles: Profile[], value: (p: Profile) => number): Profile | undefined {
  let top: Profile | undefined;
  let topValue = -Infinity;
  for (const p of profiles) {
    const v = value(p);
    if (v === -Infinity) continue;
    if (!top || v > topValue + EPSILON || (Math.abs(v - topValue) <= EPSILON && (p.tiebreak < top.tiebreak || (p.tiebreak === top.tiebreak && p.candidate.code < top.candidate.code)))) {
      top = p;
      topValue = v;
    }
  }
  return top;
}

function dedupe<T extends { stems: string[] }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = [...item.stems].sort().join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function quoteList(words: readonly string[]): string {
  return joinAnd(words.slice(0, 3).map((w) => `"${w}"`));
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function trimQuestion(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 120 ? oneLine : `${oneLine.slice(0, 117).trimEnd()}…`;
}

function clamp(n: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, n));
}
