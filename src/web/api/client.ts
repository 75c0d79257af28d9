import { aiApi } from '../modules/ai/client';
import { analyticsApi } from '../modules/analytics/client';
import { auditApi } from '../modules/audit/client';
import { backlogApi } from '../modules/backlog/client';
import { boardApi } from '../modules/board/client';
import { chatApi } from '../modules/chat/client';
import { dbassistApi } from '../modules/dbassist/client';
import { diagramsApi } from '../modules/diagrams/client';
import { documentsApi } from '../modules/documents/client';
import { identityApi } from '../modules/identity/client';
import { integrationsApi } from '../modules/integrations/client';
import { jobsApi } from '../modules/jobs/client';
import { organizationsApi } from '../modules/organizations/client';
import { projectModelApi } from '../modules/project-model/client';
import { projectsApi } from '../modules/projects/client';
import { wireframesApi } from '../modules/wireframes/client';

/**
 * The typed client of the Atelier API: `api.<module>` is src/web/modules/<module>/client.ts, whose request and
 * response types are inferred from the server's contract of that module. All of them call through api/http.ts.
 */
export const api = {
  identity: identityApi,
  organizations: organizationsApi,
  projects: projectsApi,
  projectModel: projectModelApi,
  documents: documentsApi,
  diagrams: diagramsApi,
  backlog: backlogApi,
  wireframes: wireframesApi,
  chat: chatApi,
  board: boardApi,
  dbassist: dbassistApi,
  integrations: integrationsApi,
  audit: auditApi,
  ai: aiApi,
  analytics: analyticsApi,
  jobs: jobsApi,
};
