import type { AppModule } from '../../core/module.js';
import { exportsRoutes } from './exports.routes.js';

export { exportProject, readmeOf, type ExportEntry, type ProjectExport } from './project-export.service.js';

/** A project's documents, diagrams and wireframes as one download. */
export const exportsModule: AppModule = { name: 'exports', routes: exportsRoutes };
