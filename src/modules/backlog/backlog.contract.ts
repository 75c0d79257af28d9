import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import {
  sprintStatuses,
  storyPriorities,
  storyRelationKinds,
  storyStatuses,
  type SprintStatus,
  type StoryPriority,
  type StoryRelationKind,
  type StoryStatus,
} from '../../shared/backlog-kinds.js';

/**
 * Request and response schemas of the backlog: /projects/{projectId}/epics, /stories, /sprints, /velocity and /tasks.
 * Seed 004's priorities and statuses, no more (docs/decisions/013-backlog.md).
 */

export { storyStatuses, storyPriorities, sprintStatuses, storyRelationKinds };
export type { StoryStatus, StoryPriority, SprintStatus, StoryRelationKind };
export const epicStatuses = storyStatuses;
/** The fields a story's activity records (besides `created` and `deleted`). */
export const storyActivityFields = ['created', 'deleted', 'status', 'story_points', 'sprint_id', 'assignee_id', 'epic_id', 'priority', 'title'] as const;
export type StoryActivityField = (typeof storyActivityFields)[number];
export const taskActions = ['complete', 'reopen'] as const;

export const storyStatusSchema = z.enum(storyStatuses, oneOf('Status', storyStatuses));
export const storyPrioritySchema = z.enum(storyPriorities, oneOf('Priority', storyPriorities));
export const epicStatusSchema = z.enum(epicStatuses, oneOf('Status', epicStatuses));
export const sprintStatusSchema = z.enum(sprintStatuses, oneOf('Status', sprintStatuses));
export const storyRelationKindSchema = z.enum(storyRelationKinds, oneOf('Kind', storyRelationKinds));

const id = (label: string) => z.uuid(`${label} must be a UUID`);
const titleSchema = z.string(requiredAs('Title', 'text')).trim().min(1, isRequired('Title')).max(255, atMost('Title', 255));
const longText = (label: string) => z.string(requiredAs(label, 'text')).max(100_000, atMost(label, 100000));
const pointsSchema = z
  .number(requiredAs('Story points', 'a number'))
  .int('Story points must be a whole number')
  .min(0, 'Story points must be 0 or more')
  .max(100, 'Story points must be at most 100');
/** A calendar date, YYYY-MM-DD. */
const dateSchema = (label: string) =>
  z.iso.date(`${label} must be a date as YYYY-MM-DD`).refine((value) => !value.startsWith('0000'), `${label} must be in year 1 or later`);
const revSchema = z.number(requiredAs('Base revision', 'a number')).int('Base revision must be a whole number').min(1, 'Base revision must be 1 or more');

// ── Epics ───────────────────────────────────────────────────────────────────────────────────────────────────────────
export const createEpicBody = z
  .object({
    title: titleSchema,
    description: longText('Description').optional(),
    status: epicStatusSchema.optional(),
    ownerId: id('Owner id').nullable().optional(),
    targetDate: dateSchema('Target date').nullable().optional(),
  })
  .strict();
export type CreateEpicBody = z.infer<typeof createEpicBody>;
export const updateEpicBody = createEpicBody.partial().strict();
export type UpdateEpicBody = z.infer<typeof updateEpicBody>;

export const epicSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  key: z.string().describe('<PROJECT KEY>-E<number>, e.g. MBA-E2'),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  status: epicStatusSchema,
  ownerId: z.string().nullable(),
  targetDate: z.string().nullable(),
  rank: z.string(),
  creatorId: z.string().nullable(),
  progress: z
    .object({ stories: z.number().int(), done: z.number().int(), points: z.number().int(), donePoints: z.number().int() })
    .describe('the epic’s stories: how many, how many done, and their points'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Epic = z.infer<typeof epicSchema>;
export const epicPageSchema = pageSchema(epicSchema);

// ── Stories ─────────────────────────────────────────────────────────────────────────────────────────────────────────
const storyFields = {
  title: titleSchema,
  description: longText('Description').optional(),
  acceptanceCriteria: longText('Acceptance criteria').optional().describe('Given/When/Then lines, Markdown'),
  storyPoints: pointsSchema.nullable().optional(),
  priority: storyPrioritySchema.optional(),
  status: storyStatusSchema.optional(),
  assigneeId: id('Assignee id').nullable().optional().describe('a member of the project’s organization'),
  epicId: id('Epic id').nullable().optional(),
  sprintId: id('Sprint id').nullable().optional().describe('null: the backlog'),
};
export const createStoryBody = z.object(storyFields).strict();
export type CreateStoryBody = z.infer<typeof createStoryBody>;

export const updateStoryBody = z
  .object({
    ...storyFields,
    title: titleSchema.optional(),
    baseRev: revSchema.optional().describe('the revision the edit started from; a stale one answers 409 with the current story'),
    updatedAt: z.iso.datetime({ offset: true, error: 'Updated at must be an ISO date-time' }).optional().describe('alternative to baseRev'),
  })
  .strict();
export type UpdateStoryBody = z.infer<typeof updateStoryBody>;

export const listStoriesQuery = z
  .object({
    status: storyStatusSchema.optional(),
    sprintId: z.union([id('Sprint id'), z.literal('backlog')], { error: 'Sprint id must be a UUID or "backlog"' }).optional(),
    epicId: id('Epic id').optional(),
    assigneeId: id('Assignee id').optional(),
    priority: storyPrioritySchema.optional(),
    q: z.string().max(200, atMost('Search', 200)).optional().describe('words in the title, description or key'),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export type ListStoriesQuery = z.infer<typeof listStoriesQuery>;

export const storySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  key: z.string().describe('<PROJECT KEY>-<number>, e.g. MBA-12'),
  number: z.number().int(),
  epicId: z.string().nullable(),
  sprintId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  acceptanceCriteria: z.string(),
  storyPoints: z.number().int().nullable(),
  priority: storyPrioritySchema,
  status: storyStatusSchema,
  assigneeId: z.string().nullable(),
  creatorId: z.string().nullable(),
  rank: z.string(),
  rev: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof storySchema>;
export const storyPageSchema = pageSchema(storySchema);

export const moveStoryBody = z
  .object({
    status: storyStatusSchema.optional().describe('the board column the story lands in'),
    afterId: id('After id').nullable().optional().describe('the story it lands below; null: the top'),
    beforeId: id('Before id').nullable().optional().describe('the story it lands above; null: the bottom'),
    sprintId: z.union([id('Sprint id'), z.null()]).optional().describe('null: the backlog'),
  })
  .strict();
export type MoveStoryBody = z.infer<typeof moveStoryBody>;

export const bulkEditBody = z
  .object({
    storyIds: z.array(id('Story id'), requiredAs('Story ids', 'a list')).min(1, 'Choose at least one story').max(500, 'At most 500 stories at once'),
    set: z
      .object({
        status: storyStatusSchema.optional(),
        priority: storyPrioritySchema.optional(),
        storyPoints: pointsSchema.nullable().optional(),
        assigneeId: id('Assignee id').nullable().optional(),
        epicId: id('Epic id').nullable().optional(),
        sprintId: id('Sprint id').nullable().optional(),
      })
      .strict(),
    delete: z.boolean().optional().describe('delete the stories instead of editing them'),
  })
  .strict();
export type BulkEditBody = z.infer<typeof bulkEditBody>;
export const bulkEditResultSchema = z.object({ updated: z.number().int(), deleted: z.number().int() });

export const storyActivitySchema = z.object({
  id: z.string(),
  storyId: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  field: z.enum(storyActivityFields),
  from: z.unknown(),
  to: z.unknown(),
  createdAt: z.string(),
});
export type StoryActivity = z.infer<typeof storyActivitySchema>;
export const storyActivityPageSchema = pageSchema(storyActivitySchema);

export const createRelationBody = z.object({ relatedStoryId: id('Related story id'), kind: storyRelationKindSchema }).strict();
export const storyRelationSchema = z.object({
  storyId: z.string(),
  relatedStoryId: z.string(),
  relatedKey: z.string(),
  relatedTitle: z.string(),
  kind: storyRelationKindSchema,
  direction: z.enum(['outward', 'inward']).describe('outward: this story blocks/relates to/duplicates the other'),
});

// ── Sprints ─────────────────────────────────────────────────────────────────────────────────────────────────────────
export const createSprintBody = z
  .object({
    name: z.string(requiredAs('Name', 'text')).trim().min(1, isRequired('Name')).max(255, atMost('Name', 255)),
    goal: z.string(requiredAs('Goal', 'text')).max(10_000, atMost('Goal', 10000)).optional(),
    startDate: dateSchema('Start date').nullable().optional(),
    endDate: dateSchema('End date').nullable().optional(),
  })
  .strict();
export type CreateSprintBody = z.infer<typeof createSprintBody>;
export const updateSprintBody = createSprintBody.partial().strict();

export const startSprintBody = z
  .object({ startDate: dateSchema('Start date').optional(), endDate: dateSchema('End date').optional() })
  .strict()
  .describe('dates default to the sprint’s own, then to today and two weeks from today');

export const completeSprintBody = z
  .object({
    moveUnfinishedTo: z
      .union([z.literal('backlog'), z.literal('next'), id('Sprint id')], { error: 'Move unfinished to must be "backlog", "next" or a sprint id' })
      .describe('"next": the next planned sprint, created when there is none'),
  })
  .strict();
export type CompleteSprintBody = z.infer<typeof completeSprintBody>;

export const sprintSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  goal: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: sprintStatusSchema,
  velocity: z.number().int().nullable().describe('points done, recorded when the sprint was completed'),
  committedPoints: z.number().int().nullable().describe('points in the sprint when it was started'),
  scope: z.object({ stories: z.number().int(), points: z.number().int(), donePoints: z.number().int() }),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Sprint = z.infer<typeof sprintSchema>;
export const sprintPageSchema = pageSchema(sprintSchema);

export const burndownSchema = z.object({
  sprintId: z.string(),
  startScope: z.number().int().describe('points in the sprint when it started: where the ideal line begins'),
  startDate: z.string(),
  endDate: z.string(),
  days: z.array(
    z.object({
      date: z.string().describe('YYYY-MM-DD, UTC'),
      remainingPoints: z.number().int().nullable().describe('points of the sprint’s stories not done at the end of the day; null for days still to come'),
      remainingCount: z.number().int().nullable(),
      scopePoints: z.number().int().nullable().describe('points in the sprint at the end of the day (the scope line); null for days still to come'),
      idealPoints: z.number().describe('the straight line from the starting scope to zero'),
    }),
  ),
});
export type Burndown = z.infer<typeof burndownSchema>;

export const velocityQuery = z
  .object({ last: z.coerce.number('Last must be a number').int('Last must be a whole number').min(1, 'Last must be at least 1').max(50, 'Last must be at most 50').default(6) })
  .strict();
export const velocitySchema = z.object({
  sprints: z.array(z.object({ sprintId: z.string(), name: z.string(), committed: z.number().int(), completed: z.number().int(), completedAt: z.string() })),
  average: z.number().describe('rolling average of completed points over the sprints listed'),
});
export type Velocity = z.infer<typeof velocitySchema>;

// ── Tasks (seed 003) ────────────────────────────────────────────────────────────────────────────────────────────────
export const createTaskBody = z
  .object({
    title: z.string(requiredAs('Title', 'text')).trim().min(1, isRequired('Title')).max(500, atMost('Title', 500)),
    description: longText('Description').optional(),
    phase: z.number(requiredAs('Phase', 'a number')).int('Phase must be a whole number').min(1, 'Phase must be 1 or more').max(100, 'Phase must be at most 100').optional(),
    storyId: id('Story id').nullable().optional(),
  })
  .strict();
export type CreateTaskBody = z.infer<typeof createTaskBody>;
export const updateTaskBody = createTaskBody.partial().strict();
export const listTasksQuery = z
  .object({
    phase: z.coerce.number('Phase must be a number').int('Phase must be a whole number').min(1, 'Phase must be 1 or more').max(100, 'Phase must be at most 100').optional(),
    storyId: id('Story id').optional(),
    limit: limitSchema,
    cursor: cursorSchema,
  })
  .strict();
export const taskSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  storyId: z.string().nullable(),
  phase: z.number().int(),
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  creatorId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;
export const taskPageSchema = pageSchema(taskSchema);
export const taskParams = z.object({ projectId: z.string(), taskId: z.string() });

export const taskActivitySchema = z.object({
  id: z.string(),
  taskId: z.string(),
  action: z.enum(taskActions),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: z.string(),
});
export type TaskActivity = z.infer<typeof taskActivitySchema>;
export const taskActivityPageSchema = pageSchema(taskActivitySchema);
export const listTaskActivityQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();

export const tasksFromPlanBody = z.object({ documentId: id('Document id').describe('a delivery plan (a document of type tasks)') }).strict();
export const tasksFromPlanResultSchema = z.object({
  documentId: z.string(),
  created: z.number().int().describe('plan tasks added as new rows'),
  kept: z.number().int().describe('plan tasks whose title the project already has a task for'),
  removed: z.number().int().describe('untouched tasks of an earlier plan that the new plan no longer has'),
});
export type TasksFromPlanResult = z.infer<typeof tasksFromPlanResultSchema>;

// ── Import and export ───────────────────────────────────────────────────────────────────────────────────────────────
export const importReportSchema = z.object({
  imported: z.number().int(),
  refused: z.array(z.object({ row: z.number().int().describe('1-based, the header is row 0'), reason: z.string() })),
  createdEpics: z.number().int(),
  createdSprints: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
export const importStoriesBody = z
  .union([
    z.string().describe('the CSV itself, sent as text/csv'),
    z.object({ csv: z.string(requiredAs('CSV', 'text')).describe('the CSV as text') }).strict(),
  ], { error: 'Send the CSV as a text/csv body or as JSON {"csv": "…"}' })
  .describe('a Jira or Linear CSV export, or one of ours: Summary/Title, Description, Acceptance Criteria, Status, Priority, Story Points/Estimate, Epic/Epic Link/Parent summary/Project, Sprint/Cycle, Assignee (email)');

// ── AI ──────────────────────────────────────────────────────────────────────────────────────────────────────────────
export const generateStoriesBody = z
  .object({
    from: z.union([id('From'), z.literal('model')], { error: 'From must be a document id or "model"' }).describe('a PRD or SRS document id, or "model" for the project model'),
    instructions: z.string().max(2000, atMost('Instructions', 2000)).optional(),
  })
  .strict();
export type GenerateStoriesBody = z.infer<typeof generateStoriesBody>;

export const storyProposalSchema = z.object({
  proposalId: z.string(),
  epic: z.object({ title: z.string(), description: z.string() }),
  title: z.string(),
  description: z.string(),
  acceptanceCriteria: z.array(z.string()).describe('Given/When/Then lines'),
  priority: storyPrioritySchema,
  storyPoints: z.number().int().nullable(),
  invest: z.array(z.object({ criterion: z.enum(['independent', 'negotiable', 'valuable', 'estimable', 'small', 'testable']), ok: z.boolean(), note: z.string() })),
  source: z.string().describe('where in the document or model the story came from'),
});
export type StoryProposal = z.infer<typeof storyProposalSchema>;

export const acceptProposalsBody = z
  .object({
    jobId: id('Job id'),
    proposalIds: z.array(z.string().max(100), requiredAs('Proposal ids', 'a list')).min(1, 'Choose at least one proposal').max(500, 'At most 500 proposals'),
    edits: z
      .record(z.string().max(100), z.object({ title: titleSchema.optional(), description: longText('Description').optional(), acceptanceCriteria: z.array(z.string().max(2000)).max(50).optional(), priority: storyPrioritySchema.optional(), storyPoints: pointsSchema.nullable().optional() }).strict())
      .optional()
      .describe('per proposal id, fields that replace the proposal’s'),
  })
  .strict();
export type AcceptProposalsBody = z.infer<typeof acceptProposalsBody>;
export const acceptProposalsResultSchema = z.object({
  stories: z.array(storySchema).describe('the stories created, in the order of the proposals'),
  epics: z
    .array(z.object({ id: z.string(), key: z.string(), title: z.string(), created: z.boolean().describe('false: an existing epic of the same title') }))
    .describe('the epics the stories were filed under'),
  rejected: z.number().int().describe('proposals of the job that were not accepted'),
});
export type AcceptProposalsResult = z.infer<typeof acceptProposalsResultSchema>;

export const estimateBody = z.object({ title: titleSchema, description: longText('Description').optional() }).strict();
export const estimateSchema = z.object({
  storyPoints: z.number().int().nullable().describe('null when no finished story is similar enough'),
  comparedTo: z.array(z.object({ storyId: z.string(), key: z.string(), title: z.string(), storyPoints: z.number().int(), similarity: z.number() })),
  explanation: z.string(),
});

export const similarStoriesQuery = z
  .object({ title: z.string().max(255, atMost('Title', 255)), description: z.string().max(5000, atMost('Description', 5000)).optional(), excludeId: id('Exclude id').optional() })
  .strict();
export const similarStoriesSchema = z.object({
  items: z.array(z.object({ storyId: z.string(), key: z.string(), title: z.string(), status: storyStatusSchema, similarity: z.number() })),
  threshold: z.number(),
});

export const planSprintBody = z
  .object({ capacity: pointsSchema.max(1000, 'Capacity must be at most 1000').optional().describe('points; default: the rolling velocity') })
  .strict();
export const sprintPlanSchema = z.object({
  capacity: z.number().int(),
  velocity: z.number().describe('rolling average of the last completed sprints (0 when there is none)'),
  committed: z.number().int().describe('points of the stories already in the sprint: the suggestion fills what is left'),
  stories: z.array(storySchema).describe('backlog stories suggested, in rank order'),
  points: z.number().int().describe('points of the suggested stories'),
  skipped: z.array(z.object({ storyId: z.string(), key: z.string(), reason: z.string() })).describe('backlog stories passed over, e.g. unestimated or too big for what is left'),
});

// ── Path parameters and list queries ────────────────────────────────────────────────────────────────────────────────
export const projectBacklogParams = z.object({ projectId: z.string() });
export const storyParams = z.object({ projectId: z.string(), storyId: z.string() });
export const epicParams = z.object({ projectId: z.string(), epicId: z.string() });
export const sprintParams = z.object({ projectId: z.string(), sprintId: z.string() });
export const storyRelationParams = z.object({ projectId: z.string(), storyId: z.string(), kind: z.string(), relatedStoryId: z.string() });

export const listEpicsQuery = z.object({ status: epicStatusSchema.optional(), limit: limitSchema, cursor: cursorSchema }).strict();
export type ListEpicsQuery = z.infer<typeof listEpicsQuery>;
export const listSprintsQuery = z.object({ status: sprintStatusSchema.optional(), limit: limitSchema, cursor: cursorSchema }).strict();
export type ListSprintsQuery = z.infer<typeof listSprintsQuery>;
export const listActivityQuery = z.object({ limit: limitSchema, cursor: cursorSchema }).strict();
export type ListActivityQuery = z.infer<typeof listActivityQuery>;
export type CreateRelationBody = z.infer<typeof createRelationBody>;
export type StoryRelation = z.infer<typeof storyRelationSchema>;
export const storyRelationListSchema = z.object({ items: z.array(storyRelationSchema) });
export type UpdateSprintBody = z.infer<typeof updateSprintBody>;
export type StartSprintBody = z.infer<typeof startSprintBody>;
export type VelocityQuery = z.infer<typeof velocityQuery>;
export const completeSprintResultSchema = z.object({
  sprint: sprintSchema,
  movedTo: sprintSchema.nullable().describe('the sprint the unfinished stories went to; null: the backlog'),
  moved: z.number().int().describe('how many unfinished stories were moved'),
});
export type CompleteSprintResult = z.infer<typeof completeSprintResultSchema>;
