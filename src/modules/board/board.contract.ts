import { z } from 'zod';
import { atMost, isRequired, oneOf, requiredAs } from '../../shared/contract/messages.js';
import { cursorSchema, limitSchema, pageSchema } from '../../shared/contract/pagination.js';
import {
  contributionPhases,
  DEFAULT_MAX_ROUNDS,
  HARD_MAX_ROUNDS,
  MAX_PANEL,
  MIN_PANEL,
  MODERATOR_CODE,
  personaFamilies,
  sessionPhases,
  sessionStatuses,
  stopReasons,
  voteRules,
  type ContributionPhase,
  type PersonaFamily,
  type SessionPhase,
  type SessionStatus,
  type StopReason,
  type VoteRule,
} from '../../shared/board-kinds.js';

/**
 * Request and response schemas of the board (seed 001): /board/personas, /board/sessions and what hangs off a
 * session (events, pause, resume, kill, answers, panel, decision.md), /board/settings.
 */

export { contributionPhases, personaFamilies, sessionPhases, sessionStatuses, stopReasons, voteRules, MODERATOR_CODE };
export type { ContributionPhase, PersonaFamily, SessionPhase, SessionStatus, StopReason, VoteRule };

export { MIN_PANEL, MAX_PANEL, DEFAULT_MAX_ROUNDS, HARD_MAX_ROUNDS };

const id = (label: string) => z.uuid(`${label} must be a UUID`);
const text = (label: string, max: number) => z.string(requiredAs(label, 'text')).trim().min(1, isRequired(label)).max(max, atMost(label, max));
const timestamp = z.string();

export const personaFamilySchema = z.enum(personaFamilies, oneOf('Family', personaFamilies));
export const voteRuleSchema = z.enum(voteRules, oneOf('Vote rule', voteRules));
export const sessionStatusSchema = z.enum(sessionStatuses, oneOf('Status', sessionStatuses));
export const personaCodeSchema = z
  .string(requiredAs('Persona code', 'text'))
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'Persona code must be 2 to 50 lower-case letters, digits or underscores, starting with a letter')
  .refine((code) => code !== MODERATOR_CODE, `Persona code "${MODERATOR_CODE}" is reserved for the moderator`);

// ── Personas ────────────────────────────────────────────────────────────────────────────────────────────────────────
export const personaSchema = z.object({
  code: z.string(),
  name: z.string(),
  expertise: z.string(),
  systemPrompt: z.string(),
  family: personaFamilySchema,
  lens: z.string(),
  checks: z.array(z.string()),
  riskAppetite: z.number(),
  keywords: z.array(z.string()),
  /** null for the built-in personas, else the organization that added it. */
  organizationId: z.string().nullable(),
  createdAt: timestamp,
});
export type Persona = z.infer<typeof personaSchema>;
export const personaListSchema = z.object({ items: z.array(personaSchema) });

export const listPersonasQuery = z.object({ organizationId: id('Organization id').optional(), family: personaFamilySchema.optional() }).strict();

export const createPersonaBody = z
  .object({
    organizationId: id('Organization id'),
    code: personaCodeSchema,
    name: text('Name', 255),
    expertise: text('Expertise', 500),
    systemPrompt: text('System prompt', 20_000),
    family: personaFamilySchema,
    lens: text('Lens', 500),
    checks: z.array(text('Check', 200)).min(2, 'Checks must list at least 2 items').max(6, 'Checks must list at most 6 items'),
    riskAppetite: z.number(requiredAs('Risk appetite', 'a number')).min(-1, 'Risk appetite must be -1 or more').max(1, 'Risk appetite must be 1 or less').optional(),
    keywords: z.array(text('Keyword', 60)).max(30, 'Keywords must list at most 30 items').optional(),
  })
  .strict();
export type CreatePersonaBody = z.infer<typeof createPersonaBody>;

// ── The parts of a session ──────────────────────────────────────────────────────────────────────────────────────────
export const subQuestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** The disciplines that can answer it: what the panel is chosen to cover. */
  families: z.array(personaFamilySchema),
});
export type SubQuestion = z.infer<typeof subQuestionSchema>;

export const deliberationOptionSchema = z.object({
  /** "A", "B", …: how personas and votes refer to it. */
  id: z.string(),
  label: z.string(),
  description: z.string(),
  /** The persona that proposed it during the rounds; null for options read from the problem. */
  proposedBy: z.string().nullable(),
});
export type DeliberationOption = z.infer<typeof deliberationOptionSchema>;

export const clarificationSchema = z.object({
  id: z.string(),
  question: z.string(),
  /** Why the answer is decisive. */
  why: z.string(),
  answer: z.string().nullable(),
  skipped: z.boolean(),
});
export type Clarification = z.infer<typeof clarificationSchema>;

export const panelSeatSchema = z.object({
  code: z.string(),
  name: z.string(),
  family: personaFamilySchema,
  expertise: z.string(),
  /** Why this persona was seated: the sub-questions it covers. */
  reason: z.string(),
  /** The model it runs on (the organization's board settings). */
  model: z.string(),
});
export type PanelSeat = z.infer<typeof panelSeatSchema>;

export const contributionSchema = z.object({
  id: z.number(),
  personaCode: z.string(),
  personaName: z.string(),
  content: z.string(),
  roundNumber: z.number(),
  phase: z.enum(contributionPhases),
  claim: z.string(),
  evidence: z.array(z.string()),
  assumptions: z.array(z.string()),
  confidence: z.number().nullable(),
  position: z.string().nullable(),
  positionChanged: z.boolean(),
  changeReason: z.string().nullable(),
  /** Set when this was a near-duplicate of an earlier contribution: kept for its cost, left out of the debate. */
  duplicateOf: z.number().nullable(),
  cost: z.number(),
  tokens: z.number(),
  model: z.string(),
  generationId: z.string().nullable(),
  createdAt: timestamp,
});
export type Contribution = z.infer<typeof contributionSchema>;

export const voteSchema = z.object({
  personaCode: z.string(),
  personaName: z.string(),
  voteChoice: z.string(),
  reasoning: z.string(),
  confidence: z.number().nullable(),
  /** Every option, best first. */
  ranking: z.array(z.string()),
  approved: z.array(z.string()),
  /** Read from the persona's last position because the budget ran out before it could vote. */
  derived: z.boolean(),
  cost: z.number(),
  tokens: z.number(),
  model: z.string(),
  createdAt: timestamp,
});
export type Vote = z.infer<typeof voteSchema>;

export const tallySchema = z.object({
  rule: voteRuleSchema,
  /** Options best first, with their points under the rule and how many ballots ranked them first. */
  scores: z.array(z.object({ optionId: z.string(), label: z.string(), points: z.number(), firstChoices: z.number() })),
  /** null when nobody voted. */
  winner: z.string().nullable(),
  /** Options tied with the winner on points, broken by first choices, then by option order. */
  tiedWith: z.array(z.string()),
  ballots: z.number(),
  /** Ballot entries not counted because a persona ranked an option it proposed itself. */
  selfVotesExcluded: z.number(),
});
export type Tally = z.infer<typeof tallySchema>;

export const baselinesSchema = z.object({
  /** One model asked the same question once, without the panel. */
  singleModel: z.object({ optionId: z.string(), label: z.string(), reasoning: z.string(), model: z.string() }).nullable(),
  /** The plurality of the blind first round. */
  roundOneMajority: z.object({ optionId: z.string(), label: z.string(), counts: z.record(z.string(), z.number()) }).nullable(),
});
export type Baselines = z.infer<typeof baselinesSchema>;

export const boardDecisionSchema = z.object({
  recommendation: z.object({ optionId: z.string().nullable(), label: z.string(), summary: z.string() }),
  tally: tallySchema,
  /** The strongest dissent: the best-argued case for an option other than the winner. */
  minorityReport: z
    .object({ personaCode: z.string(), personaName: z.string(), optionId: z.string(), label: z.string(), argument: z.string() })
    .nullable(),
  assumptions: z.array(z.string()),
  baselines: baselinesSchema,
  /** What the deliberation changed against the baselines, and who moved and why. */
  changes: z.object({
    summary: z.string(),
    positionChanges: z.array(z.object({ personaCode: z.string(), personaName: z.string(), from: z.string(), to: z.string(), because: z.string() })),
  }),
  stopReason: z.enum(stopReasons).nullable(),
  rounds: z.number(),
  /** True when the cost or token cap ended the session early. */
  budgetReached: z.boolean(),
});
export type BoardDecision = z.infer<typeof boardDecisionSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  projectId: z.string().nullable(),
  userId: z.string(),
  problemStatement: z.string(),
  status: sessionStatusSchema,
  phase: z.enum(sessionPhases),
  roundNumber: z.number(),
  maxRounds: z.number(),
  /** Seed 001's totals: the sums of the contributions' cost and tokens. */
  totalCost: z.number(),
  totalTokens: z.number(),
  /** What every call of the session cost (contributions, framing, votes, baseline, synthesis): what the caps limit. */
  spentUsd: z.number(),
  spentTokens: z.number(),
  budgetUsd: z.number(),
  tokenCap: z.number().nullable(),
  voteRule: voteRuleSchema,
  stopReason: z.enum(stopReasons).nullable(),
  /** The winning option's label once decided. */
  recommendation: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
  killedAt: timestamp.nullable(),
  killedBy: z.string().nullable(),
  killReason: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export const sessionPageSchema = pageSchema(sessionSummarySchema);

export const sessionDetailSchema = sessionSummarySchema.extend({
  problemContext: z.record(z.string(), z.unknown()).nullable(),
  subQuestions: z.array(subQuestionSchema),
  options: z.array(deliberationOptionSchema),
  clarifications: z.array(clarificationSchema),
  panel: z.array(panelSeatSchema),
  decision: boardDecisionSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  jobId: z.string().nullable(),
  lastEventSeq: z.number(),
  contributions: z.array(contributionSchema),
  votes: z.array(voteSchema),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

/** One numbered change of a session, as the SSE stream sends it (the SSE id is `seq`). */
export const sessionEventSchema = z.object({ seq: z.number(), type: z.string(), data: z.record(z.string(), z.unknown()), createdAt: timestamp });
export type SessionEvent = z.infer<typeof sessionEventSchema>;

// ── Requests ────────────────────────────────────────────────────────────────────────────────────────────────────────
/** Path ids stay plain strings: a malformed one is the same 404 as a missing one (the services check the shape). */
export const sessionParams = z.object({ id: z.string() }).strict();

export const listSessionsQuery = z
  .object({
    organizationId: id('Organization id').optional(),
    projectId: id('Project id').optional(),
    status: sessionStatusSchema.optional(),
    cursor: cursorSchema,
    limit: limitSchema,
  })
  .strict();
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;

const budgetSchema = z
  .number(requiredAs('Budget', 'a number in US dollars'))
  .min(0, 'Budget must be 0 or more')
  .max(1000, 'Budget must be at most 1000 US dollars');
const tokenCapSchema = z.number(requiredAs('Token cap', 'a whole number')).int('Token cap must be a whole number').min(1, 'Token cap must be at least 1').max(100_000_000);
const maxRoundsSchema = z
  .number(requiredAs('Max rounds', 'a whole number'))
  .int('Max rounds must be a whole number')
  .min(1, 'Max rounds must be at least 1')
  .max(HARD_MAX_ROUNDS, `Max rounds must be at most ${HARD_MAX_ROUNDS}`);
const panelCodesSchema = z
  .array(personaCodeSchema)
  .min(MIN_PANEL, `Persona codes must list at least ${MIN_PANEL} personas`)
  .max(MAX_PANEL, `Persona codes must list at most ${MAX_PANEL} personas`)
  .refine((codes) => new Set(codes).size === codes.length, 'Persona codes must not repeat a persona');

export const createSessionBody = z
  .object({
    problemStatement: text('Problem statement', 4000),
    /** Free-form facts the panel should know (figures, constraints, earlier decisions). */
    problemContext: z.record(z.string(), z.unknown()).optional(),
    projectId: id('Project id').optional(),
    /** Without a project: the organization the session belongs to (default: your personal organization). */
    organizationId: id('Organization id').optional(),
    /** Seat these personas instead of the ones the board would choose. */
    personaCodes: panelCodesSchema.optional(),
    maxRounds: maxRoundsSchema.optional(),
    budgetUsd: budgetSchema.optional(),
    tokenCap: tokenCapSchema.optional(),
    voteRule: voteRuleSchema.optional(),
  })
  .strict();
export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const answersBody = z.union([
  z
    .object({
      answers: z
        .array(z.object({ id: text('Question id', 40), answer: text('Answer', 4000) }).strict())
        .min(1, 'Answers must hold at least one answer')
        .max(10, 'Answers must hold at most 10 answers'),
    })
    .strict(),
  z.object({ skip: z.literal(true, 'Skip must be true') }).strict(),
]);
export type AnswersBody = z.infer<typeof answersBody>;

export const killBody = z.object({ reason: text('Reason', 500).optional() }).strict();
export type KillBody = z.infer<typeof killBody>;

export const killAllBody = z.object({ organizationId: id('Organization id'), reason: text('Reason', 500).optional() }).strict();
export type KillAllBody = z.infer<typeof killAllBody>;
export const killAllResultSchema = z.object({ killed: z.array(z.string()) });

export const panelBody = z.object({ personaCodes: panelCodesSchema }).strict();
export type PanelBody = z.infer<typeof panelBody>;

export const saveDecisionResultSchema = z.object({ documentId: z.string(), projectId: z.string(), title: z.string() });

// ── Settings ────────────────────────────────────────────────────────────────────────────────────────────────────────
export const boardSettingsSchema = z.object({
  organizationId: z.string(),
  defaultBudgetUsd: z.number(),
  defaultTokenCap: z.number().nullable(),
  defaultMaxRounds: z.number(),
  voteRule: voteRuleSchema,
  /** Which model a persona runs on ("*" for every persona not named); the organization's model otherwise. */
  personaModels: z.record(z.string(), z.string()),
});
export type BoardSettings = z.infer<typeof boardSettingsSchema>;
export const organizationParams = z.object({ organizationId: z.string() }).strict();
export const updateBoardSettingsBody = z
  .object({
    defaultBudgetUsd: budgetSchema.optional(),
    defaultTokenCap: tokenCapSchema.nullable().optional(),
    defaultMaxRounds: maxRoundsSchema.optional(),
    voteRule: voteRuleSchema.optional(),
    personaModels: z
      .record(z.union([personaCodeSchema, z.literal('*')]), text('Model', 200))
      .refine((models) => Object.keys(models).length <= 60, 'Persona models must name at most 60 personas')
      .optional(),
  })
  .strict();
export type UpdateBoardSettingsBody = z.infer<typeof updateBoardSettingsBody>;
