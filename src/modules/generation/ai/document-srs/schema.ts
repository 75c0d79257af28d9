import { z } from 'zod';
import { nfrCategories } from '../document-writer/index.js';

const priority = z.enum(['must', 'should', 'could']).describe('MoSCoW priority: must, should or could');
const origin = z
  .enum(['stated', 'derived', 'assumed'])
  .describe('stated: the inputs say it; derived: follows from what they say; assumed: a default to confirm');
const sourceIds = z.array(z.string().min(1)).max(10).describe('Ids of the input sections (or "idea", "answer-n") it comes from');
const term = z.object({ term: z.string().min(1), definition: z.string().min(1) });

export const documentSrsOutput = z
  .object({
    title: z.string().min(1).describe('The document title, naming the product'),
    introduction: z
      .object({
        purpose: z.string().min(1).describe('1.1 What this document specifies and for whom'),
        scope: z.string().min(1).describe('1.2 The product, what it does and does not do, its benefits'),
        definitions: z.array(term).max(30).describe('1.3 Definitions, acronyms and abbreviations used'),
        references: z.array(z.string().min(1)).max(20).describe('1.4 Documents this specification draws on'),
        overview: z.string().min(1).describe('1.5 How the rest of the document is organised'),
      })
      .describe('Section 1 Introduction'),
    overallDescription: z
      .object({
        productPerspective: z.string().min(1).describe('2.1 Where the product fits: new or part of a larger system, its context'),
        productFunctions: z.array(z.string().min(1)).min(1).max(20).describe('2.2 The major functions, one line each'),
        userClasses: z
          .array(
            z.object({
              name: z.string().min(1).describe('A user class, e.g. "Dog owners"'),
              description: z.string().min(1).describe('Who they are and what they do with the product'),
              characteristics: z.array(z.string().min(1)).max(8).describe('Frequency of use, expertise, needs'),
            }),
          )
          .min(1)
          .max(8)
          .describe('2.3 User classes and characteristics'),
        operatingEnvironment: z.array(z.string().min(1)).min(1).max(10).describe('2.4 Platforms, devices and software it runs in'),
        constraints: z.array(z.string().min(1)).min(1).max(12).describe('2.5 Design and implementation constraints'),
        assumptions: z.array(z.string().min(1)).min(1).max(12).describe('2.6 Assumptions'),
        dependencies: z.array(z.string().min(1)).max(12).describe('2.6 Dependencies on outside systems and services'),
      })
      .describe('Section 2 Overall description'),
    specificRequirements: z
      .object({
        externalInterfaces: z
          .array(
            z.object({
              kind: z.enum(['user', 'software', 'hardware', 'communications']).describe('The kind of interface'),
              description: z.string().min(1),
            }),
          )
          .min(1)
          .max(16)
          .describe('3.1 External interface requirements'),
        functional: z
          .array(
            z.object({
              id: z.string().regex(/^FR-\d+$/).describe('FR-1, FR-2 … in order'),
              title: z.string().min(1).describe('A short name of the function'),
              description: z.string().min(1).describe('"The system shall …"'),
              priority,
              origin,
              acceptanceCriteria: z.array(z.string().min(1)).min(1).max(6).describe('Testable conditions that show it is met'),
              sources: sourceIds,
            }),
          )
          .min(1)
          .max(60)
          .describe('3.2 Functional requirements, numbered'),
        nonFunctional: z
          .array(
            z.object({
              id: z.string().regex(/^NFR-\d+$/).describe('NFR-1, NFR-2 … in order'),
              category: z.enum(nfrCategories).describe('The quality it constrains'),
              description: z.string().min(1).describe('"The system shall …", measurable where possible'),
              measure: z.string().min(1).describe('How it is measured or verified'),
              priority,
              origin,
              sources: sourceIds,
            }),
          )
          .min(1)
          .max(40)
          .describe('3.3 Non-functional requirements, numbered'),
        dataRequirements: z
          .array(
            z.object({
              entity: z.string().min(1).describe('A thing the system keeps data about, singular'),
              description: z.string().min(1),
              attributes: z.array(z.string().min(1)).max(20).describe('What is kept about it'),
            }),
          )
          .max(20)
          .describe('3.4 Data requirements: entities and their attributes'),
      })
      .describe('Section 3 Specific requirements'),
    appendices: z
      .object({
        glossary: z.array(term).max(30).describe('Appendix A: the domain terms of the product'),
        openIssues: z.array(z.string().min(1)).max(20).describe('Appendix B: questions still open'),
      })
      .describe('Appendices'),
  })
  .describe('A software requirements specification following IEEE 830 / ISO/IEC/IEEE 29148');

export type DocumentSrs = z.infer<typeof documentSrsOutput>;
export type Functional = DocumentSrs['specificRequirements']['functional'][number];
export type NonFunctional = DocumentSrs['specificRequirements']['nonFunctional'][number];
