/**
 * What the document tasks (SRS, PRD, overview, marketing, tech, tasks) share: their input, the prompt around it, the
 * facts the offline engine reads from the idea, the answers and the source sections, and Markdown composition.
 * Pure and deterministic: the same input always gives the same facts and the same Markdown.
 */
export { acronymMeaning } from './cues.js';
export { actionsOf, actorOfSentence, entitiesOf, passageOf, primaryGroup, productKind, sentenceMentioning, subjectOf, uncoveredFunctional } from './fact-lookups.js';
export { documentTaskInput, MAX_SOURCE_TEXT, sourceTextLength, type DocumentSource, type DocumentTaskInput } from './input.js';
export { inline, MarkdownWriter } from './markdown-writer.js';
export { passagesOf, type Passage } from './passages.js';
export { projectFacts, type ProjectFacts, type SourcedRequirement } from './project-facts.js';
export { documentPrompt } from './prompt.js';
export { nfrCategories, qualityCategory, type NfrCategory } from './quality-categories.js';
export { sourceLabels, sourceText, type RenderOptions } from './source-labels.js';
export {
  article,
  asSentence,
  capabilityOf,
  clause,
  escapeRegExp,
  featureName,
  isPluralPhrase,
  mentions,
  pickBy,
  possessive,
  priorityOrder,
  priorityWord,
  quote,
  shortAction,
  unique,
  withArticle,
} from './wording.js';
