/**
 * Every action the audit log records, with how a person reads it. The server types what it writes with this table
 * (a misspelt or unlisted action does not compile) and the audit page shows the labels, so a new action is added
 * here once. Free of Node and DOM APIs.
 *
 * Labels are lower case phrases that read after the actor's name: "Ada Lovelace created project".
 */
export const auditActions = {
  user_registered: 'signed up',
  email_verified: 'verified email address',
  user_login: 'signed in',
  user_login_failed: 'failed to sign in',
  registration_of_existing_email: "tried to sign up with an existing account's email (owner notified)",
  user_logout: 'signed out',
  refresh_token_reused: 'reused an old sign-in (session ended)',
  password_reset_requested: 'requested a password reset',
  password_reset: 'reset password',
  user_updated: 'updated account',
  user_data_exported: 'exported account data',
  user_deleted: 'deleted account',

  organization_created: 'created organization',
  organization_updated: 'updated organization',
  organization_deleted: 'deleted organization',
  member_added: 'added member',
  member_role_changed: 'changed member role',
  member_removed: 'removed member',
  ai_settings_updated: 'changed AI settings',
  ai_batch_completed: 'ran AI batch',

  connection_created: 'added database connection',
  connection_updated: 'changed database connection',
  connection_deleted: 'removed database connection',
  connection_tested: 'tested database connection',
  schema_ingested: 'ingested database schema',
  schema_docs_generated: 'generated database documentation',
  schema_doc_edited: 'edited database documentation',
  schema_erd_saved: 'saved database ER diagram to project',
  mock_job_created: 'queued mock data',
  mock_data_generated: 'generated mock data',
  sql_query_saved: 'saved SQL query',
  sql_query_updated: 'changed saved SQL query',
  sql_query_deleted: 'removed saved SQL query',
  sql_write_executed: 'ran SQL that writes to a database',

  project_created: 'created project',
  project_updated: 'updated project',
  project_deleted: 'moved project to trash',
  project_restored: 'restored project from trash',
  project_exported: 'exported project',
  project_version_created: 'saved project version',
  project_clarifications_created: 'received clarifying questions',
  project_clarifications_answered: 'answered clarifying questions',
  project_generated: 'generated project documents',

  document_generation_requested: 'requested document generation',
  document_created: 'created document',
  document_generated: 'generated document',
  document_revised: 'revised document',
  document_restored: 'restored document revision',
  document_updated: 'updated document details',
  document_published: 'published document',
  document_archived: 'archived document',
  document_locked: 'locked document',
  document_unlocked: 'unlocked document',

  project_model_corrected: 'corrected project model',
  project_model_replaced: 'edited project model',
  project_model_restored: 'restored project model revision',
  project_model_rebuild_requested: 'requested project model rebuild',
  project_model_rebuilt: 'rebuilt project model',

  board_session_created: 'asked the board',
  board_session_paused: 'paused board session',
  board_session_resumed: 'resumed board session',
  board_session_killed: 'stopped board session',
  board_session_completed: 'received board decision',
  board_session_failed: 'had a board session fail',
  board_decision_saved: 'saved board decision to project',
  board_persona_created: 'added board persona',
  board_persona_deleted: 'removed board persona',
  board_settings_updated: 'changed board settings',

  diagram_generation_requested: 'requested diagram generation',
  diagram_created: 'created diagram',
  diagram_revised: 'revised diagram',
  diagram_restored: 'restored diagram revision',
  diagram_deleted: 'deleted diagram',

  wireframe_generation_requested: 'requested wireframe generation',
  wireframe_created: 'created wireframe',
  wireframe_updated: 'updated wireframe',
  wireframe_deleted: 'deleted wireframe',

  conversation_deleted: 'deleted conversation',

  story_generation_requested: 'requested story proposals',
  story_proposals_accepted: 'accepted story proposals',

  integration_created: 'added integration',
  integration_updated: 'changed integration',
  integration_deleted: 'removed integration',
  integration_tested: 'tested integration',
  integration_test_event_sent: 'sent a test event to integration',

  github_issues_pushed: 'pushed stories to GitHub issues of integration',

  billing_plan_changed: 'changed plan through Stripe billing',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof auditActions;

/** An action as a person reads it; an action this table does not know (an older server's) still reads as words. */
export function auditActionLabel(action: string): string {
  return (auditActions as Record<string, string>)[action] ?? action.replace(/[._]+/g, ' ');
}

/** What each kind of audited resource is called. */
const resourceNouns: Record<string, string> = {
  user: 'account',
  session: 'session',
  organization: 'organization',
  organization_member: 'member',
  project: 'project',
  document: 'document',
  diagram: 'diagram',
  wireframe: 'wireframe',
  conversation: 'conversation',
  job: 'job',
  db_connection: 'database connection',
  db_schema: 'schema version',
  db_doc: 'database documentation',
  integration: 'integration',
};

export function auditResourceNoun(resourceType: string): string {
  return resourceNouns[resourceType] ?? resourceType.replace(/[._]+/g, ' ');
}

/**
 * What an event's resource is called once it is gone (or out of the reader's sight) when the event recorded no
 * name: "deleted diagram"; a member is rather someone who left.
 */
export function auditResourceGone(resourceType: string): string {
  return resourceType === 'organization_member' ? 'former member' : `deleted ${auditResourceNoun(resourceType)}`;
}
