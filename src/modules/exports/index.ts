export { exportsRoutes } from './exports.routes.js';
