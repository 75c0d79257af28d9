import { z } from 'zod';

export const documentOverviewOutput = z
  .object({
    title: z.string().min(1).describe('The product name, as the document title'),
    tagline: z.string().min(1).describe('One line that says what it is and for whom'),
    summary: z.string().min(1).describe('Two to four sentences: what, for whom, why now'),
    problem: z.string().min(1).describe('The problem, in the users’ terms'),
    solution: z.string().min(1).describe('How the product solves it'),
    audience: z
      .array(z.object({ name: z.string().min(1), needs: z.array(z.string().min(1)).max(6) }))
      .min(1)
      .max(6)
      .describe('Who it is for and what each group needs'),
    keyFeatures: z
      .array(z.object({ name: z.string().min(1), description: z.string().min(1), priority: z.enum(['must', 'should', 'could']) }))
      .min(1)
      .max(12)
      .describe('The features of the first release, most important first'),
    goals: z.array(z.string().min(1)).min(1).max(8),
    differentiators: z.array(z.string().min(1)).max(6).describe('Why someone would choose it over today’s alternatives'),
    risks: z.array(z.object({ risk: z.string().min(1), mitigation: z.string().min(1) })).max(8),
    successMetrics: z.array(z.string().min(1)).min(1).max(8),
    nextSteps: z.array(z.string().min(1)).min(1).max(8).describe('What to do next, in order'),
  })
  .describe('A one-page overview of a product idea');

export type DocumentOverview = z.infer<typeof documentOverviewOutput>;
