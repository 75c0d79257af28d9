import { z } from 'zod';

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
