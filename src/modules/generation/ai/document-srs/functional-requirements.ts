import { capitalize, joinList, pluralize, singularPhrase } from '../../../../core/text/index.js';
import { asGroup, type Priority } from '../../../projects/index.js';
import {
  actorOfSentence,
  capabilityOf,
  clause,
  entitiesOf,
  featureName,
  isPluralPhrase,
  mentions,
  passageOf,
  primaryGroup,
  priorityOrder,
  quote,
  sentenceMentioning,
  shortAction,
  uncoveredFunctional,
  withArticle,
  type ProjectFacts,
} from '../document-writer/index.js';
import type { Functional } from './schema.js';

// Functional requirements: from the actors' actions and the requirement sentences, with acceptance criteria.

export function functionalRequirements(facts: ProjectFacts): Functional[] {
  const drafts: Array<Omit<Functional, 'id'>> = [];
  const titles = new Set<string>();
  const add = (draft: Omit<Functional, 'id'>): void => {
    const key = draft.title.toLowerCase();
    if (titles.has(key) || drafts.length >= 40) return;
    titles.add(key);
    drafts.push(draft);
  };
  for (const action of facts.analysis.actions) {
    const sentence = facts.analysis.sentences[action.sentenceIndex] ?? '';
    const group = asGroup(action.actor);
    add({
      title: featureName(action.action),
      description: `The system shall allow ${group} to ${clause(action.action)}.`,
      priority: action.priority,
      origin: 'stated',
      acceptanceCriteria: actionCriteria(facts, action.actor, action.action, action.priority),
      sources: sourcesOf(facts, sentence),
    });
  }
  for (const requirement of uncoveredFunctional(facts)) {
    const capability = capabilityOf(requirement.text);
    if (!capability) continue;
    const actor = actorOfSentence(facts, requirement.text);
    add({
      title: featureName(capability),
      description: `The system shall support this stated need: ${quote(requirement.text, 300)}.`,
      priority: requirement.priority,
      origin: 'stated',
      acceptanceCriteria: actionCriteria(facts, actor ?? facts.analysis.actors[0], capability, requirement.priority),
      sources: requirement.sources,
    });
  }
  for (const entity of entitiesOf(facts)) {
    if (entity.attributes.length === 0) continue;
    const plural = pluralize(entity.name);
    add({
      title: `Manage ${plural}`,
      description: `The system shall let ${primaryGroup(facts)} create, view, change and archive ${plural}, each with ${joinList(entity.attributes.slice(0, 6))}.`,
      priority: 'should',
      origin: 'derived',
      acceptanceCriteria: [
        `${capitalize(withArticle(entity.name))} cannot be saved without ${entity.attributes[0]}; the form names the missing field.`,
        `A saved ${entity.name} shows ${joinList(entity.attributes.slice(0, 6))} again after a reload.`,
        `Every change to ${withArticle(entity.name)} keeps who made it and when.`,
      ],
      sources: sourcesOf(facts, sentenceMentioning(facts, entity.name) ?? ''),
    });
  }
  for (const topic of facts.topics) {
    if (drafts.length >= 3) break;
    const plural = isPluralPhrase(topic);
    add({
      title: plural ? `Keep ${topic} in one place` : `Keep the ${topic} in one place`,
      description: plural
        ? `The system shall keep ${topic} in one place where ${primaryGroup(facts)} can find, add and update them.`
        : `The system shall keep the ${topic} in one place where ${primaryGroup(facts)} can find, add and update its entries.`,
      priority: drafts.length === 0 ? 'must' : 'could',
      origin: 'derived',
      acceptanceCriteria: plural
        ? [`A new entry in ${topic} can be added and found again by a word it contains.`, `${capitalize(topic)} are listed newest first.`]
        : [`A new entry in the ${topic} can be added and found again by a word it contains.`, 'Entries are listed newest first.'],
      sources: sourcesOf(facts, sentenceMentioning(facts, topic) ?? ''),
    });
  }
  if (drafts.length === 0) {
    add({
      title: `${facts.name} core workflow`,
      description: `The system shall support the workflow the idea describes: ${quote(facts.idea, 300)}.`,
      priority: 'must',
      origin: 'stated',
      acceptanceCriteria: [`A user can complete the workflow the idea describes from start to end.`, 'The result is saved and shown again after a reload.'],
      sources: ['idea'],
    });
  }
  add({
    title: 'Accounts and sign-in',
    description: `The system shall let ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users'} create an account, sign in and out, and reset a forgotten password.`,
    priority: 'must',
    origin: 'derived',
    acceptanceCriteria: ['A new user can sign up with an email address and sign in right away.', 'A forgotten password can be reset through a link sent by email.', `Each ${facts.groups.length > 1 ? 'user class' : 'user'} sees only what their role allows.`],
    sources: [],
  });
  if (!drafts.some((d) => d.priority === 'must') && drafts[0]) drafts[0] = { ...drafts[0], priority: 'must' };
  return drafts
    .map((draft, index) => ({ draft, index }))
    .sort((a, b) => priorityOrder[a.draft.priority] - priorityOrder[b.draft.priority] || a.index - b.index)
    .map(({ draft }, index) => ({ id: `FR-${index + 1}`, ...draft }));
}

const READ_VERBS = /^(?:see|view|browse|find|search|compare|check|read|look|track|follow|discover|watch|know)\b/i;

function actionCriteria(facts: ProjectFacts, actor: string | undefined, action: string, level: Priority): string[] {
  const who = actor ? singularPhrase(asGroup(actor)) : singularPhrase(primaryGroup(facts));
  const act = clause(shortAction(action, 12));
  const reads = READ_VERBS.test(act);
  const criteria = [
    reads
      ? `Given a signed-in ${who}, when they ${act}, then ${facts.name} shows the result within 2 seconds.`
      : `Given a signed-in ${who}, when they ${act}, then ${facts.name} saves the result and confirms it on screen.`,
  ];
  const mentioned = facts.analysis.actors.find((other) => other !== actor && mentions(action, singularPhrase(asGroup(other)).split(' ').at(-1) ?? other));
  if (mentioned && !reads) criteria.push(`The ${asGroup(mentioned)} concerned are notified and see it in their own list.`);
  const entity = entitiesOf(facts).find((e) => mentions(action, e.name));
  if (entity?.attributes.length) criteria.push(`Each ${entity.name} involved shows ${joinList(entity.attributes.slice(0, 4))}.`);
  if (reads) criteria.push(`Only what the ${who} is allowed to see is shown.`);
  else if (level === 'must') criteria.push('When required information is missing, nothing is saved and the message names the missing field.');
  else criteria.push(`A ${who} can do this in a few steps from their start screen, without help.`);
  return criteria;
}

export function sourcesOf(facts: ProjectFacts, sentence: string): string[] {
  if (!sentence) return [];
  const passage = passageOf(facts, sentence);
  return passage ? [passage.id] : [];
}
