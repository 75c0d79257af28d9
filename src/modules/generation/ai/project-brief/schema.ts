import { z } from 'zod';

export const projectBriefInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    idea: z.string().trim().min(1).max(20_000),
    answers: z
      .array(
        z
          .object({
            question: z.string().trim().min(1).max(1000),
            answer: z.string().trim().max(4000),
          })
          .strict(),
      )
      .max(10)
      .optional(),
  })
  .strict();

const priority = z.enum(['must', 'should', 'could']);

export const projectBriefOutput = z
  .object({
    title: z.string().min(1).describe('The project title'),
    summary: z.string().min(1).describe('Two to four sentences: what it is, for whom, and why'),
    problem: z.string().min(1).describe('The problem the project solves, and for whom'),
    goals: z.array(z.string().min(1)).min(1).max(8).describe('What the project must achieve, one short sentence each'),
    targetUsers: z
      .array(
        z.object({
          name: z.string().min(1).describe('A user group or role, e.g. "Dog owners"'),
          needs: z.array(z.string().min(1)).max(8).describe('What this group needs from the product'),
        }),
      )
      .min(1)
      .max(6)
      .describe('The groups of people the project serves'),
    features: z
      .array(
        z.object({
          name: z.string().min(1).describe('A short feature name, e.g. "Book a walk"'),
          description: z.string().min(1).describe('One or two sentences on what it does for whom'),
          priority: priority.describe('MoSCoW priority for a first release'),
        }),
      )
      .min(1)
      .max(12)
      .describe('The features of a first release, most important first'),
    risks: z
      .array(z.object({ risk: z.string().min(1), mitigation: z.string().min(1).describe('How to reduce the risk') }))
      .max(8)
      .describe('The main product, delivery and compliance risks'),
    successMetrics: z.array(z.string().min(1)).min(1).max(8).describe('Measurable signs that the project works'),
  })
  .describe('A project brief');

export type ProjectBriefInput = z.infer<typeof projectBriefInput>;
export type ProjectBrief = z.infer<typeof projectBriefOutput>;
