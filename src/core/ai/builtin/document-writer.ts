/**
 * What the document tasks (SRS, PRD, overview, marketing, tech, tasks) share: their input, the prompt around it, the
 * facts the offline engine reads from the idea, the answers and the source sections, and Markdown composition.
 * Pure and deterministic: the same input always gives the same facts and the same Markdown.
 */
import { z } from 'zod';
import { capitalize, isStopWord, joinList, pluralize, singularize, summarize, tokenize, truncate } from '../../text/index.js';
import { analyzeText, asGroup, type Entity, findRequirements, isProblemStatement, type Priority, type TextAnalysis, topicsOf } from '../../../modules/projects/idea-analysis/index.js';

// ---------------------------------------------------------------------------------------------------------------
// Input

export const MAX_SOURCE_TEXT = 60_000;

const sectionInput = z
  .object({
    id: z.string().trim().min(1).max(300),
    heading: z.string().max(500),
    text: z.string().max(8000),
  })
  .strict();

const sourceInput = z
  .object({
    documentId: z.string().trim().min(1).max(100),
    type: z.string().trim().min(1).max(50),
    title: z.string().max(255),
    sections: z.array(sectionInput).max(40),
  })
  .strict();

export const documentTaskInput = z
  .object({
    projectName: z.string().trim().min(1).max(255),
    idea: z.string().trim().min(1).max(20_000),
    answers: z
      .array(
        z
          .object({
            question: z.string().trim().min(1).max(2000),
            answer: z.string().trim().max(10_000),
          })
          .strict(),
      )
      .max(10)
      .optional(),
    sources: z.array(sourceInput).max(8).optional(),
    instructions: z.string().trim().max(4000).optional(),
  })
  .strict()
  .refine((input) => sourceTextLength(input.sources ?? []) <= MAX_SOURCE_TEXT, {
    message: `the source sections may hold at most ${MAX_SOURCE_TEXT} characters in all`,
    path: ['sources'],
  });

export type DocumentTaskInput = z.infer<typeof documentTaskInput>;
export type DocumentSource = NonNullable<DocumentTaskInput['sources']>[number];

export function sourceTextLength(sources: ReadonlyArray<{ sections: ReadonlyArray<{ heading: string; text: string }> }>): number {
  let total = 0;
  for (const source of sources) for (const section of source.sections) total += section.heading.length + section.text.length;
  return total;
}

/** The prompt a remote model gets for a document task: the request, then the idea, answers and cited sources. */
export function documentPrompt(input: DocumentTaskInput, request: { system: string; asks: string[] }): { system: string; prompt: string } {
  const lines: string[] = [...request.asks, ''];
  lines.push(`Project: ${oneLine(input.projectName)}`, '', '<idea>', input.idea, '</idea>');
  const answers = input.answers ?? [];
  if (answers.length) {
    lines.push('', 'The author answered these clarifying questions (an empty answer means skipped):');
    for (const a of answers) lines.push(`Q: ${a.question}\nA: ${a.answer || '(no answer)'}`);
  }
  const sources = input.sources ?? [];
  if (sources.length) {
    lines.push('', 'Existing project documents, as sections. Use them, and cite the id of every section you draw on in the `sources` fields:');
    for (const source of sources) {
      for (const section of source.sections) {
        lines.push(`<section id="${section.id}" document="${oneLine(source.title)}" type="${source.type}" heading="${oneLine(section.heading)}">`, section.text, '</section>');
      }
    }
  }
  if (input.instructions) lines.push('', 'Instructions from the author for this document:', input.instructions);
  lines.push('', 'Stay specific to this project: use its own terms, and where it leaves something open, say so or make a modest, labelled assumption.');
  return {
    system: `${request.system} Never write placeholder text such as lorem ipsum; every section must be about this project.`,
    prompt: lines.join('\n'),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Facts the offline engine reads from the input

/** A piece of the input a statement can come from: the idea, an answer, or a section of a source document. */
export type Passage = { id: string; label: string; text: string };

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

const PLATFORMS: Array<[RegExp, string]> = [
  [/\b(ios|iphone|ipad)\b/i, 'iOS'],
  [/\bandroid\b/i, 'Android'],
  [/\b(mobile|phones?|smartphones?|app stores?)\b/i, 'mobile'],
  [/\b(web|website|browsers?|web app|online)\b/i, 'web'],
  [/\b(desktop|macos|windows|linux)\b/i, 'desktop'],
  [/\bslack\b/i, 'Slack'],
  [/\bmicrosoft teams\b/i, 'Microsoft Teams'],
  [/\bwhatsapp\b/i, 'WhatsApp'],
  [/\btelegram\b/i, 'Telegram'],
  [/\b(sms|text messages?)\b/i, 'SMS'],
  [/\b(browser )?extension\b/i, 'browser extension'],
  [/\b(tablets?|kiosks?)\b/i, 'tablet'],
];
const KNOWN_SERVICES =
  /\b(Slack|Google Calendar|Google Maps|Google Drive|Google Sheets|Gmail|Stripe|Salesforce|Jira|GitHub|Shopify|Zapier|Zendesk|HubSpot|Notion|Trello|Microsoft Teams|Outlook|QuickBooks|Xero|PayPal|Twilio|Mailchimp|WhatsApp|Airtable|Calendly|Zoom|Epic|SAP)\b/gu;
const NAMED_INTEGRATION = /\b(?:integrat\w*|sync\w*|connect\w*|import\w* from|export\w* to) (?:it |them )?(?:with |to |from )?((?:\p{Lu}[\p{L}\d.]*)(?:(?:, | and | or )\p{Lu}[\p{L}\d.]*)*)/gu;
const PERSONAL_DATA: Array<[RegExp, string]> = [
  [/\b(health|medical|patients?|hipaa|diagnos\w*|symptoms?|prescriptions?)\b/i, 'health information'],
  [/\b(locations?|gps|geolocation|live tracking|addresses)\b/i, 'location and addresses'],
  [/\b(child|children|kids|minors?|pupils?)\b/i, "children's data"],
  [/\b(phone numbers?|e-?mail addresses|contact details)\b/i, 'contact details'],
  [/\b(photos?|camera|videos?|recordings?)\b/i, 'photos and recordings'],
  [/\b(salar(?:y|ies)|bank accounts?|credit cards?|financial|payments?)\b/i, 'payment and financial data'],
  [/\b(birth ?dates?|date of birth|passports?|identity documents?|id documents?)\b/i, 'identity data'],
];
const SCALE = /\b(\d[\d,.]*\s*(?:k|m|thousand|million)?)\s+((?:(?!(?:seconds|minutes|hours|days|weeks|months|years|percent|times|ms)\b)\p{L}+\s+)?(?!(?:seconds|minutes|hours|days|weeks|months|years|percent|times|ms)\b)\p{L}+s)\b/iu;
const SUCCESS_CUE = /\b(success|succeed\w*|measure\w*|metrics?|kpis?|goals?|targets?|\d+ ?%|retention|revenue|conversion|per (?:day|week|month|year))\b/i;
const CUES = {
  payments: /\b(pay|pays|paying|payments?|paid|price|prices|pricing|fees?|subscriptions?|checkout|invoices?|refunds?|billing|commission)\b/i,
  marketplace: /\b(marketplace|two-sided|connects? \w+(?: \w+)? (?:with|to)|match(?:es|ing)? \w+(?: \w+)? with|hire|hiring|on-demand|gig)\b/i,
  realtime: /\b(real[- ]time|live|chat|messag\w*|instant\w*|tracking)\b/i,
  location: /\b(locations?|maps?|nearby|gps|geolocation|distance|routes?|addresses)\b/i,
  notifications: /\b(notif\w*|remind\w*|alerts?|e-?mails?|sms|push)\b/i,
  media: /\b(photos?|images?|pictures?|videos?|uploads?|files?|attachments?|documents?|recordings?)\b/i,
  ai: /\b(ai|ml|machine learning|llm|gpt|recommend\w*|predict\w*|classif\w*|automatically suggest\w*)\b/i,
  offline: /\boffline\b/i,
  business: /\b(business(?:es)?|compan(?:y|ies)|teams?|clients?|employees?|staff|agenc(?:y|ies)|consultants?|enterprises?|b2b|firms?|clinics?|restaurants?|shops?|stores?|schools?)\b/i,
  search: /\b(search\w*|find|finds|finding|browse|filter\w*|discover\w*|compare)\b/i,
} as const;

const KNOWN_ACRONYMS: Record<string, string> = {
  API: 'Application Programming Interface',
  GDPR: 'General Data Protection Regulation (EU)',
  HIPAA: 'Health Insurance Portability and Accountability Act (US)',
  CCPA: 'California Consumer Privacy Act',
  KPI: 'Key Performance Indicator',
  SMS: 'Short Message Service (text messages)',
  CRM: 'Customer Relationship Management',
  ERP: 'Enterprise Resource Planning',
  SLA: 'Service Level Agreement',
  MVP: 'Minimum Viable Product',
  B2B: 'Business to business',
  B2C: 'Business to consumer',
  AI: 'Artificial Intelligence',
  ML: 'Machine Learning',
  PDF: 'Portable Document Format',
  CSV: 'Comma-Separated Values',
  GPS: 'Global Positioning System',
  SSO: 'Single Sign-On',
  WCAG: 'Web Content Accessibility Guidelines',
  PCI: 'Payment Card Industry (data security standard)',
  QR: 'Quick Response (code)',
  UI: 'User Interface',
  UX: 'User Experience',
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

/**
 * The pieces of the input a statement can cite: `idea`, `answer-n` (numbered among the answered questions) and the
 * source sections by their ids, each with the label a reader sees.
 */
export function passagesOf(input: Pick<DocumentTaskInput, 'idea' | 'answers' | 'sources'>): Passage[] {
  const passages: Passage[] = [{ id: 'idea', label: 'the idea', text: input.idea.trim() }];
  (input.answers ?? [])
    .filter((a) => a.answer.trim() !== '')
    .forEach((a, index) => passages.push({ id: `answer-${index + 1}`, label: `the answer to “${truncate(oneLine(a.question), 80)}”`, text: a.answer }));
  for (const source of input.sources ?? []) {
    for (const section of source.sections) {
      const label = [oneLine(source.title) || capitalize(source.type.replaceAll('_', ' ')), oneLine(section.heading)].filter(Boolean).join(' › ');
      passages.push({ id: section.id, label, text: section.text });
    }
  }
  return passages;
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

export function acronymMeaning(acronym: string): string | undefined {
  return KNOWN_ACRONYMS[acronym];
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the facts

/** Which passage a sentence of the analysis came from (the first whose text contains it). */
export function passageOf(facts: ProjectFacts, sentence: string): Passage | undefined {
  const probe = sentence.replace(/…$/, '').slice(0, 120);
  return facts.passages.find((passage) => oneLine(passage.text).includes(oneLine(probe)));
}

/** The first sentence of the input that mentions the term (whole words, any inflection of the last word). */
export function sentenceMentioning(facts: ProjectFacts, term: string): string | undefined {
  const words = tokenize(term).map(singularize);
  if (words.length === 0) return undefined;
  return facts.analysis.sentences.find((sentence) => {
    const tokens = tokenize(sentence).map(singularize);
    for (let i = 0; i + words.length <= tokens.length; i++) if (words.every((w, j) => tokens[i + j] === w)) return true;
    return false;
  });
}

/**
 * Functional requirement sentences that no actor action already covers (an action's sentence is specified through
 * the action), for writers that list both.
 */
export function uncoveredFunctional(facts: ProjectFacts): SourcedRequirement[] {
  const covered = new Set(facts.analysis.actions.map((a) => facts.analysis.sentences[a.sentenceIndex] ?? ''));
  return facts.requirements.filter((r) => r.kind === 'functional' && ![...covered].some((sentence) => sentence.startsWith(r.text.replace(/…$/, ''))));
}

/** "dog owners" → "dog owners'", "staff" → "staff's". */
export function possessive(phrase: string): string {
  return /s$/i.test(phrase) ? `${phrase}'` : `${phrase}'s`;
}

/** The actions of one actor. */
export function actionsOf(facts: ProjectFacts, actor: string): string[] {
  return facts.analysis.actions.filter((a) => a.actor === actor).map((a) => a.action);
}

export function primaryGroup(facts: ProjectFacts): string {
  return facts.groups[0] ?? 'users';
}

/** Entities with the one the idea says most about first. */
export function entitiesOf(facts: ProjectFacts): Entity[] {
  return facts.analysis.entities;
}

/** The main subject of the project as a short noun phrase ("walks", "the neighbourhood tool library"). */
export function subjectOf(facts: ProjectFacts): string {
  const subject = facts.topics[0] ?? facts.terms.find((t) => !facts.groups.includes(t));
  if (!subject) return facts.name;
  return isPluralPhrase(subject) ? subject : `the ${subject}`;
}

/** "time entries" → true; "tool library" → false. */
export function isPluralPhrase(phrase: string): boolean {
  const last = tokenize(phrase).at(-1) ?? '';
  return singularize(last) !== last;
}

/** What kind of product this is, from the idea's own words. */
export function productKind(facts: ProjectFacts): string {
  if (/\bmarketplace\b/i.test(facts.idea)) return 'marketplace';
  const named = /\b(?:an?|the)\s+((?:[\p{L}-]+\s+){0,2}?(?:app|platform|tool|service|marketplace|dashboard|portal|website|bot|assistant|tracker|planner|network|community|system))\b/iu.exec(facts.idea);
  if (named?.[1] && named[1].split(' ').length <= 3) return named[1].toLowerCase();
  if (facts.platforms.includes('mobile') || facts.platforms.includes('iOS') || facts.platforms.includes('Android')) return 'mobile app';
  return 'web application';
}

export function qualityCategory(text: string): NfrCategory {
  for (const [category, cue] of NFR_CUES) if (cue.test(text)) return category;
  return 'usability';
}

export const nfrCategories = [
  'performance',
  'security',
  'privacy',
  'availability',
  'scalability',
  'usability',
  'accessibility',
  'maintainability',
  'portability',
  'localization',
  'compliance',
] as const;
export type NfrCategory = (typeof nfrCategories)[number];

const NFR_CUES: Array<[NfrCategory, RegExp]> = [
  ['privacy', /\b(privacy|gdpr|hipaa|ccpa|personal data|consent|retention)/i],
  ['compliance', /\b(complian\w*|pci|soc ?2|iso ?27001|audit\w*|regulat\w*|legal)/i],
  ['security', /\b(secur\w*|encrypt\w*|authenticat\w*|passwords?|2fa|permissions?|access control)/i],
  ['performance', /\b(performan\w*|fast(?:er)?|speed|latency|response times?|respond\w*|loads? in|\d+ ?(?:ms|milliseconds?|seconds?)\b)/i],
  ['availability', /\b(uptime|available|availability|24\/7|99(?:\.\d+)?%|backups?|disaster|reliab\w*|fault[- ]toleran\w*|redundan\w*|sla)/i],
  ['scalability', /\b(scal(?:e|es|able|ability|ing)|concurren\w*|throughput)/i],
  ['accessibility', /\b(accessib\w*|wcag|a11y|screen readers?)/i],
  ['localization', /\b(locali[sz]\w*|internationali[sz]\w*|i18n|multilingual|languages?|translat\w*)/i],
  ['portability', /\b(portab\w*|cross-platform|works? (?:well )?on (?:phones|mobile|tablets|desktop|all browsers)|responsive|mobile[- ]friendly|offline)/i],
  ['maintainability', /\b(maintainab\w*|testab\w*|logging|monitor\w*)/i],
  ['usability', /\b(usability|intuitive|easy|simple|clear)/i],
];

// ---------------------------------------------------------------------------------------------------------------
// Wording

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the text names the word (or phrase) as a whole word, singular or plural. */
export function mentions(text: string, word: string): boolean {
  const singular = escapeRegExp(word.toLowerCase());
  const plural = escapeRegExp(pluralize(word).toLowerCase());
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${singular}|${plural})(?![\\p{L}\\p{N}])`, 'u').test(text.toLowerCase());
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function asSentence(text: string): string {
  const trimmed = capitalize(oneLine(text));
  if (!trimmed) return trimmed;
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A sentence's words without its final punctuation, for quoting inside another sentence. */
export function clause(text: string): string {
  return oneLine(text).replace(/[.!?;:…]+$/, '');
}

export function quote(text: string, max = 200): string {
  return `“${truncate(clause(text), max)}”`;
}

/** The first words of an action, cut before a trailing preposition or conjunction. */
export function shortAction(action: string, maxWords = 8): string {
  const words = action.split(' ').slice(0, maxWords);
  while (words.length > 2 && isStopWord(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

const DETERMINER = /^(?:a|an|the|their|its|his|her|our|your|my|each|every|this|these|those)$/i;

/** "book trusted walkers in their neighbourhood" → "Book trusted walkers". */
export function featureName(action: string): string {
  const words = oneLine(action).split(' ');
  const cut = words.findIndex((word, index) => index >= 2 && ((isStopWord(word) && !DETERMINER.test(word) && !/^(?:and|or)$/i.test(word)) || /^\d/.test(word)));
  return capitalize(shortAction(words.slice(0, cut === -1 ? 6 : Math.min(cut, 6)).join(' '), 6)).replace(/[,;:.]+$/, '');
}

/** The capability a requirement sentence states: the words after its modal verb ("owners must see reviews" → "see reviews"). */
export function capabilityOf(requirement: string): string | undefined {
  const match = /\b(?:must|shall|should|will|can|could|may|might|needs? to|has to|have to|wants? to|would like to|allows?|enables?|lets)\s+(?:(?:also|easily|be able to|not)\s+)*(.+)$/i.exec(requirement);
  const rest = match?.[1]?.replace(/[.!…]+$/, '').split(/[;:]/)[0]?.trim();
  if (!rest) return undefined;
  if (/^be\s/i.test(rest)) {
    const subject = requirement.slice(0, match?.index ?? 0).trim().replace(/^(?:the|a|an|all|each|every)\s+/i, '');
    return subject ? `${subject} ${rest.replace(/^be\s+/i, '')}` : undefined;
  }
  return rest;
}

/** The subject of a requirement sentence when it is an actor of the facts ("Owners must …" → "dog owners"). */
export function actorOfSentence(facts: ProjectFacts, sentence: string): string | undefined {
  const head = tokenize(sentence.split(/\b(?:must|shall|should|will|can|could|may|might|needs? to|has to|have to|wants? to)\b/i)[0] ?? '').map(singularize);
  return facts.analysis.actors.find((actor) => {
    const last = singularize(tokenize(actor).at(-1) ?? '');
    return last !== '' && head.includes(last);
  });
}

/** "dog owners" → "dog owner". */
export function singularPhrase(group: string): string {
  const parts = group.split(' ');
  const last = parts.pop() ?? '';
  return [...parts, singularize(last)].join(' ');
}

export function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(?:uni|use|one|eu)/i.test(word) ? 'an' : 'a';
}

export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}

export function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (!item || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export { asGroup, capitalize, isStopWord, joinList, pluralize, singularize, truncate };

export const priorityWord: Record<Priority, string> = { must: 'Must', should: 'Should', could: 'Could' };
export const priorityOrder: Record<Priority, number> = { must: 0, should: 1, could: 2 };

/** A short deterministic hash, to vary wording by input without randomness. */
export function pickBy<T>(key: string, options: readonly T[]): T {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return options[hash % options.length] as T;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/** Text for one Markdown line: no line breaks, and nothing that would start a block (heading, list, quote). */
export function inline(text: string): string {
  return oneLine(text).replace(/^(#{1,6}(?:\s|$)|>|[-*+](?:\s|$)|\d+[.)](?:\s|$)|=+$|-+$)/, '\\$1');
}

function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|') || '—';
}

/** Builds a Markdown document block by block, with one blank line between blocks. */
export class MarkdownWriter {
  private readonly blocks: string[] = [];

  heading(level: number, text: string): this {
    this.blocks.push(`${'#'.repeat(Math.min(6, Math.max(1, level)))} ${inline(text).replace(/^\\/, '')}`);
    return this;
  }

  paragraph(...sentences: Array<string | undefined | false>): this {
    const text = sentences.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map(oneLine).join(' ');
    if (text) this.blocks.push(inline(text));
    return this;
  }

  /** A line of label and value: **Priority:** Must. */
  fields(pairs: Array<[string, string | undefined]>): this {
    const parts = pairs.filter(([, value]) => value !== undefined && value.trim() !== '').map(([label, value]) => `**${label}:** ${inline(value ?? '')}`);
    if (parts.length) this.blocks.push(parts.join(' · '));
    return this;
  }

  bullets(items: readonly string[], empty?: string): this {
    const lines = items.map(oneLine).filter(Boolean);
    if (lines.length) this.blocks.push(lines.map((item) => `- ${inline(item)}`).join('\n'));
    else if (empty) this.paragraph(empty);
    return this;
  }

  numbered(items: readonly string[], empty?: string): this {
    const lines = items.map(oneLine).filter(Boolean);
    if (lines.length) this.blocks.push(lines.map((item, index) => `${index + 1}. ${inline(item)}`).join('\n'));
    else if (empty) this.paragraph(empty);
    return this;
  }

  table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, empty?: string): this {
    if (rows.length === 0) {
      if (empty) this.paragraph(empty);
      return this;
    }
    const lines = [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`];
    for (const row of rows) lines.push(`| ${headers.map((_, i) => cell(row[i] ?? '')).join(' | ')} |`);
    this.blocks.push(lines.join('\n'));
    return this;
  }

  /** Markdown already composed (e.g. a note in italics); kept as it is. */
  raw(markdown: string): this {
    if (markdown.trim()) this.blocks.push(markdown.trim());
    return this;
  }

  toString(): string {
    return `${this.blocks.join('\n\n')}\n`;
  }
}

/** How a statement's sources read in a document: "the idea", "Scope statement › In scope". */
export function sourceLabels(facts: ProjectFacts, ids: readonly string[]): string[] {
  return unique(ids.map((id) => facts.passages.find((p) => p.id === id)?.label ?? id));
}

export type RenderOptions = {
  /** How a source id reads in the document, e.g. "Scope statement › In scope"; ids without a label are left out. */
  labelOf?: (id: string) => string | undefined;
};

function defaultLabel(id: string): string | undefined {
  if (id === 'idea') return 'the idea';
  const answer = /^answer-(\d+)$/.exec(id);
  return answer ? `answer ${answer[1]} to the clarifying questions` : undefined;
}

export function sourceText(ids: readonly string[], options: RenderOptions): string | undefined {
  const labels = unique(ids.map((id) => options.labelOf?.(id) ?? defaultLabel(id)).filter((l): l is string => Boolean(l)));
  return labels.length ? labels.join('; ') : undefined;
}
