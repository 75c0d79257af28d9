import { capitalize } from '../../../../../core/text/index.js';
import { senses, type Clause, type NounPhrase } from '../../../../../core/text/nlp/index.js';
import type { ModelActor, ModelEntity, ModelStep, ModelUseCase } from '../../../project-model.contract.js';
import type { IdPool } from './ids.js';
import type { Sentence } from './read.js';
import { participle, thirdPerson } from './verbs.js';
import { article, isPersonWord, isRecordPhrase, isVagueWord, lemmaOf, termOf } from './words.js';

/**
 * One use case per thing an actor does to a record: the clause's actor, verb and object entity (or the entity of its
 * first preposition, "apply for a plot"), the steps across the actor, the product and the outside systems, and a
 * priority from the modal ("must" → must, "can"/"could"/"would like" → could) and from the order of mention.
 */
const LIGHT_VERBS = new Set(['be', 'have', 'want', 'need', 'like', 'love', 'use', 'get', 'make', 'let', 'keep', 'try', 'hate', 'go', 'come', 'do', 'know', 'think', 'help', 'rely', 'work', 'become', 'seem', 'lose', 'hope', 'wish', 'say', 'include', 'live', 'fill', 'turn', 'agree']);
const ACTION_PREPOSITIONS = new Set(['for', 'to', 'on', 'into', 'at', 'from', 'of', 'against']);

type Resolver = { actorOf: (phrase: NounPhrase | undefined) => ModelActor | undefined; entityOf: (phrase: NounPhrase) => ModelEntity | undefined };

function priorityOf(clause: Clause, sentence: Sentence): ModelUseCase['priority'] {
  const text = sentence.text.toLowerCase();
  if (clause.modal === 'must' || /\bmust\b|\bhas to\b|\bhave to\b|\bneed(?:s)? to\b/.test(text)) return 'must';
  if (/\b(?:later|eventually|nice|would like|i'd love|could|maybe|one day|future)\b/.test(text)) return 'could';
  return 'should';
}

function stepsFor(actor: ModelActor, verb: string, particle: string, entity: ModelEntity, systems: ModelActor[], sentence: Sentence): ModelStep[] {
  const thing = entity.name.toLowerCase();
  const steps: ModelStep[] = entity.id === '' ? [
    { actor: actor.id, action: `${thirdPerson(verb)}${particle} the ${thing}` },
    { actor: 'system', action: `records that the ${thing} is ${participle(verb)}${particle}` },
    { actor: 'system', action: `shows the ${actor.name.toLowerCase()} the result` },
  ] : [
    { actor: actor.id, action: `opens the ${thing} in the product`, entity: entity.id },
    { actor: actor.id, action: `${thirdPerson(verb)}${particle} the ${thing}`, entity: entity.id },
    { actor: 'system', action: `checks the ${thing} against the rules`, entity: entity.id },
  ];
  const mentioned = systems.filter((system) => sentence.text.includes(system.name) || sentence.source.quote?.toLowerCase().includes(system.name.toLowerCase()));
  for (const system of mentioned.slice(0, 1)) steps.push({ actor: system.id, action: `handles its part of the ${thing}`, entity: entity.id });
  steps.push({ actor: 'system', action: `records that the ${thing} is ${participle(verb)}${particle}`, entity: entity.id });
  steps.push({ actor: 'system', action: `shows the ${actor.name.toLowerCase()} the updated ${thing}`, entity: entity.id });
  return steps.slice(0, 6);
}

/** "a place in a class", "the number of guests": a vague object stands for the record its preposition names. */
function concreteObject(object: NounPhrase, clause: Clause): NounPhrase {
  if (object.nouns.length > 0 || !isVagueWord(lemmaOf(object))) return object;
  const named = clause.preps.find((p) => p.phrase.start >= object.end && /^(?:in|of|on|for)$/.test(p.prep));
  return named ? named.phrase : object;
}

/** The object as the text words it ("a home visit"), singular, when its head is the entity's; else the entity's name. */
function nameOf(object: NounPhrase, entity: ModelEntity): string {
  const name = entity.name.toLowerCase();
  const words = object.text.toLowerCase().split(' ');
  // Nouns modify ("donation appointment"); so do adjectives that are mostly nouns ("home visit"), never qualities ("small").
  const modifiers = words.slice(0, -1).filter((word) => /^[a-z][a-z-]*$/.test(word) && word !== object.number?.toLowerCase()
    && (object.nouns.includes(word) || senses(word, 'noun').length > senses(word, 'adj').length));
  if (!name.endsWith(lemmaOf(object)) || modifiers.length === 0 || modifiers.length > 2 || modifiers.length < name.split(' ').length - 1) return name;
  return [...modifiers, lemmaOf(object)].join(' ');
}

export function findUseCases(sentences: Sentence[], actors: ModelActor[], entities: ModelEntity[], resolve: Resolver, ids: IdPool): ModelUseCase[] {
  const useCases: ModelUseCase[] = [];
  const seen = new Set<string>();
  const people = actors.filter((actor) => actor.kind === 'person');
  const systems = actors.filter((actor) => actor.kind === 'system');
  for (const sentence of sentences) {
    for (const clause of sentence.clauses) {
      if (LIGHT_VERBS.has(clause.verb) || clause.negated) continue;
      const named = resolve.actorOf(clause.subject);
      let actor = named;
      // "we"/"I", an imperative or a passive without its agent: the first person actor.
      if (!actor && (!clause.subject || clause.subjectPronoun || clause.passive) && (clause.subjectPronoun !== 'it')) actor = people[0];
      if (!actor) continue;
      if (!named && clause.subject && !clause.passive && !isPersonWord(lemmaOf(clause.subject)) && clause.subject.head.pos !== 'PROPN') continue;
      const objects = clause.objects.length > 0 ? clause.objects.map((object) => concreteObject(object, clause)) : clause.preps.filter((p) => ACTION_PREPOSITIONS.has(p.prep)).slice(0, 1).map((p) => p.phrase);
      for (const object of objects) {
        // An action on a record the model does not keep (yet), or on a person ("assign a contractor"), is still a use
        // case, without an entity.
        const loose = object.head.pos === 'NOUN' && (isRecordPhrase(object, true) || (resolve.actorOf(object) !== undefined && object !== clause.subject));
        const entity = resolve.entityOf(object) ?? (loose
          ? ({ id: '', name: termOf(object), description: '', attributes: [], states: [], sources: [] } satisfies ModelEntity) : undefined);
        if (!entity) continue;
        const particle = clause.particle ? ` ${clause.particle}` : '';
        const key = `${clause.verb}${particle}|${entity.id || entity.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const thing = nameOf(object, entity);
        const preposition = clause.objects.length === 0 ? ` ${clause.preps.find((p) => p.phrase === object)?.prep ?? ''}` : '';
        const name = `${capitalize(clause.verb)}${particle}${preposition} ${article(thing)} ${thing}`.replace(/\s+/g, ' ');
        useCases.push({
          id: ids.take(`${clause.verb}${particle} ${termOf(object)}`),
          name,
          actor: actor.id,
          action: clause.verb,
          ...(entity.id ? { entity: entity.id } : {}),
          trigger: `The ${actor.name.toLowerCase()} wants to ${clause.verb}${particle}${preposition} ${article(thing)} ${thing}.`.replace(/\s+/g, ' '),
          outcome: `The ${thing} is ${participle(clause.verb)}${particle} and the product has a record of it.`,
          steps: stepsFor(actor, clause.verb, particle, entity, systems, sentence),
          priority: priorityOf(clause, sentence),
          sources: [sentence.source],
        });
      }
    }
  }
  void entities;
  return useCases.slice(0, 60);
}
