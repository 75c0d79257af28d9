import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import { jobActor } from '../../core/audit.js';
import { withUser } from '../../core/db/tenancy.js';
import { defineJobHandler, JobFailure, type JobHandler } from '../../core/jobs/index.js';
import { ensureProjectModel } from '../project-model/index.js';
import { diagramKindLabel, generateDiagramTask, type GeneratedDiagram, type GenerateDiagramInput } from './ai/generate-diagram/index.js';
import { diagramTypes } from './diagrams.schema.js';
import { createDiagram, refusalPlace } from './diagrams.service.js';
import { GENERATE_DIAGRAM_JOB, loadDiagramSource } from './diagram-generation.service.js';
import { validateDiagram } from './diagram-kind-check.js';
import type { MermaidValidation } from './mermaid-validator.js';

const payloadSchema = z
  .object({ type: z.enum(diagramTypes), from: z.string().uuid().optional(), instructions: z.string().max(4000).optional(), focus: z.string().max(200).optional() })
  .strict();
type Payload = z.infer<typeof payloadSchema>;

/** Parser errors fed back to the model before the job gives up. */
export const MAX_DIAGRAM_REPAIRS = 2;

/** Models like to wrap code in a Markdown fence even when told not to. */
export function stripFence(code: string): string {
  const fenced = /^\s*```[a-z]*[^\n]*\n([\s\S]*?)\n?```\s*$/i.exec(code);
  return (fenced ? fenced[1]! : code).trim();
}

function describeError(validation: Extract<MermaidValidation, { ok: false }>): string {
  const place = refusalPlace(validation);
  return `${place !== null ? `${place}: ` : ''}${validation.message}`;
}

/**
 * diagrams.generate: loads the project model (building and saving one first when the project has none) and the
 * source document (a named document, else the latest SRS, PRD or overview, else the project description), asks the
 * model for Mermaid drawn from them, and checks it with Mermaid's parser. A parse error goes back to the model
 * with its code, at most twice; after that the job fails with the parser's message and keeps the last attempt in its
 * result. A diagram that parses is saved once, in the job's commit.
 */
export function generateDiagramJob(context: AppContext): JobHandler {
  return defineJobHandler<Payload>({
    type: GENERATE_DIAGRAM_JOB,
    payload: payloadSchema,
    maxAttempts: 2,
    async run(job) {
      const { payload, projectId, createdBy, organizationId } = job.job;
      if (!projectId) throw new JobFailure('JOB_PAYLOAD_INVALID', 'A diagram job needs a project');
      const label = diagramKindLabel(payload.type).toLowerCase();
      await job.progress(5, 'Reading the source');
      const source = await withUser(context.db, createdBy, (tx) => loadDiagramSource(tx, createdBy, projectId, payload));
      const call = { organizationId, projectId, userId: createdBy, jobId: job.job.id, signal: job.signal };
      const { model, built } = await ensureProjectModel(context, call, 'Built for a diagram');
      if (built) await job.progress(15, 'Read the project into its model');
      const base: GenerateDiagramInput = { ...source.input, model };
      let input = base;
      let attempt: GeneratedDiagram | undefined;
      let generationId = '';
      let failure: Extract<MermaidValidation, { ok: false }> | undefined;
      const generationIds: string[] = [];
      for (let round = 0; round <= MAX_DIAGRAM_REPAIRS; round++) {
        await job.progress(
          round === 0 ? 20 : 20 + round * 25,
          round === 0 ? `Drawing the ${label} from ${source.label}` : `Mermaid rejected the code (${failure ? describeError(failure).split('\n')[0] : ''}); repair ${round} of ${MAX_DIAGRAM_REPAIRS}`,
        );
        const generation = await context.ai.run(generateDiagramTask, input, call);
        generationIds.push(generation.generationId);
        attempt = { ...generation.output, mermaid: stripFence(generation.output.mermaid) };
        generationId = generation.generationId;
        const validation = await validateDiagram(payload.type, attempt.mermaid);
        if (validation.ok) {
          failure = undefined;
          break;
        }
        failure = validation;
        input = { ...base, previousCode: attempt.mermaid.slice(0, 100_000), parserError: describeError(validation).slice(0, 4000) };
      }
      if (failure || !attempt) {
        const parser = failure ? describeError(failure) : 'no answer';
        throw new JobFailure(
          'DIAGRAM_INVALID',
          `The model's Mermaid code still did not parse after ${MAX_DIAGRAM_REPAIRS} repairs: ${parser.split('\n')[0]}`,
          {
            partialResult: {
              type: payload.type,
              lastAttempt: attempt?.mermaid ?? null,
              parserError: { line: failure?.line ?? null, ...(failure?.column !== undefined ? { column: failure.column } : {}), message: failure?.message ?? parser },
              generationIds,
            },
          },
        );
      }
      await job.progress(90, `Saving the ${label}`);
      const diagram = attempt;
      return {
        result: { type: payload.type, generationId, repairs: generationIds.length - 1, sourceDocumentId: source.documentId },
        commit: async (tx) => {
          const created = await createDiagram(tx, jobActor(createdBy), projectId, {
            type: payload.type,
            title: diagram.title.trim().slice(0, 255) || diagramKindLabel(payload.type),
            description: diagram.description.trim().slice(0, 5000) || null,
            mermaidCode: diagram.mermaid,
            options: {
              generatedBy: { task: generateDiagramTask.name, generationId, jobId: job.job.id },
              ...(payload.instructions ? { instructions: payload.instructions } : {}),
              ...(payload.focus ? { focus: payload.focus } : {}),
            },
            sourceDocumentId: source.documentId,
            generationId,
            note: `Generated from the project model and ${source.label}${generationIds.length > 1 ? ` after ${generationIds.length - 1} repair${generationIds.length === 2 ? '' : 's'}` : ''}`,
          });
          return { diagramId: created.id, rev: created.currentRev };
        },
      };
    },
  });
}
