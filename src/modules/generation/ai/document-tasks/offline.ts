import { capitalize, joinList, pluralize } from '../../../../core/text/index.js';
import { asGroup, type Priority } from '../../../projects/index.js';
import {
  clause,
  entitiesOf,
  featureName,
  primaryGroup,
  priorityOrder,
  qualityCategory,
  shortAction,
  subjectOf,
  uncoveredFunctional,
  type ProjectFacts,
} from '../document-writer/index.js';
import type { DocumentTasks, Task } from './schema.js';

// The offline delivery plan: foundations, one task per feature, a quality pass and the launch, with estimates and dependencies.

type Draft = { key: string; title: string; description: string; estimateDays: number; after: string[] };

const FEATURE_DAYS: Record<Priority, number> = { must: 4, should: 3, could: 2 };

export function composeTasks(facts: ProjectFacts): DocumentTasks {
  const group = primaryGroup(facts);
  const entities = entitiesOf(facts);
  const foundations: Draft[] = [
    { key: 'setup', title: 'Project setup', description: 'Repository, TypeScript build, linting, test runner and a CI pipeline that runs on every change. Done when a change to main deploys to a staging environment.', estimateDays: 2, after: [] },
    {
      key: 'model',
      title: 'Data model and migrations',
      description: `Tables for users${entities.length ? `, ${joinList(entities.slice(0, 5).map((e) => pluralize(e.name)))}` : ''} and the audit trail, with versioned migrations. Done when the migrations run on an empty database and in CI.`,
      estimateDays: 1 + Math.min(4, Math.ceil(entities.length / 2)),
      after: ['setup'],
    },
    { key: 'auth', title: 'Accounts and sign-in', description: `Sign-up, sign-in, password reset and roles for ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users'}. Done when each role sees only what it may.`, estimateDays: 3, after: ['model'] },
    { key: 'shell', title: 'App shell and navigation', description: `The ${facts.platforms.includes('web') || !facts.platformStated ? 'web' : 'app'} client's layout, navigation and design basics, so features can be added screen by screen.`, estimateDays: 2, after: ['setup'] },
  ];

  const features: Draft[] = [];
  const seen = new Set<string>();
  const addFeature = (title: string, description: string, level: Priority, extra = 0): void => {
    const key = title.toLowerCase();
    if (seen.has(key) || features.length >= 14) return;
    seen.add(key);
    features.push({ key: `feature-${features.length + 1}`, title, description, estimateDays: FEATURE_DAYS[level] + extra, after: ['auth', 'shell'] });
  };
  const ordered = [...facts.analysis.actions].sort((a, b) => priorityOrder[a.priority] - priorityOrder[b.priority]);
  for (const action of ordered) {
    const what = clause(shortAction(action.action, 10));
    addFeature(featureName(action.action), `Let ${asGroup(action.actor)} ${what}: screens, API endpoint, validation and tests. Done when a ${asGroup(action.actor).replace(/s$/, '')} can ${what} end to end.`, action.priority);
  }
  for (const entity of entities) {
    if (entity.attributes.length === 0) continue;
    addFeature(`Manage ${pluralize(entity.name)}`, `Create, list, edit and archive ${pluralize(entity.name)} with ${joinList(entity.attributes.slice(0, 5))}. Done when they survive a reload and invalid input is refused with the field named.`, 'should', Math.min(2, Math.floor(entity.attributes.length / 3)));
  }
  for (const requirement of uncoveredFunctional(facts)) {
    if (features.length >= 8) continue;
    addFeature(featureName(requirement.text.replace(/^.*?\b(?:must|shall|should|will|can|could|may|needs? to)\s+/i, '')), `Implement the stated need “${clause(requirement.text)}”, with tests.`, requirement.priority);
  }
  if (features.length === 0) addFeature(`${capitalize(subjectOf(facts))} workflow`, `The main workflow of ${facts.name} for ${group}: screens, API and tests.`, 'must', 2);

  const quality: Draft[] = [];
  const stated = facts.requirements.filter((r) => r.kind === 'non-functional');
  for (const requirement of stated.slice(0, 4)) {
    const category = qualityCategory(requirement.text);
    quality.push({ key: `quality-${quality.length + 1}`, title: `${capitalize(category)}: stated requirement`, description: `Meet and verify “${clause(requirement.text)}”. Done when a test or measurement shows it.`, estimateDays: 2, after: features.map((f) => f.key).slice(0, 3) });
  }
  quality.push(
    { key: 'security', title: 'Security review', description: `Review access rules for ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'every role'}, rate limits and secrets; fix what it finds.`, estimateDays: 2, after: features.map((f) => f.key).slice(0, 3) },
    { key: 'e2e', title: 'End-to-end tests of the main journeys', description: `Automated browser tests of ${joinList(features.slice(0, 3).map((f) => `“${f.title}”`))}.`, estimateDays: 3, after: features.map((f) => f.key).slice(0, 3) },
    { key: 'a11y', title: 'Accessibility and performance pass', description: 'WCAG 2.1 AA checks and page-load measurements; fix the worst issues.', estimateDays: 2, after: ['e2e'] },
  );
  if (facts.personalData.length) quality.push({ key: 'privacy', title: 'Privacy: export and deletion', description: `Export and delete the personal data of a user (${joinList(facts.personalData)}); document retention.`, estimateDays: 2, after: ['auth'] });

  const launch: Draft[] = [
    { key: 'beta', title: `Private beta with ${group}`, description: `Invite the first ${group}, watch how they use ${facts.name}, and fix what blocks them.`, estimateDays: 5, after: ['e2e'] },
    { key: 'analytics', title: 'Success metrics dashboard', description: `Measure the success metrics of the PRD${facts.analysis.actions[0] ? `, starting with how often ${asGroup(facts.analysis.actions[0].actor)} ${clause(shortAction(facts.analysis.actions[0].action, 6))}` : ''}.`, estimateDays: 2, after: features.map((f) => f.key).slice(0, 1) },
    { key: 'ops', title: 'Production environment and backups', description: 'Production hosting, monitoring, alerts, daily backups and a tested restore.', estimateDays: 2, after: ['setup'] },
    { key: 'launch', title: 'Public launch', description: `Landing page, onboarding emails and the launch plan of the marketing document.`, estimateDays: 3, after: ['beta', 'ops'] },
  ];

  const phases: Array<{ name: string; goal: string; drafts: Draft[] }> = [
    { name: 'Phase 1 — Foundations', goal: `A deployed, empty ${facts.name} where ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users'} can sign in.`, drafts: foundations },
    { name: 'Phase 2 — Core features', goal: `${capitalize(group)} can ${facts.analysis.actions[0] ? clause(shortAction(facts.analysis.actions[0].action, 8)) : `use ${facts.name} for ${subjectOf(facts)}`} and the other first-release features work end to end.`, drafts: features },
    { name: 'Phase 3 — Quality', goal: 'The first release is secure, tested, accessible and fast enough.', drafts: quality },
    { name: 'Phase 4 — Launch', goal: `${facts.name} is in the hands of real ${group}, and the team measures what happens.`, drafts: launch },
  ];
  const ids = new Map<string, string>();
  let counter = 0;
  for (const phase of phases) for (const draft of phase.drafts) ids.set(draft.key, `T-${++counter}`);
  const result: DocumentTasks['phases'] = phases.map((phase) => ({
    name: phase.name,
    goal: phase.goal,
    tasks: phase.drafts.map(
      (draft): Task => ({
        id: ids.get(draft.key) ?? 'T-0',
        title: draft.title,
        description: draft.description,
        estimateDays: draft.estimateDays,
        dependsOn: draft.after.map((key) => ids.get(key)).filter((id): id is string => Boolean(id)),
      }),
    ),
  }));
  const total = result.reduce((sum, phase) => sum + phase.tasks.reduce((s, t) => s + t.estimateDays, 0), 0);
  return {
    title: `${facts.name} — Delivery Plan`,
    summary: `${counter} tasks in ${result.length} phases, about ${total} person-days: foundations first, then ${features.length} feature${features.length === 1 ? '' : 's'} for ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : group}, a quality pass, and a beta before the public launch. Estimates are for one experienced developer and are revisited at the end of each phase.`,
    phases: result,
  };
}
