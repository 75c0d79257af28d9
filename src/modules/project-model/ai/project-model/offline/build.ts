import { authorSpellings, isKindOf, respell, semanticClasses, synonyms, type NounPhrase } from '../../../../../core/text/nlp/index.js';
import { singularize } from '../../../../../core/text/index.js';
import { emptyProjectModel, type ModelActor, type ModelEntity, type ProjectModel } from '../../../project-model.contract.js';
import { repoint, unionSources, unionWords } from '../../../model-references.js';
import type { ProjectModelInput } from '../schema.js';
import { findActors, toActors } from './actors.js';
import { findEntities, type EntityFinding } from './entities.js';
import { IdPool } from './ids.js';
import { readInput, type Sentence } from './read.js';
import { detailEntity, relationshipsOf } from './details.js';
import { glossaryOf, openQuestionsOf, summaryOf } from './overview.js';
import { findConstraints, findMetrics, findRules, isSuccessStatement } from './statements.js';
import { applyFocus, focusTerms, keepCorrections } from './steer.js';
import { keptPeople } from './people.js';
import { phraseCandidates, selectEntities, type RankingContext } from './entity-ranking.js';
import { findUseCases, unkept } from './use-cases.js';
import { displayName, isGroupWord, lemmaOf, termOf } from './words.js';
import { readWriter } from './writer.js';

/** At most this many records: the domain's central ones, not everything the text names. */
export const MAX_ENTITIES = 12;
/**
 * The readers' least evidence for a record: acted on once, or spoken about and mentioned again. What people act on
 * with this much evidence is a use case's record, and it fills up the records of a text too short to rank.
 */
const READERS_EVIDENCE = 1.5;

/** The product's own name is never one of its records: the whole name, and a one-word name's singular. */
function productWordsOf(name: string): Set<string> {
  const words = name.toLowerCase().split(/[^a-z]+/).filter((word) => word !== '');
  return new Set(words.length === 1 ? [words.join(' '), singularize(words[0] ?? '')] : [words.join(' ')]);
}

/**
 * What the readers take from the input before any record is chosen: the sentences, the writer, the actors, and every
 * candidate record (the entity readers' findings and the people kept as records), one per term.
 */
export function readCandidates(input: ProjectModelInput) {
  const sentences = readInput(input);
  const semantic = (lemma: string): string[] => semanticClasses(lemma, 'noun', 1);
  const writer = readWriter(sentences);

  const actorIds = new IdPool();
  const actors = toActors(findActors(sentences, semantic, writer), (name) => actorIds.take(name));
  const actorTerms = new Map<string, ModelActor>(actors.map((actor) => [actor.name.toLowerCase(), actor]));

  const actorOf = (phrase: NounPhrase | undefined): ModelActor | undefined =>
    phrase ? actorTerms.get(termOf(phrase)) ?? actorTerms.get(lemmaOf(phrase)) ?? actorTerms.get(phrase.text.toLowerCase()) : undefined;
  // The writer's own role, when the text names it and it is one of the actors.
  const writerActor = writer.role ? actorTerms.get(displayName(writer.role.term).toLowerCase()) : undefined;
  const productWords = productWordsOf(input.projectName);
  const found = [
    ...findEntities(sentences, productWords, writer.business)
      .filter((finding) => !actorTerms.has(finding.term) || (isGroupWord(finding.lemma) && finding.verbs.length > 0)),
    ...keptPeople(sentences, actorOf, writerActor),
  ]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    // People acted on ("staff are invited") may be found both as a record and as people kept: one record.
    .filter((finding, index, sorted) => sorted.findIndex((other) => other.term === finding.term) === index);
  const candidates = [...found, ...phraseCandidates(sentences, found, new Set([...productWords, ...writer.business]))];
  const context: RankingContext = { sentences, actors: new Set(actorTerms.keys()) };
  return { sentences, writer, actors, actorOf, writerActor, found, candidates, context };
}

export function buildModel(input: ProjectModelInput): ProjectModel {
  const { sentences, writer, actors, actorOf, writerActor, found, candidates, context } = readCandidates(input);
  const model = emptyProjectModel();
  const findings = selectEntities(candidates, context, MAX_ENTITIES, READERS_EVIDENCE).sort((a, b) => a.order - b.order);
  const entityIds = new IdPool();
  const entities: ModelEntity[] = findings.map((finding: EntityFinding) => ({
    id: entityIds.take(finding.term),
    name: displayName(finding.term),
    description: '',
    attributes: [],
    states: [],
    sources: finding.sources,
  }));

  const entityByTerm = new Map<string, ModelEntity>();
  findings.forEach((finding, index) => {
    const entity = entities[index] as ModelEntity;
    entityByTerm.set(finding.term, entity);
    if (!entityByTerm.has(finding.lemma)) entityByTerm.set(finding.lemma, entity);
  });
  const entityOf = (phrase: NounPhrase): ModelEntity | undefined => {
    const direct = entityByTerm.get(termOf(phrase)) ?? entityByTerm.get(lemmaOf(phrase));
    if (direct) return direct;
    for (const synonym of synonyms(lemmaOf(phrase), 'noun', 1)) {
      const found = entityByTerm.get(synonym);
      if (found) return found;
    }
    // "the shipment status": a part or property of a record stands for the record.
    for (const noun of [...phrase.nouns].reverse()) {
      const found = entityByTerm.get(noun);
      if (found) return found;
    }
    return undefined;
  };

  const idOfTerm = (term: string): string | undefined => entityByTerm.get(term)?.id ?? entityByTerm.get(term.split(' ').pop() ?? '')?.id;
  const detailed = entities.map((entity, index) => detailEntity(entity, findings[index] as EntityFinding, findings, sentences, idOfTerm));

  // Success statements are measures, never something to build.
  const actions = sentences.filter((sentence) => !isSuccessStatement(sentence));
  const rules = findRules(sentences, detailed, new IdPool());
  const we = whoWeAre(sentences, writerActor, actors, actorOf);
  const withWriter = we && !actors.includes(we) ? [...actors, we] : actors;
  // What people do to something the readers found good evidence of is a use case though the model keeps no record of
  // it ("rate the contractor").
  const evidenced = new Map(found.filter((finding) => finding.score >= READERS_EVIDENCE).map((finding) => [finding.term, finding]));
  const recordActedOn = (phrase: NounPhrase): ModelEntity | undefined => {
    const kept = entityOf(phrase);
    if (kept) return kept;
    const finding = evidenced.get(termOf(phrase)) ?? evidenced.get(lemmaOf(phrase));
    return finding ? unkept(displayName(finding.term), finding.sources) : undefined;
  };
  const useCases = findUseCases(actions, withWriter, rules, { actorOf, entityOf: recordActedOn }, new IdPool(), writer.business, we);
  // The writer's staff is an actor only when they do something.
  const acting = withWriter.filter((actor) => actors.includes(actor) || useCases.some((useCase) => useCase.actor === actor.id));
  model.actors = acting.map((actor) => ({
    ...actor,
    needs: useCases.filter((useCase) => useCase.actor === actor.id).slice(0, 12).map((useCase) => useCase.name.charAt(0).toLowerCase() + useCase.name.slice(1)),
  }));
  model.entities = detailed;
  model.relationships = relationshipsOf(detailed, sentences, entityOf);
  model.useCases = useCases;
  model.rules = rules;
  model.metrics = findMetrics(sentences, new IdPool());
  model.constraints = findConstraints(sentences, new IdPool());
  const { summary, problem } = summaryOf(sentences);
  model.summary = summary;
  model.problem = problem;
  model.glossary = glossaryOf(model, sentences);
  model.openQuestions = openQuestionsOf(input, model, new IdPool());
  inAuthorSpelling(model, authorSpellings(sentences.map((sentence) => sentence.tagged)));
  return applyFocus(keepCorrections(oneActorPerName(model), input.previous), focusTerms(input.instructions));
}

/**
 * "Suppliers/hauliers" and "the haulier", which the tagger reads as two spellings of one word, are one actor once both
 * are spelt as the author writes them: the first keeps its id, and what pointed to the other points to it.
 */
function oneActorPerName(model: ProjectModel): ProjectModel {
  let merged = model;
  for (const actor of model.actors) {
    const first = merged.actors.find((other) => other.name === actor.name);
    if (!first || first.id === actor.id) continue;
    merged = repoint(merged, 'actor', actor.id, first.id);
    const into = { ...first, sources: unionSources(first.sources, actor.sources), needs: unionWords(first.needs, actor.needs).slice(0, 12) };
    merged = { ...merged, actors: merged.actors.filter((other) => other.id !== actor.id).map((other) => (other.id === first.id ? into : other)) };
  }
  return merged;
}

/**
 * Who "we" and "I" are: the role the writer says is theirs ("I'm a piano tuner"), the people the writer calls
 * "our"/"my" ("our technicians", never "our accountant"), or else the writer's staff, as an
 * actor of its own, so that what the business does is never put on its customers.
 */
function whoWeAre(sentences: Sentence[], named: ModelActor | undefined, actors: ModelActor[], actorOf: (phrase: NounPhrase) => ModelActor | undefined): ModelActor | undefined {
  if (named) return named;
  for (const sentence of sentences) {
    for (const phrase of sentence.phrases) {
      // "our technicians" are who "we" are; "our accountant" is one person the writer works with.
      // "the office managers at our clients": customers are whom "we" serve, never who "we" are.
      const own = (phrase.determiner === 'our' || phrase.determiner === 'my') && phrase.plural && !isKindOf(lemmaOf(phrase), 'customer', 'noun', 3) ? actorOf(phrase) : undefined;
      if (own?.kind === 'person') return own;
    }
  }
  const staff = actors.find((actor) => actor.kind === 'person' && actor.name.toLowerCase() === 'staff');
  if (staff) return staff;
  const speaks = sentences.find((sentence) => sentence.clauses.some((clause) => clause.subjectPronoun === 'we' || clause.subjectPronoun === 'i'));
  return speaks ? { id: 'staff', name: 'Staff', kind: 'person', description: '', needs: [], sources: [speaks.source] } : undefined;
}

/** Names and composed texts in the author's spelling ("Driving licence", "Organiser"), once everything is matched. */
function inAuthorSpelling(model: ProjectModel, spellings: Map<string, string>): void {
  if (spellings.size === 0) return;
  const fix = (text: string): string => respell(text, spellings);
  for (const entity of model.entities) entity.name = fix(entity.name);
  for (const actor of model.actors) {
    actor.name = fix(actor.name);
    actor.needs = actor.needs.map(fix);
  }
  for (const useCase of model.useCases) {
    useCase.name = fix(useCase.name);
    useCase.trigger = fix(useCase.trigger);
    useCase.outcome = fix(useCase.outcome);
    for (const step of useCase.steps) step.action = fix(step.action);
  }
}
