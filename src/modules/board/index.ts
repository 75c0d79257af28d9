import type { AppContext } from '../../core/context.js';
import type { ZodApp } from '../../core/http/request-context.js';
import type { AppModule } from '../../core/module.js';
import { boardAiTasks } from './ai/index.js';
import { deliberateJob } from './deliberation/deliberate.job.js';
import { registerPersonaRoutes } from './personas/personas.routes.js';
import { registerSessionEventRoutes } from './sessions/session-events.routes.js';
import { registerSessionRoutes } from './sessions/sessions.routes.js';
import { registerBoardSettingsRoutes } from './settings/board-settings.routes.js';

export { boardSessions, contributions, personas, votes } from './board.schema.js';

/** Each part of the board mounts its routes from its own file, one line each. */
async function boardRoutes(api: ZodApp, context: AppContext): Promise<void> {
  await registerPersonaRoutes(api, context);
  await registerSessionRoutes(api, context);
  await registerSessionEventRoutes(api, context);
  await registerBoardSettingsRoutes(api, context);
}

/** The board: expert personas deliberate on a decision in rounds, vote, and leave a decision record (seed 001). */
export const boardModule: AppModule = {
  name: 'board',
  routes: boardRoutes,
  jobs: (context) => [deliberateJob(context)],
  aiTasks: boardAiTasks,
};
