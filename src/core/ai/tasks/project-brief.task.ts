import { z } from 'zod';
import { capitalize, isStopWord, joinList, pluralize, singularize, tokenize, truncate } from '../../text/index.js';
import { analyzeText, asGroup, isProblemStatement, type Priority, type TextAnalysis, topicsOf } from '../../../modules/projects/idea-analysis/index.js';
import { defineObjectTask } from '../task.js';

export const projectBriefInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    idea: z.string().trim().min(1).max(20_000),
    answers: z
      .array(
        z
          .object({
            question: z.string().trim().min(1).max(1000),
            answer: z.string().trim().max(4000),
          })
          .strict(),
      )
      .max(10)
      .optional(),
  })
  .strict();

const priority = z.enum(['must', 'should', 'could']);

export const projectBriefOutput = z
  .object({
    title: z.string().min(1).describe('The project title'),
    summary: z.string().min(1).describe('Two to four sentences: what it is, for whom, and why'),
    problem: z.string().min(1).describe('The problem the project solves, and for whom'),
    goals: z.array(z.string().min(1)).min(1).max(8).describe('What the project must achieve, one short sentence each'),
    targetUsers: z
      .array(
        z.object({
          name: z.string().min(1).describe('A user group or role, e.g. "Dog owners"'),
          needs: z.array(z.string().min(1)).max(8).describe('What this group needs from the product'),
        }),
      )
      .min(1)
      .max(6)
      .describe('The groups of people the project serves'),
    features: z
      .array(
        z.object({
          name: z.string().min(1).describe('A short feature name, e.g. "Book a walk"'),
          description: z.string().min(1).describe('One or two sentences on what it does for whom'),
          priority: priority.describe('MoSCoW priority for a first release'),
        }),
      )
      .min(1)
      .max(12)
      .describe('The features of a first release, most important first'),
    risks: z
      .array(z.object({ risk: z.string().min(1), mitigation: z.string().min(1).describe('How to reduce the risk') }))
      .max(8)
      .describe('The main product, delivery and compliance risks'),
    successMetrics: z.array(z.string().min(1)).min(1).max(8).describe('Measurable signs that the project works'),
  })
  .describe('A project brief');

export type ProjectBriefInput = z.infer<typeof projectBriefInput>;
export type ProjectBrief = z.infer<typeof projectBriefOutput>;

export const projectBriefTask = defineObjectTask<ProjectBriefInput, ProjectBrief>({
  name: 'project-brief',
  description: 'A project brief (problem, goals, users, features, risks, success metrics) from an idea',
  input: projectBriefInput,
  output: projectBriefOutput,

  buildPrompt: ({ name, idea, answers }) => ({
    system:
      'You are an experienced product manager. You turn a rough product idea into a concise, concrete project brief ' +
      'that a small team can start from. Stay specific to the idea; where it leaves something open, make a ' +
      'reasonable assumption and keep it modest rather than inventing detail.',
    prompt: [
      `Write the project brief for "${name}".`,
      'Give: a title; a summary (two to four sentences); the problem; up to 8 goals; up to 6 target user groups with ' +
        'their needs; up to 12 features with a MoSCoW priority (must/should/could) for a first release; up to 8 risks ' +
        'with mitigations; and up to 8 measurable success metrics.',
      '',
      '<idea>',
      idea,
      '</idea>',
      ...(answers?.length
        ? ['', 'The author answered these clarifying questions:', ...answers.map((a) => `Q: ${a.question}\nA: ${a.answer || '(no answer)'}`)]
        : []),
    ].join('\n'),
  }),

  builtin: (input) => composeBrief(input),
});

// ---------------------------------------------------------------------------------------------------------------
// The offline brief

type Brief = ProjectBrief;
type Feature = Brief['features'][number];

const SUCCESS_CUE = /\b(success|succeed|measure\w*|metrics?|kpis?|goals?|targets?|\d+ ?%|per (?:day|week|month|year)|a (?:day|week|month|year))\b/i;
const PAYMENT_CUE = /\b(pay|pays|paying|payments?|paid|price|prices|pricing|fees?|subscriptions?|checkout|invoices?|refunds?|billing|commission)\b/i;
const PERSONAL_DATA: Array<[RegExp, string]> = [
  [/\b(health|medical|patients?|hipaa|diagnos\w*|symptoms?|prescriptions?)\b/i, 'health information'],
  [/\b(locations?|gps|geolocation|live tracking)\b/i, 'location'],
  [/\b(child|children|kids|minors?|pupils?)\b/i, "children's data"],
  [/\b(home address(?:es)?|addresses|phone numbers?|e-?mail addresses)\b/i, 'contact details'],
  [/\b(photos?|camera|videos?|recordings?)\b/i, 'photos and recordings'],
  [/\b(salar(?:y|ies)|bank accounts?|credit cards?|financial)\b/i, 'financial data'],
  [/\b(birth ?dates?|date of birth|passports?|identity documents?|id documents?)\b/i, 'identity data'],
];
const IN_PERSON_CUE = /\b(walkers?|drivers?|sitters?|riders?|couriers?|cleaners?|tutors?|nannies|nanny|homes?|house|pets?|dogs?|cats?|kids|rides?|meetups?|in person|strangers?|deliver\w*)\b/i;
const AI_CUE = /\b(ai|ml|machine learning|llm|gpt|recommend\w*|predict\w*|classif\w*|automatically suggest\w*)\b/i;
const INTEGRATION_CUE = /\b(integrat\w*|sync\w*|api|calendars?|slack|google|stripe|salesforce|jira|github|shopify|zapier|webhooks?)\b/i;
const NAMED_INTEGRATION = /\b(?:integrat\w*|sync\w*|connect\w*) (?:it |them )?(?:with|to) ((?:\p{Lu}[\p{L}\d.]*)(?:(?:, | and | or )\p{Lu}[\p{L}\d.]*)*)/gu;
const KNOWN_SERVICES = /\b(Slack|Google(?: \p{Lu}\p{L}+)?|Stripe|Salesforce|Jira|GitHub|Shopify|Zapier|Zendesk|HubSpot|Notion|Trello|Microsoft Teams|Outlook|QuickBooks|Xero|PayPal|Twilio)\b/gu;
const MARKETPLACE_CUE = /\b(marketplace|two-sided|connects? \w+(?: \w+)? (?:with|to)|match(?:es|ing)? \w+(?: \w+)? with|hire|hiring|on-demand|gig)\b/i;
const QUALITY_LABELS: Array<[RegExp, string]> = [
  [/\b(performan\w*|fast(?:er)?|speed|latency|response times?|load(?:s|ing)? in|respond\w*|\d+ ?ms\b)/i, 'speed'],
  [/\b(secur\w*|encrypt\w*)/i, 'security'],
  [/\b(privacy|gdpr|hipaa|ccpa|complian\w*)/i, 'compliance'],
  [/\b(uptime|available (?:24\/7|\d)|highly available|reliab\w*|99(?:\.\d+)?%)/i, 'availability'],
  [/\b(accessib\w*|wcag|screen readers?)/i, 'accessibility'],
  [/\b(scal(?:e|able|ability|ing)|concurren\w*|throughput)/i, 'scale'],
  [/\boffline\b/i, 'offline use'],
];

type BriefContext = {
  name: string;
  idea: string;
  analysis: TextAnalysis;
  answers: Array<{ question: string; answer: string }>;
  /** The actors as groups, the primary one (whose action the idea states first) first. */
  groups: string[];
  /** What the idea is about, as plural noun phrases ("walks", "time entries") that read well in a sentence. */
  topics: string[];
};

function composeBrief(input: ProjectBriefInput): ProjectBrief {
  const name = truncate(input.name.replace(/\s+/g, ' ').trim(), 120) || 'Untitled project';
  const answers = (input.answers ?? []).filter((a) => a.answer.trim() !== '');
  const fullText = [input.idea, ...answers.map((a) => a.answer)].join('\n\n');
  const analyzed = analyzeText(fullText, { keyTerms: 12, actors: 6, entities: 8, requirements: 60 });
  // What the idea says people suffer from today is the problem, not a feature.
  const analysis = { ...analyzed, actions: analyzed.actions.filter((action) => !isProblemStatement(analyzed.sentences[action.sentenceIndex] ?? '')) };
  const primary = analysis.actions.find((action) => analysis.actors.includes(action.actor))?.actor;
  const actors = primary ? [primary, ...analysis.actors.filter((actor) => actor !== primary)] : analysis.actors;
  const context: BriefContext = {
    name,
    idea: input.idea,
    analysis: { ...analysis, actors },
    answers,
    groups: actors.map(asGroup),
    topics: topicsOf(analysis, 8).filter(isPlural),
  };
  const features = featuresOf(context);
  return {
    title: name,
    summary: summaryOf(context),
    problem: problemOf(context),
    goals: goalsOf(context, features),
    targetUsers: targetUsersOf(context),
    features,
    risks: risksOf(context, features),
    successMetrics: successMetricsOf(context),
  };
}

function summaryOf({ name, analysis, groups, topics }: BriefContext): string {
  const parts: string[] = [];
  parts.push(asSentence(analysis.summary || `${name} is a new project`));
  const focus = topics.slice(0, 2);
  if (groups.length && focus.length) parts.push(`${name} is for ${joinList(groups.slice(0, 3))} and centres on ${joinList(focus)}.`);
  else if (groups.length) parts.push(`${name} is for ${joinList(groups.slice(0, 3))}.`);
  else if (focus.length) parts.push(`${name} centres on ${joinList(focus)}.`);
  parts.push("This draft was composed by Atelier's offline engine from the idea as written.");
  return parts.join(' ');
}

function problemOf({ analysis, groups, topics }: BriefContext): string {
  const stated = analysis.sentences.filter(isProblemStatement).slice(0, 2);
  if (stated.length) return stated.map((sentence) => asSentence(truncate(sentence, 300))).join(' ');
  const action = analysis.actions[0];
  const group = action ? asGroup(action.actor) : groups[0];
  const who = group ? capitalize(group) : 'The people this is for';
  const what = action ? action.action : topics[0] ? `handle ${topics[0]}` : 'do this';
  return `${who} have no dedicated, reliable way to ${what} today. The idea does not describe the current workaround, so confirm the problem with a few of them before building.`;
}

function goalsOf({ name, analysis, groups, topics }: BriefContext, features: Feature[]): string[] {
  const goals: string[] = [];
  for (const action of analysis.actions.slice(0, 3)) goals.push(`Make it quick for ${asGroup(action.actor)} to ${shortAction(action.action, 8)}.`);
  const nouns = topics.slice(0, 2);
  if (nouns.length) goals.push(`Give ${groups[0] ?? 'its users'} one reliable place for ${joinList(nouns)}.`);
  const qualities = qualityLabels(analysis);
  if (qualities.length) goals.push(`Meet the stated ${joinList(qualities)} requirements from the first release.`);
  const must = features.filter((feature) => feature.priority === 'must').map((feature) => `“${feature.name}”`);
  if (must.length) goals.push(`Ship a first release of ${name} with the must-have feature${must.length > 1 ? 's' : ''} ${joinList(must.slice(0, 3))}.`);
  goals.push(`Validate ${name} with a first group of ${groups[0] ?? 'target users'} before widening the scope.`);
  return unique(goals).slice(0, 8);
}

function targetUsersOf({ analysis, groups, topics }: BriefContext): Brief['targetUsers'] {
  if (groups.length === 0) {
    const needs = analysis.actions.length
      ? analysis.actions.slice(0, 3).map((action) => capitalize(shortAction(action.action, 8)))
      : topics.slice(0, 3).map((topic) => `A simple, dependable way to keep track of ${topic}`);
    return [{ name: 'Primary users (not yet named in the idea)', needs: needs.length ? needs : ['A clear reason to choose this over their current approach'] }];
  }
  return analysis.actors.slice(0, 6).map((actor, index) => {
    const group = groups[index] ?? asGroup(actor);
    const own = analysis.actions.filter((action) => action.actor === actor).map((action) => capitalize(shortAction(action.action, 8)));
    const head = singularize(tokenize(actor).at(-1) ?? actor);
    const needs = [...own];
    for (const other of analysis.actions) {
      if (other.actor === actor) continue;
      const words = other.action.split(' ');
      const keys = words.map((word) => singularize(word.toLowerCase().replace(/[^\p{L}'-]/gu, '')));
      // "dog owners book walkers": walkers are asked; "people lend drills to neighbours": neighbours receive drills
      const objectIndex = keys.findIndex((key, i) => i > 0 && !DETERMINER.test(key));
      const toIndex = keys.findIndex((key, i) => i > 1 && key === head && keys[i - 1] === 'to');
      if (keys[objectIndex] === head && REQUEST_VERBS.test(keys[0] ?? '')) needs.push(`Receive and answer requests from ${asGroup(other.actor)} to ${shortAction(other.action, 8)}`);
      else if (toIndex !== -1) needs.push(`Receive ${words.slice(1, toIndex - 1).join(' ')} from ${asGroup(other.actor)}`);
    }
    if (needs.length === 0) needs.push(topics[0] ? `A simple, dependable way to keep track of ${topics[0]}` : `A clear reason to use the product instead of today's workaround`);
    return { name: capitalize(group), needs: unique(needs).slice(0, 5) };
  });
}

function featuresOf({ name, idea, analysis, groups, topics }: BriefContext): Feature[] {
  const features: Feature[] = [];
  const add = (feature: Feature): void => {
    const key = feature.name.toLowerCase();
    if (features.length < 12 && !features.some((existing) => existing.name.toLowerCase() === key)) features.push(feature);
  };
  const usedSentences = new Set<number>();
  for (const action of analysis.actions) {
    add({ name: featureName(action.action), description: `Lets ${asGroup(action.actor)} ${shortAction(action.action, 14)}.`, priority: action.priority });
    usedSentences.add(action.sentenceIndex);
  }
  for (const requirement of analysis.requirements) {
    if (requirement.kind !== 'functional') continue;
    const sentenceIndex = analysis.sentences.findIndex((sentence) => sentence.startsWith(requirement.text.replace(/…$/, '')));
    if (usedSentences.has(sentenceIndex)) continue;
    const capability = capabilityOf(requirement.text);
    if (capability) add({ name: featureName(capability), description: asSentence(requirement.text), priority: requirement.priority });
  }
  for (const entity of analysis.entities) {
    if (entity.attributes.length === 0) continue;
    add({
      name: `${capitalize(entity.name)} records`,
      description: `Create, find and update ${pluralize(entity.name)}, each with ${joinList(entity.attributes.slice(0, 5))}.`,
      priority: 'should',
    });
  }
  for (const topic of topics) {
    if (features.length >= 3) break;
    add({ name: capitalize(topic), description: `Keep ${topic} in one place where ${groups[0] ?? 'its users'} can find and update them.`, priority: 'could' });
  }
  if (features.length === 0) {
    add({ name: `${name} core workflow`, description: `The main flow the idea describes: ${asSentence(truncate(idea.replace(/\s+/g, ' ').trim(), 200))}`, priority: 'must' });
  }
  if (!features.some((feature) => feature.priority === 'must') && features[0]) features[0] = { ...features[0], priority: 'must' };
  const order: Record<Priority, number> = { must: 0, should: 1, could: 2 };
  return features.map((feature, index) => ({ feature, index })).sort((a, b) => order[a.feature.priority] - order[b.feature.priority] || a.index - b.index).map(({ feature }) => feature);
}

function risksOf({ name, analysis, groups, idea, answers }: BriefContext, features: Feature[]): Brief['risks'] {
  const text = [idea, ...answers.map((a) => a.answer)].join('\n');
  const risks: Brief['risks'] = [];
  const [first, second] = groups;
  if (MARKETPLACE_CUE.test(text)) {
    const supply = second ?? 'providers';
    const demand = first ?? 'customers';
    risks.push({
      risk: `Not enough ${supply} for ${demand} at launch (or the reverse), so early users leave before the ${/marketplace/i.test(text) ? 'marketplace' : 'service'} is useful.`,
      mitigation: `Launch in one area or niche and recruit ${supply} before opening ${name} to ${demand}.`,
    });
  }
  if (PAYMENT_CUE.test(text)) {
    risks.push({
      risk: `Payment problems (failed charges, refunds, disputes) erode trust in ${name}.`,
      mitigation: 'Use an established payment provider and write down the refund and dispute rules before launch.',
    });
  }
  const personal = PERSONAL_DATA.filter(([cue]) => cue.test(text)).map(([, label]) => label);
  if (personal.length) {
    const law = personal.includes('health information') ? 'GDPR or HIPAA' : 'GDPR';
    risks.push({
      risk: `${name} handles personal data (${joinList(personal)}), which brings privacy obligations such as ${law}.`,
      mitigation: 'Collect only what the features need, document retention periods and ask for consent where required.',
    });
  }
  if (IN_PERSON_CUE.test(text) && groups.length) {
    risks.push({
      risk: `Safety and trust: ${first} rely on people they may not know${second ? ` (${second})` : ''}.`,
      mitigation: 'Verify identities, show reviews and give a clear, fast way to report a problem.',
    });
  }
  if (AI_CUE.test(text)) {
    risks.push({ risk: 'Automated suggestions may be wrong or biased, and users may over-trust them.', mitigation: 'Keep a person in the loop, show why a suggestion was made and let users correct it.' });
  }
  if (INTEGRATION_CUE.test(text)) {
    const named = integrationNames(text);
    risks.push({
      risk: `Dependence on outside systems${named.length ? ` (${joinList(named)})` : ''}: their changes, limits and outages become ${name}'s problems.`,
      mitigation: 'Put each integration behind its own interface, and plan for rate limits, retries and outages.',
    });
  }
  const qualities = qualityLabels(analysis);
  if (qualities.length) {
    risks.push({
      risk: `The stated ${joinList(qualities)} targets may take more engineering than the feature list suggests.`,
      mitigation: 'Measure them from the first prototype on and make them part of the definition of done.',
    });
  }
  if (features.length > 6) {
    risks.push({
      risk: `Scope: ${features.length} features is a lot for a first release.`,
      mitigation: 'Ship the must-have features first and decide on the rest after the first round of feedback.',
    });
  }
  if (groups.length === 0) {
    risks.push({
      risk: 'The idea does not say who the users are, so the features may miss their real needs.',
      mitigation: 'Name the primary user group and test the problem with five to ten of them before building.',
    });
  } else {
    const action = analysis.actions.find((a) => a.actor === analysis.actors[0]) ?? analysis.actions[0];
    risks.push({
      risk: `${capitalize(first ?? 'users')} keep their current way to ${action ? shortAction(action.action, 8) : 'do this'} instead of switching to ${name}.`,
      mitigation: `Interview five to ten ${first} before building, and measure whether they come back in their second week.`,
    });
  }
  return risks.slice(0, 8);
}

function successMetricsOf({ analysis, answers, groups }: BriefContext): string[] {
  const metrics: string[] = [];
  for (const { question, answer } of answers) {
    if (SUCCESS_CUE.test(question) || SUCCESS_CUE.test(answer)) metrics.push(asSentence(truncate(answer.replace(/\s+/g, ' '), 200)));
  }
  for (const sentence of analysis.sentences) if (SUCCESS_CUE.test(sentence) && /\d/.test(sentence)) metrics.push(asSentence(truncate(sentence, 200)));
  for (const action of analysis.actions.slice(0, 2)) metrics.push(`Weekly number of times ${asGroup(action.actor)} ${shortAction(action.action, 8)}.`);
  const primary = groups[0];
  if (primary) {
    metrics.push(`Share of new ${primary} who come back within 30 days.`);
    const firstAction = analysis.actions.find((a) => asGroup(a.actor) === primary);
    if (firstAction) metrics.push(`Time it takes a new ${singularPhrase(primary)} to ${shortAction(firstAction.action, 8)} for the first time.`);
  } else {
    metrics.push('Number of people who use it every week, once the primary user group is named.');
  }
  const qualities = qualityLabels(analysis);
  if (qualities.length) metrics.push(`The stated ${joinList(qualities)} targets are met in production, measured weekly.`);
  return unique(metrics).slice(0, 8);
}

// ---------------------------------------------------------------------------------------------------------------
// Wording helpers

function singularPhrase(group: string): string {
  const parts = group.split(' ');
  const last = parts.pop() ?? '';
  return [...parts, singularize(last)].join(' ');
}

/** The first words of an action, cut before a trailing preposition or conjunction. */
function shortAction(action: string, maxWords: number): string {
  const words = action.split(' ').slice(0, maxWords);
  while (words.length > 2 && isStopWord(words[words.length - 1] ?? '')) words.pop();
  return words.join(' ');
}

/** "book trusted walkers in their neighbourhood" → "Book trusted walkers". */
function featureName(action: string): string {
  const words = action.split(' ');
  // "see who is missing …" needs its clause; "book appointments online" does without the adverb
  const from = /^(?:who|what|which|how|when|where|whether)$/i.test(words[1] ?? '') ? 4 : 2;
  const cut = words.findIndex((word, index) => index >= from && ((isStopWord(word) && !DETERMINER.test(word) && !/^(?:and|or)$/i.test(word)) || /^\d/.test(word) || ADVERB.test(word)));
  return capitalize(shortAction(words.slice(0, cut === -1 ? 6 : Math.min(cut, 6)).join(' '), 6));
}

/** Verbs whose object is asked for something: "owners book walkers" means walkers get requests to answer. */
const REQUEST_VERBS = /^(?:book|hire|request|invite|ask|message|contact|call|reserve|schedule|order|engage|commission)$/;
const DETERMINER = /^(?:a|an|the|their|its|his|her|our|your|my|each|every|this|these|those)$/i;
/** Words that say how or when, which a feature name can do without: "Book appointments online", "See results right after". */
const ADVERB = /^(?:online|offline|right|straight|now|later|together|automatically|quickly|instantly|immediately|manually|monthly)$/i;

/** The capability a requirement sentence states: the words after its modal verb. */
function capabilityOf(requirement: string): string | undefined {
  const match = /\b(?:must|shall|should|will|can|could|may|might|needs? to|has to|have to|wants? to|would like to|allows?|enables?|lets)\s+(?:(?:also|easily|be able to|not)\s+)*(.+)$/i.exec(requirement);
  const rest = match?.[1]?.replace(/[.!…]+$/, '').trim();
  if (!rest) return undefined;
  if (/^be\s/i.test(rest)) {
    const subject = requirement.slice(0, match?.index ?? 0).trim().replace(/^(?:the|a|an|all|each|every)\s+/i, '');
    return subject ? `${subject} ${rest.replace(/^be\s+/i, '')}` : undefined;
  }
  return rest;
}

/** Outside systems the text names: "integrate with Zendesk and Slack" → Zendesk, Slack. */
function integrationNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NAMED_INTEGRATION)) names.push(...(match[1] ?? '').split(/, | and | or /));
  for (const match of text.matchAll(KNOWN_SERVICES)) names.push(match[0]);
  return unique(names.filter(Boolean)).slice(0, 4);
}

function qualityLabels(analysis: TextAnalysis): string[] {
  const text = analysis.requirements.filter((r) => r.kind === 'non-functional').map((r) => r.text).join(' ');
  return QUALITY_LABELS.filter(([cue]) => cue.test(text)).map(([, label]) => label);
}

function asSentence(text: string): string {
  const trimmed = capitalize(text.trim());
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function isPlural(phrase: string): boolean {
  const last = tokenize(phrase).at(-1) ?? '';
  return singularize(last) !== last;
}

function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
