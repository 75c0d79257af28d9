import { z } from 'zod';

const prdPriority = z.enum(['P0', 'P1', 'P2']).describe('P0: needed for launch; P1: expected soon after; P2: nice to have');
const sourceIds = z.array(z.string().min(1)).max(10).describe('Ids of the input sections (or "idea", "answer-n") it comes from');

export const documentPrdOutput = z
  .object({
    title: z.string().min(1).describe('The document title, naming the product'),
    summary: z.string().min(1).describe('What the product is, for whom and why, in two to four sentences'),
    problem: z.string().min(1).describe('The problem it solves and for whom'),
    goals: z.array(z.string().min(1)).min(1).max(10).describe('What the release must achieve'),
    nonGoals: z.array(z.string().min(1)).min(1).max(10).describe('What it deliberately does not do'),
    personas: z
      .array(
        z.object({
          name: z.string().min(1).describe('The user group, e.g. "Dog owners"'),
          description: z.string().min(1),
          goals: z.array(z.string().min(1)).max(8),
          painPoints: z.array(z.string().min(1)).max(8),
        }),
      )
      .min(1)
      .max(6)
      .describe('The users the product serves'),
    userStories: z
      .array(
        z.object({
          id: z.string().regex(/^US-\d+$/).describe('US-1, US-2 … in order'),
          persona: z.string().min(1).describe('The persona, singular: "dog owner"'),
          want: z.string().min(1).describe('What they want to do, starting with a verb'),
          soThat: z.string().min(1).describe('Why: the benefit to them'),
          priority: prdPriority,
          acceptanceCriteria: z.array(z.string().min(1)).min(1).max(6).describe('Testable conditions, Given/When/Then where it helps'),
          sources: sourceIds,
        }),
      )
      .min(1)
      .max(30)
      .describe('User stories: As a … I want … so that …'),
    requirements: z
      .array(
        z.object({
          id: z.string().regex(/^R-\d+$/).describe('R-1, R-2 … in order'),
          description: z.string().min(1),
          kind: z.enum(['functional', 'non-functional']),
          priority: prdPriority,
          stories: z.array(z.string().regex(/^US-\d+$/)).max(10).describe('The user stories it serves'),
        }),
      )
      .min(1)
      .max(50)
      .describe('The requirement pool with priorities'),
    successMetrics: z
      .array(z.object({ metric: z.string().min(1), target: z.string().min(1).describe('The number to reach and by when') }))
      .min(1)
      .max(10)
      .describe('How success is measured'),
    openQuestions: z.array(z.string().min(1)).max(15).describe('What is still to be decided'),
  })
  .describe('A product requirements document');

export type DocumentPrd = z.infer<typeof documentPrdOutput>;
export type Story = DocumentPrd['userStories'][number];
export type PrdPriority = Story['priority'];
