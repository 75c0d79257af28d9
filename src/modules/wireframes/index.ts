import type { AppModule } from '../../core/module.js';
import { generateWireframeTask } from './ai/generate-wireframe/index.js';
import { generateWireframesJob } from './generate-wireframes.job.js';
import { wireframeWorkerFunctions } from './sanitize-off-thread.js';
import { wireframesRoutes } from './wireframes.routes.js';

export { wireframes, wireframeTemplates, type WireframeTemplate } from './wireframes.schema.js';
export { sanitizeCss, type CssSanitized } from './css-sanitizer.js';
export { sanitizeHtml, sanitizeWireframe, type HtmlSanitized } from './html-sanitizer.js';
export { wireframeDocument } from './wireframe-document.js';
export { GENERATE_WIREFRAMES_JOB } from './wireframe-generation.service.js';
export { wireframeSchema, type Wireframe } from './wireframes.contract.js';
export { generateWireframeTask, type WireframeOutput, type WireframeTaskInput } from './ai/generate-wireframe/index.js';

/** Wireframes of a project's screens: sanitized HTML and CSS, drawn by hand or generated one screen or a set at a time. */
export const wireframesModule: AppModule = {
  name: 'wireframes',
  routes: wireframesRoutes,
  jobs: (context) => [generateWireframesJob(context)],
  aiTasks: [generateWireframeTask],
  workerFunctions: wireframeWorkerFunctions,
};
