import type { AppModule } from '../core/module.js';
import { aiModule } from './ai/index.js';
import { auditModule } from './audit/index.js';
import { backlogModule } from './backlog/index.js';
import { billingModule } from './billing/index.js';
import { boardModule } from './board/index.js';
import { chatModule } from './chat/index.js';
import { dbassistModule } from './dbassist/index.js';
import { diagramsModule } from './diagrams/index.js';
import { documentsModule } from './documents/index.js';
import { exportsModule } from './exports/index.js';
import { generationModule } from './generation/index.js';
import { identityModule } from './identity/index.js';
import { integrationsModule } from './integrations/index.js';
import { jobsModule } from './jobs/index.js';
import { organizationsModule } from './organizations/index.js';
import { projectModelModule } from './project-model/index.js';
import { projectsModule } from './projects/index.js';
import { searchModule } from './search/index.js';
import { wireframesModule } from './wireframes/index.js';

/**
 * Every module of the server, read only by the composition root (src/app.ts). Routes mount in this order, which is
 * the order of the paths in the OpenAPI document.
 */
export const appModules: readonly AppModule[] = [
  identityModule,
  organizationsModule,
  projectsModule,
  auditModule,
  aiModule,
  jobsModule,
  documentsModule,
  searchModule,
  projectModelModule,
  generationModule,
  diagramsModule,
  wireframesModule,
  chatModule,
  backlogModule,
  boardModule,
  dbassistModule,
  integrationsModule,
  exportsModule,
  billingModule,
];
