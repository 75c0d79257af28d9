export { exportsRoutes } from './exports.routes.js';
export { exportProject, readmeOf, type ExportEntry, type ProjectExport } from './project-export.service.js';
