/**
 * What the document tasks (SRS, PRD, overview, marketing, tech, tasks) share: their input, the prompt around it, the
 * project model as the offline writers read it, sentences composed from the model's items, and Markdown.
 * Pure and deterministic: the same input always gives the same Markdown.
 */
export { documentTaskInput, MAX_SOURCE_TEXT, sourceTextLength, type DocumentSource, type DocumentTaskInput } from './input.js';
export { inline, MarkdownWriter } from './markdown-writer.js';
export { modelOf, viewOf, type ModelView } from './model-view.js';
export {
  acceptanceCriteria,
  actorPhrase,
  benefitClause,
  common,
  entityPhrase,
  groupName,
  relationshipSentence,
  requirementSentence,
  stepClause,
  SYSTEM,
  useCaseInfinitive,
  useCaseVerb,
} from './model-words.js';
export { passagesOf, type Passage } from './passages.js';
export { documentPrompt } from './prompt.js';
export { proseFieldsOf } from './prose-fields.js';
export { nfrCategories, qualityCategory, type NfrCategory } from './quality-categories.js';
export { sourceText, type RenderOptions } from './source-labels.js';

export const priorityWord = { must: 'Must', should: 'Should', could: 'Could' } as const;
export { actorSubject, focusSentence, problemOf, summaryOf, whoDoesWhat } from './model-summary.js';
