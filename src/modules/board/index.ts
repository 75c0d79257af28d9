import type { AppModule } from '../../core/module.js';
import { boardAiTasks } from './ai/index.js';
import { deliberateJob } from './deliberation/deliberate.job.js';

export { boardSessions, contributions, personas, votes } from './board.schema.js';

/** The board: expert personas deliberate on a decision in rounds, vote, and leave a decision record (seed 001). */
export const boardModule: AppModule = {
  name: 'board',
  jobs: (context) => [deliberateJob(context)],
  aiTasks: boardAiTasks,
};
