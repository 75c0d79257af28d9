import { api } from '../../../api/client';
import type { Execution } from '../client';

const ATTEMPTS = 5;
const PAUSE_MS = 300;

/**
 * The connection's running execution of this SQL, newest first. The execute request answers only once the statement
 * ends, so the id to cancel is found in the history, where the run is recorded as `running` before it is sent; a few
 * tries cover a click that comes before the row does.
 */
export async function findRunningExecution(connectionId: string, sql: string): Promise<Execution | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const page = await api.dbassist.connections.executions(connectionId, { status: 'running', limit: 20 });
    const hit = page.items.find((item) => item.sqlText.trim() === sql.trim());
    if (hit) return hit;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return null;
}
