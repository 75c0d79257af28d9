import { isStopWord, oneLine, pluralize, singularize, summarize, tokenize, truncate } from '../../../../core/text/index.js';
import {
  analyzeText,
  asGroup,
  findRequirements,
  isProblemStatement,
  topicsOf,
  type Entity,
  type Priority,
  type TextAnalysis,
} from '../../../projects/index.js';
import { CUES, KNOWN_SERVICES, NAMED_INTEGRATION, PERSONAL_DATA, PLATFORMS, SCALE, SUCCESS_CUE } from './cues.js';
import type { DocumentSource, DocumentTaskInput } from './input.js';
import { passagesOf, type Passage } from './passages.js';
import { escapeRegExp, unique } from './wording.js';

export type SourcedRequirement = {
  id: string;
  text: string;
  kind: 'functional' | 'non-functional';
  priority: Priority;
  sources: string[];
};

export type ProjectFacts = {
  name: string;
  idea: string;
  answers: Array<{ question: string; answer: string }>;
  /** Questions the author skipped or left empty. */
  unanswered: string[];
  instructions: string | undefined;
  sources: DocumentSource[];
  passages: Passage[];
  /** The idea in two or three of its own sentences. */
  ideaSummary: string;
  /** Analysis of all text, the primary actor first, problem statements removed from the actions. */
  analysis: TextAnalysis;
  /** The actors as groups ("dog owners", "walkers"), primary first. */
  groups: string[];
  /** What the project is about, as plural noun phrases. */
  topics: string[];
  /** Key terms as written, nouns first. */
  terms: string[];
  requirements: SourcedRequirement[];
  problems: string[];
  successStatements: string[];
  platforms: string[];
  platformStated: boolean;
  integrations: string[];
  personalData: string[];
  scale: string | undefined;
  acronyms: string[];
  cues: {
    payments: boolean;
    marketplace: boolean;
    realtime: boolean;
    location: boolean;
    notifications: boolean;
    media: boolean;
    ai: boolean;
    offline: boolean;
    business: boolean;
    search: boolean;
  };
};

/** Reads everything the offline document writers need from the input, once. */
export function projectFacts(input: DocumentTaskInput): ProjectFacts {
  const name = truncate(oneLine(input.projectName), 120) || 'Untitled project';
  const idea = input.idea.trim();
  const answered = (input.answers ?? []).filter((a) => a.answer.trim() !== '');
  const unanswered = (input.answers ?? []).filter((a) => a.answer.trim() === '').map((a) => oneLine(a.question));
  const sources = (input.sources ?? []).map((source) => ({ ...source, sections: source.sections.filter((s) => s.text.trim() || s.heading.trim()) }));

  const passages = passagesOf({ ...input, answers: answered, sources });
  // The idea comes first: early sentences weigh more, so its terms lead the analysis.
  const fullText = passages.map((p) => p.text).join('\n\n');
  const analyzed = analyzeText(fullText, { keyTerms: 16, actors: 6, entities: 8, requirements: 80 });
  const actions = analyzed.actions.filter((action) => !isProblemStatement(analyzed.sentences[action.sentenceIndex] ?? ''));
  const primary = actions.find((action) => analyzed.actors.includes(action.actor))?.actor;
  const actors = primary ? [primary, ...analyzed.actors.filter((actor) => actor !== primary)] : analyzed.actors;
  const analysis: TextAnalysis = { ...analyzed, actions, actors, entities: credibleEntities(analyzed.entities, fullText) };

  const platforms = unique(PLATFORMS.filter(([cue]) => cue.test(fullText)).map(([, label]) => label));
  const cues = Object.fromEntries(Object.entries(CUES).map(([key, cue]) => [key, cue.test(fullText)])) as ProjectFacts['cues'];
  return {
    name,
    idea,
    answers: answered,
    unanswered,
    instructions: input.instructions?.trim() || undefined,
    sources,
    ideaSummary: summarize(idea, 3) || truncate(oneLine(idea), 300),
    passages,
    analysis,
    groups: actors.map(asGroup),
    topics: topicsOf(analysis, 8),
    terms: termsOf(analysis),
    requirements: sourcedRequirements(passages),
    problems: unique(analysis.sentences.filter(isProblemStatement).map((s) => truncate(s, 300))).slice(0, 4),
    successStatements: unique(analysis.sentences.filter((s) => SUCCESS_CUE.test(s) && /\d/.test(s)).map((s) => truncate(s, 240))).slice(0, 4),
    platforms: platforms.length ? platforms : ['web'],
    platformStated: platforms.length > 0,
    integrations: integrationNames(fullText),
    personalData: PERSONAL_DATA.filter(([cue]) => cue.test(fullText)).map(([, label]) => label),
    scale: scaleOf(fullText, actors),
    acronyms: acronymsOf(fullText),
    cues,
  };
}

const PEOPLE_WORDS = new Set(['users', 'people', 'customers', 'members', 'subscribers', 'visitors', 'clients', 'employees', 'accounts', 'downloads', 'households', 'families', 'companies', 'businesses', 'teams']);

/** How many people the inputs expect ("5000 nurses", "2k users"), when they say so; counts of things are not scale. */
function scaleOf(text: string, actors: string[]): string | undefined {
  const heads = new Set(actors.map((actor) => singularize(tokenize(actor).at(-1) ?? '')));
  const pattern = new RegExp(SCALE.source, 'giu');
  for (const match of text.matchAll(pattern)) {
    const noun = tokenize(match[2] ?? '').at(-1) ?? '';
    if (heads.has(singularize(noun)) || PEOPLE_WORDS.has(noun)) return `${match[1]} ${match[2]}`.replace(/\s+/g, ' ');
  }
  return undefined;
}

/** Requirement sentences of every passage, deduplicated, numbered FR-n / NFR-n in input order, with their passage. */
function sourcedRequirements(passages: Passage[]): SourcedRequirement[] {
  const byText = new Map<string, SourcedRequirement>();
  for (const passage of passages) {
    for (const requirement of findRequirements(passage.text, 60)) {
      const key = requirement.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const existing = byText.get(key);
      if (existing) {
        if (!existing.sources.includes(passage.id) && existing.sources.length < 10) existing.sources.push(passage.id);
        continue;
      }
      if (byText.size >= 80) break;
      byText.set(key, { id: '', text: requirement.text, kind: requirement.kind, priority: requirement.priority, sources: [passage.id] });
    }
  }
  let functional = 0;
  let nonFunctional = 0;
  return [...byText.values()].map((r) => ({ ...r, id: r.kind === 'functional' ? `FR-${++functional}` : `NFR-${++nonFunctional}` }));
}

/** Key terms that name things (nouns and phrases), most important first; verbs and adjectives left out. */
function termsOf(analysis: TextAnalysis): string[] {
  const verbs = new Set(analysis.actions.map((action) => tokenize(action.action)[0] ?? ''));
  return unique(analysis.keyTerms.filter((t) => (t.nounLike || t.term.includes(' ')) && !verbs.has(tokenize(t.term)[0] ?? '')).map((t) => t.term));
}

/**
 * Entities with attributes, and those without only where the text uses them as nouns: after a determiner or in the
 * plural ("each review", "reviews"), which leaves out adverbs and participles the analysis may take for things.
 */
const CALENDAR_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday weekend january february march april may june july august september october november december'.split(' '),
);

function credibleEntities(entities: Entity[], text: string): Entity[] {
  const lower = text.toLowerCase();
  return entities.filter((entity) => {
    if (entity.attributes.length) return true;
    if (CALENDAR_WORDS.has(entity.name.toLowerCase())) return false;
    // A name written with a capital inside sentences is a proper noun (a place, a brand), not a record.
    const escaped = escapeRegExp(entity.name);
    if (new RegExp(`[\\p{L},;] ${escaped.charAt(0).toUpperCase()}${escaped.slice(1)}\\b`, 'u').test(text) && !new RegExp(`[\\p{L},;] ${escaped}\\b`, 'u').test(text)) return false;
    const name = escapeRegExp(entity.name.toLowerCase());
    const plural = escapeRegExp(pluralize(entity.name).toLowerCase());
    return new RegExp(`\\b(?:a|an|the|each|every|their|our|your|its|this|that|per)\\s+${name}\\b|\\b${plural}\\b`, 'u').test(lower) && !/(?:ed|ly|by)$/.test(entity.name);
  });
}

function integrationNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NAMED_INTEGRATION)) names.push(...(match[1] ?? '').split(/, | and | or /));
  for (const match of text.matchAll(KNOWN_SERVICES)) names.push(match[0]);
  return unique(names.map((n) => n.trim()).filter((n) => n.length > 1 && !isStopWord(n))).slice(0, 6);
}

function acronymsOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b([A-Z][A-Z0-9]{1,5})\b/g)) {
    const word = match[1] ?? '';
    if (/^\d/.test(word) || /^[A-Z]\d*$/.test(word)) continue;
    found.add(word);
    if (found.size >= 12) break;
  }
  return [...found];
}
