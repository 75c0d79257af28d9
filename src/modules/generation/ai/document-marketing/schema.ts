import { z } from 'zod';

export const documentMarketingOutput = z
  .object({
    title: z.string().min(1),
    positioning: z
      .object({
        statement: z.string().min(1).describe('For <target> who <need>, <product> is a <category> that <benefit>. Unlike <alternative>, it <difference>.'),
        category: z.string().min(1).describe('The market category it competes in'),
        alternatives: z.array(z.string().min(1)).max(6).describe('What the audience uses today instead'),
      })
      .describe('Positioning'),
    audienceSegments: z
      .array(
        z.object({
          name: z.string().min(1),
          description: z.string().min(1),
          needs: z.array(z.string().min(1)).max(6),
          whereToReach: z.array(z.string().min(1)).max(6).describe('Places and channels where this segment can be reached'),
        }),
      )
      .min(1)
      .max(6)
      .describe('Audience segments, the first the launch segment'),
    valueProposition: z
      .object({ headline: z.string().min(1), points: z.array(z.string().min(1)).min(1).max(6) })
      .describe('The value proposition: a headline and supporting points'),
    channels: z
      .array(z.object({ channel: z.string().min(1), why: z.string().min(1), tactics: z.array(z.string().min(1)).min(1).max(5) }))
      .min(1)
      .max(8)
      .describe('Marketing channels, most promising first'),
    launchPlan: z
      .array(z.object({ phase: z.string().min(1), timing: z.string().min(1), goal: z.string().min(1), activities: z.array(z.string().min(1)).min(1).max(6) }))
      .min(1)
      .max(6)
      .describe('Launch plan in phases'),
    messaging: z
      .array(z.object({ audience: z.string().min(1), message: z.string().min(1), proofPoints: z.array(z.string().min(1)).max(4) }))
      .min(1)
      .max(6)
      .describe('Key message per audience'),
    metrics: z.array(z.string().min(1)).min(1).max(8).describe('Marketing metrics to follow'),
  })
  .describe('A marketing and go-to-market plan');

export type DocumentMarketing = z.infer<typeof documentMarketingOutput>;
