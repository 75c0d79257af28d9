import { z } from 'zod';
import { atMost, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';

/**
 * The project model: what Atelier understood of a project — who uses it, the records it keeps, what people do with
 * them, the rules, the measures of success, the constraints and what is still unknown. Every generated artifact
 * (documents, diagrams, wireframes, chat answers) is drawn from it, so it is the one place a correction is made.
 *
 * Items refer to each other by `id` (a lower-case slug unique within its list), never by name, so renaming an entity
 * is one change. Every item says where it came from (`sources`), which chat cites and the Model tab shows.
 */

const MAX_NAME = 120;
const MAX_TEXT = 1000;

export const modelIdSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'An id is lower-case letters, digits and hyphens');

const nameSchema = z.string().trim().min(1).max(MAX_NAME);
const textSchema = z.string().trim().max(MAX_TEXT);

/** Where an item was read: the idea, an answer to a clarifying question, a document, a person's correction. */
export const modelSourceKinds = ['idea', 'answer', 'document', 'instruction', 'correction', 'inferred'] as const;
export const modelSourceSchema = z
  .object({
    kind: z.enum(modelSourceKinds),
    /** The answer's question, the document's title; absent for the idea. */
    label: z.string().max(300).optional(),
    /** The sentence the item was read from, as written. */
    quote: z.string().max(600).optional(),
  })
  .strict();
export type ModelSource = z.infer<typeof modelSourceSchema>;
const sourcesSchema = z.array(modelSourceSchema).max(8).default([]);

export const actorKinds = ['person', 'system'] as const;
export const modelActorSchema = z
  .object({
    id: modelIdSchema,
    /** Singular, capitalised: "Volunteer", "Payment provider". */
    name: nameSchema,
    kind: z.enum(actorKinds),
    description: textSchema.default(''),
    /** What the actor needs from the product, each a short verb phrase ("find a free slot near home"). */
    needs: z.array(textSchema).max(12).default([]),
    sources: sourcesSchema,
  })
  .strict();
export type ModelActor = z.infer<typeof modelActorSchema>;

export const attributeTypes = [
  'text',
  'long_text',
  'number',
  'money',
  'boolean',
  'date',
  'datetime',
  'duration',
  'email',
  'phone',
  'url',
  'location',
  'file',
  'enum',
  'reference',
] as const;
export type AttributeType = (typeof attributeTypes)[number];

export const modelAttributeSchema = z
  .object({
    /** snake_case or plain words as people say them ("due date"). */
    name: nameSchema,
    type: z.enum(attributeTypes),
    required: z.boolean().default(false),
    description: textSchema.optional(),
    /** The allowed values of an `enum` attribute. */
    values: z.array(nameSchema).max(20).optional(),
    /** The entity id a `reference` attribute points to. */
    references: modelIdSchema.optional(),
  })
  .strict();
export type ModelAttribute = z.infer<typeof modelAttributeSchema>;

export const modelEntitySchema = z
  .object({
    id: modelIdSchema,
    /** Singular, capitalised: "Booking", "Tool". */
    name: nameSchema,
    description: textSchema.default(''),
    attributes: z.array(modelAttributeSchema).max(40).default([]),
    /** Lifecycle states in order ("requested", "confirmed", "returned"); empty when the record has none. */
    states: z.array(nameSchema).max(12).default([]),
    sources: sourcesSchema,
  })
  .strict();
export type ModelEntity = z.infer<typeof modelEntitySchema>;

export const cardinalities = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many'] as const;
export type Cardinality = (typeof cardinalities)[number];
export const modelRelationshipSchema = z
  .object({
    from: modelIdSchema,
    to: modelIdSchema,
    cardinality: z.enum(cardinalities),
    /** A verb phrase read from `from` to `to`: "places", "belongs to". */
    label: nameSchema,
  })
  .strict();
export type ModelRelationship = z.infer<typeof modelRelationshipSchema>;

export const priorities = ['must', 'should', 'could'] as const;
export const modelStepSchema = z
  .object({
    /** An actor id, or "system" for the product itself. */
    actor: z.union([modelIdSchema, z.literal('system')]),
    /** A verb phrase in the present tense, without the actor: "submits the booking request". */
    action: textSchema.min(1),
    /** The entity the step reads or changes, when there is one. */
    entity: modelIdSchema.optional(),
  })
  .strict();
export type ModelStep = z.infer<typeof modelStepSchema>;

export const modelUseCaseSchema = z
  .object({
    id: modelIdSchema,
    /** Verb first, imperative: "Book a tool". */
    name: nameSchema,
    actor: modelIdSchema,
    /** The verb's lemma: "book", "return". */
    action: nameSchema,
    /** The entity acted on, when there is one. */
    entity: modelIdSchema.optional(),
    /** What starts it: "The member picks a free slot". */
    trigger: textSchema.default(''),
    /** What is true afterwards: "The tool is reserved for the member". */
    outcome: textSchema.default(''),
    steps: z.array(modelStepSchema).max(12).default([]),
    priority: z.enum(priorities).default('should'),
    sources: sourcesSchema,
  })
  .strict();
export type ModelUseCase = z.infer<typeof modelUseCaseSchema>;

export const modelRuleSchema = z
  .object({
    id: modelIdSchema,
    /** A full sentence: "A loan lasts one week." */
    text: textSchema.min(1),
    /** The entity the rule governs, when there is one. */
    entity: modelIdSchema.optional(),
    /** A number the rule states, with its unit: { value: 1, unit: "week" }. */
    quantity: z.object({ value: z.number().finite(), unit: z.string().max(40) }).strict().optional(),
    /** True once a person confirmed it in the Model tab. */
    confirmed: z.boolean().default(false),
    sources: sourcesSchema,
  })
  .strict();
export type ModelRule = z.infer<typeof modelRuleSchema>;

export const modelMetricSchema = z
  .object({
    id: modelIdSchema,
    /** What is measured: "Share of tools returned on time". Never a feature. */
    name: nameSchema,
    /** The target as stated: "above 90% within three months"; empty when none was given. */
    target: textSchema.default(''),
    sources: sourcesSchema,
  })
  .strict();
export type ModelMetric = z.infer<typeof modelMetricSchema>;

export const constraintCategories = ['platform', 'privacy', 'security', 'scale', 'performance', 'integration', 'compliance', 'budget', 'schedule', 'accessibility', 'other'] as const;
export const modelConstraintSchema = z
  .object({
    id: modelIdSchema,
    category: z.enum(constraintCategories),
    /** A full sentence: "The product is a mobile web app; there is no native app." */
    text: textSchema.min(1),
    sources: sourcesSchema,
  })
  .strict();
export type ModelConstraint = z.infer<typeof modelConstraintSchema>;

export const modelTermSchema = z.object({ term: nameSchema, definition: textSchema.min(1), sources: sourcesSchema }).strict();
export type ModelTerm = z.infer<typeof modelTermSchema>;

export const modelQuestionSchema = z
  .object({
    id: modelIdSchema,
    question: textSchema.min(1),
    /** The id of the item the question is about, when there is one. */
    about: modelIdSchema.optional(),
  })
  .strict();
export type ModelQuestion = z.infer<typeof modelQuestionSchema>;

export const projectModelSchema = z
  .object({
    /** Two or three sentences: what the product is, for whom, and why. */
    summary: textSchema.default(''),
    /** The problem it solves, for whom. */
    problem: textSchema.default(''),
    actors: z.array(modelActorSchema).max(20).default([]),
    entities: z.array(modelEntitySchema).max(40).default([]),
    relationships: z.array(modelRelationshipSchema).max(80).default([]),
    useCases: z.array(modelUseCaseSchema).max(60).default([]),
    rules: z.array(modelRuleSchema).max(40).default([]),
    /** Measures of success, never features. */
    metrics: z.array(modelMetricSchema).max(20).default([]),
    constraints: z.array(modelConstraintSchema).max(30).default([]),
    glossary: z.array(modelTermSchema).max(40).default([]),
    /** Only what is still unanswered. */
    openQuestions: z.array(modelQuestionSchema).max(20).default([]),
  })
  .strict();
export type ProjectModel = z.infer<typeof projectModelSchema>;

/** An empty model: what a project has before anything was understood. */
export function emptyProjectModel(): ProjectModel {
  return projectModelSchema.parse({});
}

// ---------------------------------------------------------------------------------------------------------------
// Corrections: what a person changes in the Model tab, one operation at a time, each a revision with a note.

const entityRef = (label: string) => modelIdSchema.describe(`the id of the ${label}`);
const attributeChanges = modelAttributeSchema.partial().strict();

/** The lists an item can be added to or removed from by a generic correction. */
export const modelListNames = ['actors', 'entities', 'relationships', 'useCases', 'rules', 'metrics', 'constraints', 'glossary', 'openQuestions'] as const;
export type ModelListName = (typeof modelListNames)[number];

export const modelCorrectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('rename-entity'), entityId: entityRef('entity'), name: nameSchema }).strict(),
    z
      .object({ kind: z.literal('merge-entities'), from: entityRef('entity merged away'), into: entityRef('entity kept') })
      .strict()
      .describe('every reference to `from` points to `into`; attributes and states are united; `from` is removed'),
    z
      .object({
        kind: z.literal('update-entity'),
        entityId: entityRef('entity'),
        name: nameSchema.optional(),
        description: textSchema.optional(),
        states: z.array(nameSchema).max(12).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('add-attribute'), entityId: entityRef('entity'), attribute: modelAttributeSchema }).strict(),
    z
      .object({ kind: z.literal('update-attribute'), entityId: entityRef('entity'), name: nameSchema.describe('the attribute as named now'), changes: attributeChanges })
      .strict(),
    z.object({ kind: z.literal('remove-attribute'), entityId: entityRef('entity'), name: nameSchema }).strict(),
    z
      .object({
        kind: z.literal('update-actor'),
        actorId: entityRef('actor'),
        name: nameSchema.optional(),
        actorKind: z.enum(actorKinds).optional().describe('person or system'),
        description: textSchema.optional(),
        needs: z.array(textSchema).max(12).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('add-actor'), actor: modelActorSchema.extend({ id: modelIdSchema.optional() }) }).strict(),
    z.object({ kind: z.literal('merge-actors'), from: entityRef('actor merged away'), into: entityRef('actor kept') }).strict(),
    z.object({ kind: z.literal('confirm-rule'), ruleId: entityRef('rule'), confirmed: z.boolean(), text: textSchema.min(1).optional() }).strict(),
    z
      .object({
        kind: z.literal('update-use-case'),
        useCaseId: entityRef('use case'),
        name: nameSchema.optional(),
        actor: modelIdSchema.optional(),
        action: nameSchema.optional(),
        entity: modelIdSchema.nullable().optional(),
        trigger: textSchema.optional(),
        outcome: textSchema.optional(),
        steps: z.array(modelStepSchema).max(12).optional(),
        priority: z.enum(priorities).optional(),
      })
      .strict(),
    z.object({ kind: z.literal('update-summary'), summary: textSchema.optional(), problem: textSchema.optional() }).strict(),
    z
      .object({
        kind: z.literal('add-item'),
        list: z.enum(modelListNames),
        item: z.record(z.string(), z.unknown()).describe("an item of the list's shape; an id is derived from its name when absent"),
      })
      .strict(),
    z
      .object({
        kind: z.literal('remove-item'),
        list: z.enum(modelListNames),
        id: z.string().min(1).max(300).describe('the item id; a glossary term; a relationship as "from>to"'),
        replaceWith: modelIdSchema.optional().describe('re-point references to this item (same list) instead of dropping them'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('answer-question'),
        questionId: entityRef('open question'),
        answer: textSchema.min(1),
        addAs: z.enum(['rule', 'constraint', 'none']).default('none').describe('also record the answer as a rule or a constraint'),
        category: z.enum(constraintCategories).optional().describe('the constraint category (default other)'),
      })
      .strict(),
  ],
  { error: 'Correction kind must be one of rename-entity, merge-entities, update-entity, add-attribute, update-attribute, remove-attribute, update-actor, add-actor, merge-actors, confirm-rule, update-use-case, update-summary, add-item, remove-item, answer-question' },
);
export type ModelCorrection = z.infer<typeof modelCorrectionSchema>;
export type ModelCorrectionInput = z.input<typeof modelCorrectionSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Request and response schemas of /projects/{projectId}/model.

const revBodySchema = (label: string) =>
  z.number(requiredAs(label, 'a number')).int(`${label} must be a whole number`).min(0, `${label} must be 0 or more`).max(2_147_483_647, `${label} is too large`);
const revNumberSchema = (label: string) =>
  z.coerce
    .number(`${label} must be a number`)
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be 1 or more`)
    .max(2_147_483_647, `${label} is too large`);
const noteSchema = z.string(requiredAs('Note', 'text')).trim().max(1000, atMost('Note', 1000));

export const projectModelParams = z.object({ projectId: z.string() });
export const projectModelRevisionParams = z.object({ projectId: z.string(), rev: revNumberSchema('Revision') });

export const storedProjectModelSchema = z.object({
  model: projectModelSchema,
  rev: z.number().int().describe('the current revision; send it back as baseRev with a change'),
  updatedAt: z.string(),
});
export type StoredProjectModel = z.infer<typeof storedProjectModelSchema>;

export const modelRevisionSummarySchema = z.object({
  rev: z.number().int(),
  note: z.string().nullable().describe('what changed: "Renamed entity Booking to Reservation", "Rebuilt from the idea and 3 answers"'),
  version: z.number().int().nullable().describe('the project version the model was built for'),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  generationId: z.string().nullable().describe('the AI call that built this revision'),
  restoredFrom: z.number().int().nullable(),
  createdAt: z.string(),
});
export type ModelRevisionSummary = z.infer<typeof modelRevisionSummarySchema>;
export const modelRevisionPageSchema = pageSchema(modelRevisionSummarySchema);
export const modelRevisionSchema = modelRevisionSummarySchema.extend({ model: projectModelSchema });
export type ModelRevision = z.infer<typeof modelRevisionSchema>;

export const listModelRevisionsQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();
export type ListModelRevisionsQuery = z.infer<typeof listModelRevisionsQuery>;

export const modelDiffQuery = z
  .object({
    from: revNumberSchema('From').optional().describe('default: the revision before `to`'),
    to: revNumberSchema('To').optional().describe('default: the latest revision'),
  })
  .strict();
export type ModelDiffQuery = z.infer<typeof modelDiffQuery>;
export const modelDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  unified: z.string().describe('unified diff of the two revisions rendered as Markdown (empty when they read the same)'),
  stats: z.object({ added: z.number().int(), removed: z.number().int() }).describe('lines added and removed'),
});
export type ModelDiff = z.infer<typeof modelDiffSchema>;

export const correctModelBody = z
  .object({
    baseRev: revBodySchema('Base revision').describe('the revision the correction was made on (0 before the project has a model); a stale one answers 409 with the current model'),
    correction: modelCorrectionSchema,
  })
  .strict();
export type CorrectModelBody = z.infer<typeof correctModelBody>;

export const replaceModelBody = z
  .object({
    baseRev: revBodySchema('Base revision').describe('the revision the edit started from (0 before the project has a model)'),
    model: projectModelSchema,
    note: noteSchema.optional().describe('what changed, shown in the history'),
  })
  .strict();
export type ReplaceModelBody = z.infer<typeof replaceModelBody>;

export const restoreModelBody = z.object({ baseRev: revBodySchema('Base revision').optional(), note: noteSchema.optional() }).strict();
export type RestoreModelBody = z.infer<typeof restoreModelBody>;

export const rebuildModelBody = z
  .object({ instructions: z.string(requiredAs('Instructions', 'text')).trim().max(4000, atMost('Instructions', 4000)).optional() })
  .strict();
export type RebuildModelBody = z.infer<typeof rebuildModelBody>;

/** A saved change: the model as it now is, and what the change was called in the history. */
export const savedProjectModelSchema = storedProjectModelSchema.extend({ note: z.string() });
export type SavedProjectModel = z.infer<typeof savedProjectModelSchema>;
