import type { ResponseOf } from '../../api/contract-types';
import type { projectBriefOutput } from '../../../modules/generation/ai/project-brief/schema';

/** The output of the `project-brief` AI task, as the brief card reads it from a task job's result. */
export type ProjectBrief = ResponseOf<typeof projectBriefOutput>;
