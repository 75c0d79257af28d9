/**
 * Small, deterministic analysis of product ideas and requirement texts for the built-in offline engine: key terms,
 * actors (the people and roles involved) and their actions, entities (the things data is kept about), requirement
 * sentences with their MoSCoW priority, problem statements and topics. Pure functions only: the same text always
 * gives the same result. Generic text handling (words, sentences, inflection) is in core/text.
 */
export { type ActorAction } from './actor-actions.js';
export { findActors } from './actors.js';
export { analyzeText, type TextAnalysis } from './analyze-text.js';
export { findEntities, type Entity } from './entities.js';
export { asGroup } from './groups.js';
export { extractKeyTerms, type KeyTerm } from './key-terms.js';
export { isPersonNoun } from './lexicon/people.js';
export { priorityOf, type Priority } from './priority.js';
export { isProblemStatement } from './problem-statements.js';
export { findRequirements, type Requirement, type RequirementKind } from './requirements.js';
export { topicsOf } from './topics.js';
