import { z } from 'zod';

export const documentTechOutput = z
  .object({
    title: z.string().min(1),
    architecture: z
      .object({
        style: z.string().min(1).describe('e.g. "Modular monolith with a single-page web client"'),
        summary: z.string().min(1).describe('How the parts fit together'),
        rationale: z.string().min(1).describe('Why this style suits this product now'),
      })
      .describe('Architecture'),
    components: z
      .array(z.object({ name: z.string().min(1), responsibility: z.string().min(1), technology: z.string().min(1) }))
      .min(1)
      .max(15)
      .describe('The components and what each is responsible for'),
    dataModel: z
      .array(
        z.object({
          entity: z.string().min(1).describe('Singular, e.g. "Walk"'),
          attributes: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).min(1).max(25),
          relations: z.array(z.string().min(1)).max(8).describe('e.g. "belongs to one dog owner"'),
        }),
      )
      .min(1)
      .max(20)
      .describe('The data model'),
    integrations: z
      .array(z.object({ system: z.string().min(1), purpose: z.string().min(1), approach: z.string().min(1) }))
      .max(10)
      .describe('Outside systems and how to connect them'),
    security: z.array(z.string().min(1)).min(1).max(12).describe('Security and privacy measures'),
    scalability: z.array(z.string().min(1)).min(1).max(10).describe('How it grows with load, and the first bottlenecks'),
    stack: z
      .array(z.object({ layer: z.string().min(1), choice: z.string().min(1), reason: z.string().min(1) }))
      .min(1)
      .max(12)
      .describe('Suggested technology per layer, each with the reason'),
    risks: z.array(z.object({ risk: z.string().min(1), mitigation: z.string().min(1) })).max(8).describe('Technical risks'),
  })
  .describe('A technical design overview');

export type DocumentTech = z.infer<typeof documentTechOutput>;
