import { capitalize, isStopWord, joinList, singularPhrase } from '../../../../core/text/index.js';
import { asGroup, type Priority } from '../../../projects/index.js';
import {
  actorOfSentence,
  capabilityOf,
  clause,
  entitiesOf,
  mentions,
  passageOf,
  primaryGroup,
  quote,
  shortAction,
  subjectOf,
  uncoveredFunctional,
  withArticle,
  type ProjectFacts,
} from '../document-writer/index.js';
import type { PrdPriority, Story } from './schema.js';

/** MoSCoW priority as the PRD writes it. */
export const TO_PRD: Record<Priority, PrdPriority> = { must: 'P0', should: 'P1', could: 'P2' };

// User stories: one per actor action and uncovered requirement, each with acceptance criteria.

const PURPOSE = /\b(?:so that|in order to|so they can|so we can|so I can)\s+([^.;!?]+)/i;

function benefitOf(facts: ProjectFacts, action: string, sentence: string): string {
  const stated = PURPOSE.exec(sentence)?.[1];
  if (stated) return clause(stated);
  const act = action.toLowerCase();
  const object = objectOf(action) || subjectOf(facts);
  if (/^(?:search|find|browse|compare|discover|look)/.test(act)) return `I can choose the right ${object} quickly`;
  if (/^(?:book|schedule|reserve|order|request|hire|buy|rent|borrow)/.test(act)) return 'I know it is confirmed without calling or messaging around';
  if (/^(?:confirm|accept|approve|decline|reject|assign)/.test(act)) return 'everyone involved knows where they stand';
  if (/^(?:sell|offer|publish|post|list|advertise|lend|share)/.test(act)) return `the right people find my ${object} without me chasing them`;
  if (/^(?:track|log|record|monitor|measure)/.test(act)) return `I have an accurate record of ${object} when I need it`;
  if (/^(?:pay|invoice|charge|split|tip|get paid|receive)/.test(act)) return 'money is settled on time without chasing it';
  if (/^(?:message|invite|notify|rate|review|comment|vote|chat|contact)/.test(act)) return 'everyone involved sees the same information';
  if (/^(?:see|view|read|check|get|know|follow|watch)/.test(act)) return 'I can decide with confidence';
  if (/^(?:create|add|edit|manage|organi[sz]e|plan|set|update|upload|keep)/.test(act)) return `${object} stay up to date in one place`;
  return `it takes me less time and effort than today`;
}

const TRAILING = /^(?:nearby|online|quickly|weekly|daily|monthly|together|later|now|today|instantly|again|easily|directly)$/i;

/** What an action acts on: "sell surplus meals to neighbours" → "surplus meals"; "get paid weekly" → "". */
function objectOf(action: string): string {
  const words = clause(action).split(' ').slice(1);
  if (/^(?:paid|started|notified|matched)$/i.test(words[0] ?? '')) return '';
  const cut = words.findIndex((word, index) => index > 0 && ((isStopWord(word) && !/^(?:a|an|the|each|every|their|my|our|your)$/i.test(word)) || TRAILING.test(word)));
  return words.slice(0, cut === -1 ? words.length : cut).join(' ').replace(/^(?:a|an|the|each|every|their|my|our|your)\s+/i, '');
}

export function userStoriesOf(facts: ProjectFacts): Story[] {
  const drafts: Array<Omit<Story, 'id'>> = [];
  const seen = new Set<string>();
  const add = (story: Omit<Story, 'id'>): void => {
    const key = `${story.persona}|${story.want}`.toLowerCase();
    if (seen.has(key) || drafts.length >= 24) return;
    seen.add(key);
    drafts.push(story);
  };
  for (const action of facts.analysis.actions) {
    const sentence = facts.analysis.sentences[action.sentenceIndex] ?? '';
    const persona = singularPhrase(asGroup(action.actor));
    const want = clause(action.action);
    add({
      persona,
      want: `to ${want}`,
      soThat: benefitOf(facts, want, sentence),
      priority: TO_PRD[action.priority],
      acceptanceCriteria: storyCriteria(facts, persona, want, action.priority),
      sources: sourcesOf(facts, sentence),
    });
  }
  for (const requirement of uncoveredFunctional(facts)) {
    const capability = capabilityOf(requirement.text);
    if (!capability) continue;
    const actor = actorOfSentence(facts, requirement.text);
    const persona = singularPhrase(actor ? asGroup(actor) : primaryGroup(facts));
    add({
      persona,
      want: actor ? `to ${clause(capability)}` : `${facts.name} to ${clause(capability)}`,
      soThat: benefitOf(facts, capability, requirement.text),
      priority: TO_PRD[requirement.priority],
      acceptanceCriteria: actor ? storyCriteria(facts, persona, capability, requirement.priority) : systemCriteria(facts, persona, capability),
      sources: requirement.sources,
    });
  }
  for (const entity of entitiesOf(facts)) {
    if (entity.attributes.length === 0) continue;
    const persona = singularPhrase(primaryGroup(facts));
    add({
      persona,
      want: `to keep each ${entity.name} with its ${joinList(entity.attributes.slice(0, 4))}`,
      soThat: `I find every ${entity.name} again with all its details`,
      priority: 'P1',
      acceptanceCriteria: [
        `${capitalize(withArticle(entity.name))} cannot be saved without ${entity.attributes[0]}; the form names the missing field.`,
        `A saved ${entity.name} shows ${joinList(entity.attributes.slice(0, 5))} after a reload.`,
      ],
      sources: sourcesOf(facts, facts.analysis.sentences.find((s) => mentions(s, entity.name)) ?? ''),
    });
  }
  if (drafts.length === 0) {
    const persona = singularPhrase(primaryGroup(facts));
    add({
      persona,
      want: `to use ${facts.name} for ${subjectOf(facts)}`,
      soThat: 'I no longer need my current workaround',
      priority: 'P0',
      acceptanceCriteria: [`A ${persona} can complete what the idea describes: ${quote(facts.idea, 200)}.`, 'The result is saved and shown again after a reload.'],
      sources: ['idea'],
    });
  }
  if (!drafts.some((d) => d.priority === 'P0') && drafts[0]) drafts[0] = { ...drafts[0], priority: 'P0' };
  const order: Record<PrdPriority, number> = { P0: 0, P1: 1, P2: 2 };
  return drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => order[a.draft.priority] - order[b.draft.priority] || a.index - b.index)
    .map(({ draft }, index) => ({ id: `US-${index + 1}`, ...draft }));
}

function storyCriteria(facts: ProjectFacts, persona: string, want: string, level: Priority): string[] {
  const act = clause(shortAction(want, 12));
  const reads = /^(?:see|view|browse|find|search|compare|check|read|look|track|follow|discover|watch|know)\b/i.test(act);
  const criteria = [
    reads
      ? `Given I am a signed-in ${persona}, when I ${act}, then I see the result within 2 seconds.`
      : `Given I am a signed-in ${persona}, when I ${act}, then ${facts.name} saves it and shows me a confirmation.`,
  ];
  const entity = entitiesOf(facts).find((e) => mentions(want, e.name) && e.attributes.length);
  if (entity) criteria.push(`Each ${entity.name} shows ${joinList(entity.attributes.slice(0, 4))}.`);
  const other = facts.groups.find((g) => singularPhrase(g) !== persona && mentions(want, singularPhrase(g).split(' ').at(-1) ?? g));
  if (other && !reads) criteria.push(`The ${other} involved are notified.`);
  criteria.push(level === 'must' && !reads ? 'If something required is missing, nothing is saved and I am told what is missing.' : `It takes a new ${persona} no more than a few steps.`);
  return criteria;
}

/** Criteria of something the product does on its own (sends, reminds, shows): the persona does not do it. */
function systemCriteria(facts: ProjectFacts, persona: string, capability: string): string[] {
  const act = clause(shortAction(capability, 12));
  const shows = /^(?:show|display|list|present|highlight)\b/i.test(act);
  return [
    shows
      ? `Given I am a signed-in ${persona}, when I open ${facts.name}, then it ${thirdPerson(act)}.`
      : `Given I am a signed-in ${persona}, when it is due, then ${facts.name} ${thirdPerson(act)} without my asking.`,
    `If ${facts.name} cannot ${act}, it tells me why and what to do.`,
  ];
}

/** "send pickup reminders" → "sends pickup reminders": the first word as a verb in the third person. */
export function thirdPerson(verbPhrase: string): string {
  const [verb = '', ...rest] = verbPhrase.split(' ');
  const irregular: Record<string, string> = { be: 'is', have: 'has', do: 'does', go: 'goes' };
  const conjugated = irregular[verb]
    ?? (/[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : /(?:s|x|z|ch|sh|o)$/.test(verb) ? `${verb}es` : `${verb}s`);
  return [conjugated, ...rest].join(' ');
}

/** What a story wants done, without its "to" or "<product> to": the part a title or a requirement names. */
export function wantedAction(want: string): string {
  if (/^to /.test(want)) return want.slice(3);
  const match = /^.*?\bto\s+(.+)$/.exec(want);
  return match?.[1] ?? want;
}

function sourcesOf(facts: ProjectFacts, sentence: string): string[] {
  if (!sentence) return [];
  const passage = passageOf(facts, sentence);
  return passage ? [passage.id] : [];
}
