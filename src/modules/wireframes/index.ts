import type { AppContext } from '../../app.js';
import type { AiTask } from '../../core/ai/index.js';
import type { JobHandler } from '../../core/jobs/index.js';
import { generateWireframeTask } from './ai/generate-wireframe/index.js';
import { generateWireframesJob } from './generate-wireframes.job.js';

export { wireframesRoutes } from './wireframes.routes.js';
export { wireframes, wireframeTemplates, type WireframeTemplate } from './wireframes.schema.js';
export { sanitizeCss, type CssSanitized } from './css-sanitizer.js';
export { sanitizeHtml, sanitizeWireframe, type HtmlSanitized } from './html-sanitizer.js';
export { wireframeDocument } from './wireframe-document.js';
export { GENERATE_WIREFRAMES_JOB } from './wireframe-generation.service.js';
export { wireframeSchema, type Wireframe } from './wireframes.contract.js';
export { generateWireframeTask, type WireframeOutput, type WireframeTaskInput } from './ai/generate-wireframe/index.js';

/** The wireframes module's AI tasks. */
export const wireframesAiTasks: readonly AiTask[] = [generateWireframeTask];

/** The wireframes module's background jobs: drawing one screen or a set. */
export function wireframesJobHandlers(context: AppContext): JobHandler[] {
  return [generateWireframesJob(context)];
}
