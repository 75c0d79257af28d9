export { chatRoutes } from './chat.routes.js';
