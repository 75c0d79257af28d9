import {
  bareInfinitive,
  clause,
  givenWhenThen,
  inner,
  isTeamName,
  nounPhrase,
  rolePlural,
  roleSubject,
  parseVerbPhrase,
  predicate,
  sentence,
  THEY,
  type Determiner,
  type GrammaticalNumber,
  type NounPhrase,
  type VerbPhrase,
} from '../../../../core/text/compose/index.js';
import { capitalize, joinList, pluralize } from '../../../../core/text/index.js';
import type { ModelActor, ModelEntity, ModelRelationship, ModelStep, ModelUseCase } from '../../../project-model/index.js';
import type { ModelView } from './model-view.js';

// Noun phrases, verb phrases and sentences composed from the model's items, never pasted from their wording.

/** "Payment provider" → "payment provider"; names that are written with capitals inside ("SMS gateway") keep them. */
export function common(name: string): string {
  return /^\p{Lu}[\p{Ll}\s-]/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * An outside system named by an acronym the writer never puts an article before ("returns go to HMRC") is a name:
 * "works with HMRC", never "the HMRC". One the writer writes with "the" ("the DVLA") keeps it.
 */
function isBareAcronym(actor: ModelActor): boolean {
  if (actor.kind !== 'system' || !/^[A-Z][A-Z0-9]+$/.test(actor.name)) return false;
  const withArticle = new RegExp(`\\b(?:the|a|an) ${actor.name}\\b`, 'i');
  return !actor.sources.some((source) => withArticle.test(source.quote ?? ''));
}

export function actorPhrase(actor: ModelActor | undefined, determiner: Determiner, number: GrammaticalNumber = 'singular'): NounPhrase {
  // "staff", "HR", "reception" take no article and no plural: "let staff add an animal", never "a staff"; the verb
  // agrees as the name is read ("staff open", "HR opens").
  if (actor && actor.kind === 'person' && isTeamName(actor.name)) return roleSubject(common(actor.name));
  if (actor && isBareAcronym(actor)) return { text: actor.name, number: 'singular' };
  return nounPhrase({ head: actor ? common(actor.name) : 'user', determiner, number });
}

export function entityPhrase(entity: ModelEntity, determiner: Determiner, number: GrammaticalNumber = 'singular'): NounPhrase {
  return nounPhrase({ head: common(entity.name), determiner, number });
}

/** "Members", "Payment providers": an actor group as a heading. */
export function groupName(actor: ModelActor): string {
  return capitalize(actor.kind === 'person' ? rolePlural(common(actor.name)) : pluralize(common(actor.name)));
}

export const SYSTEM: NounPhrase = { text: 'the system', number: 'singular' };

/** The use case as a verb phrase: its name when it reads as one ("Book a tool"), else its action and entity. */
export function useCaseVerb(useCase: ModelUseCase, view: ModelView): VerbPhrase {
  const parsed = parseVerbPhrase(common(useCase.name));
  if (parsed && !parsed.modal && !parsed.passive) return parsed;
  const entity = view.entity(useCase.entity);
  return { lemma: useCase.action.toLowerCase(), ...(entity ? { rest: entityPhrase(entity, 'a').text } : {}) };
}

/** "book a tool", for "to …", "can …", "let someone …". */
export function useCaseInfinitive(useCase: ModelUseCase, view: ModelView): string {
  return bareInfinitive(useCaseVerb(useCase, view));
}

/** "The system shall let a member book a tool." */
export function requirementSentence(useCase: ModelUseCase, view: ModelView): string {
  const actor = view.actor(useCase.actor);
  const who = actor?.kind === 'system' ? actorPhrase(actor, 'the') : actorPhrase(actor, 'a');
  return sentence(`The system shall let ${who.text} ${useCaseInfinitive(useCase, view)}`);
}

/** One step as a clause: "the member submits the request", "the system checks the slot". */
export function stepClause(step: ModelStep, view: ModelView): string | undefined {
  const subject = step.actor === 'system' ? SYSTEM : actorPhrase(view.actor(step.actor), 'the');
  const vp = parseVerbPhrase(step.action);
  return vp ? clause(subject, vp) : undefined;
}

/** Where a use case leaves things: its outcome, or its entity recorded, or the product confirming it. */
function outcomeClause(useCase: ModelUseCase, view: ModelView): string {
  if (useCase.outcome.trim()) return inner(useCase.outcome);
  const entity = view.entity(useCase.entity);
  if (entity) return clause(entityPhrase(entity, 'the'), { lemma: 'save', passive: true, rest: 'and shown again after a reload' });
  return clause(SYSTEM, { lemma: 'confirm', rest: 'that it is done' });
}

/**
 * Acceptance criteria of a use case, composed from the model: Given/When/Then from the actor, the trigger or the
 * action and the outcome; the main steps in order; the rules of its entity; the required attributes.
 */
/** What the product sets itself: a person never leaves it out of a form. */
const SYSTEM_SET = /^(?:id|status|(?:created|updated|deleted)[ _]at)$/i;

export function acceptanceCriteria(useCase: ModelUseCase, view: ModelView, max = 6): string[] {
  const actor = view.actor(useCase.actor);
  const given = actor?.kind === 'person' ? nounPhrase({ head: common(actor.name), determiner: isTeamName(actor.name) ? 'none' : 'a', modifiers: ['signed-in'] }).text : actorPhrase(actor, 'the').text;
  // "Staff want to …" opens on the actor's name, which inside a sentence is written as a common noun.
  const trigger = actor && useCase.trigger.startsWith(actor.name) ? common(actor.name) + useCase.trigger.slice(actor.name.length) : useCase.trigger;
  const when = trigger.trim() ? inner(trigger) : clause(actor?.kind === 'person' ? THEY : actorPhrase(actor, 'the'), useCaseVerb(useCase, view));
  const criteria = [givenWhenThen({ given, when, then: outcomeClause(useCase, view) })];
  const steps = useCase.steps.map((step) => stepClause(step, view)).filter((s): s is string => Boolean(s));
  if (steps.length > 1) criteria.push(sentence(`In order, ${steps.join(', then ')}`));
  const entity = view.entity(useCase.entity);
  if (entity) {
    for (const rule of view.model.rules.filter((r) => r.entity === entity.id)) criteria.push(sentence(rule.text));
    const required = entity.attributes.filter((a) => a.required && a.type !== 'reference' && !SYSTEM_SET.test(a.name)).map((a) => `the ${a.name.replaceAll('_', ' ')}`);
    if (required.length) {
      criteria.push(sentence(`When ${joinList(required.slice(0, 4), 'or')} is missing, nothing is saved and the message names the missing field`));
    }
  }
  return criteria.slice(0, max);
}

/** "the tool is reserved for the member" → the story's benefit; else the use case's entity kept. */
export function benefitClause(useCase: ModelUseCase, view: ModelView): string {
  return outcomeClause(useCase, view);
}

/** "Each loan belongs to one member." from a relationship and its cardinality. */
export function relationshipSentence(relationship: ModelRelationship, view: ModelView): string | undefined {
  const from = view.entity(relationship.from) ?? view.actor(relationship.from);
  const to = view.entity(relationship.to) ?? view.actor(relationship.to);
  const vp = parseVerbPhrase(relationship.label);
  if (!from || !to || !vp) return undefined;
  const many = relationship.cardinality === 'one-to-many' || relationship.cardinality === 'many-to-many';
  const head = common(to.name);
  const object = many ? `any number of ${nounPhrase({ head, number: 'plural' }).text}` : `one ${head}`;
  return sentence(`Each ${common(from.name)} ${predicate(vp, 'singular')} ${object}`);
}
