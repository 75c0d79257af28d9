import { capitalize, joinList, pluralize, singularPhrase } from '../../../../core/text/index.js';
import { asGroup } from '../../../projects/index.js';
import { clause, entitiesOf, mentions, primaryGroup, productKind, shortAction, subjectOf, unique, type ProjectFacts } from '../document-writer/index.js';
import type { DocumentTech } from './schema.js';

// The offline technical design: modules, components, data model, integrations and risks from the project's facts.

function isMobile(facts: ProjectFacts): boolean {
  return facts.platforms.some((p) => p === 'mobile' || p === 'iOS' || p === 'Android');
}

export function composeTech(facts: ProjectFacts): DocumentTech {
  const mobile = isMobile(facts);
  const web = facts.platforms.includes('web') || !mobile;
  const clients = [web ? 'a responsive web app' : '', mobile ? 'a mobile app for iOS and Android' : ''].filter(Boolean);
  const groups = facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'its users';
  return {
    title: `${facts.name} — Technical Design`,
    architecture: {
      style: `Modular monolith with ${joinList(clients)}${facts.cues.realtime ? ' and live updates over WebSocket' : ''}`,
      summary:
        `${joinList(clients.map(capitalize))} ${clients.length > 1 ? 'talk' : 'talks'} to one backend API over HTTPS. The backend is split into modules (` +
        `${joinList(modulesOf(facts).map((m) => m.name.toLowerCase()))}) that share one PostgreSQL database` +
        `${facts.cues.media ? ', with files in object storage' : ''}. Slow work (${joinList(jobsOf(facts))}) runs as background jobs.`,
      rationale:
        `${facts.name} is ${withIndefinite(productKind(facts))} for ${groups} with a small team and an uncertain scope: one deployable and one database keep it simple to build, test and change, ` +
        'while the module boundaries allow splitting out a service later if one part needs to scale on its own.',
    },
    components: componentsOf(facts, web, mobile),
    dataModel: dataModelOf(facts),
    integrations: integrationsOf(facts),
    security: securityOf(facts),
    scalability: scalabilityOf(facts),
    stack: stackOf(facts, web, mobile),
    risks: risksOf(facts),
  };
}

function modulesOf(facts: ProjectFacts): Array<{ name: string; responsibility: string }> {
  const modules = [{ name: 'Accounts', responsibility: `Sign-up, sign-in and roles for ${facts.groups.length ? joinList(facts.groups.slice(0, 3)) : 'users'}` }];
  for (const entity of entitiesOf(facts).slice(0, 4)) {
    const actions = facts.analysis.actions.filter((a) => mentions(a.action, entity.name)).map((a) => clause(shortAction(a.action, 6)));
    modules.push({ name: capitalize(pluralize(entity.name)), responsibility: actions.length ? `${capitalize(pluralize(entity.name))} and the rules to ${joinList(actions.slice(0, 2))}` : `Creating, finding and changing ${pluralize(entity.name)}` });
  }
  if (modules.length === 1) modules.push({ name: capitalize(subjectOf(facts)), responsibility: `The core of ${facts.name}: ${subjectOf(facts)}` });
  if (facts.cues.payments) modules.push({ name: 'Payments', responsibility: 'Charges, payouts, refunds and their ledger' });
  if (facts.cues.notifications || facts.cues.marketplace) modules.push({ name: 'Notifications', responsibility: 'Email and push messages about what changed' });
  if (facts.cues.search || facts.cues.location) modules.push({ name: 'Search', responsibility: `Finding ${subjectOf(facts)}${facts.cues.location ? ' by place and distance' : ''}` });
  return modules;
}

function jobsOf(facts: ProjectFacts): string[] {
  const jobs = ['emails'];
  if (facts.cues.payments) jobs.push('payouts');
  if (facts.cues.media) jobs.push('image processing');
  if (facts.cues.ai) jobs.push('model calls');
  jobs.push('reports');
  return jobs;
}

function componentsOf(facts: ProjectFacts, web: boolean, mobile: boolean): DocumentTech['components'] {
  const components: DocumentTech['components'] = [];
  const screens = facts.analysis.actions.slice(0, 3).map((a) => `${asGroup(a.actor)} ${clause(shortAction(a.action, 6))}`);
  if (web) components.push({ name: 'Web client', responsibility: screens.length ? `Screens where ${joinList(screens)}` : `Screens for ${subjectOf(facts)}`, technology: 'React + TypeScript (Vite)' });
  if (mobile) components.push({ name: 'Mobile app', responsibility: `The same features on iOS and Android${facts.cues.location ? ', with location' : ''}${facts.cues.notifications ? ' and push notifications' : ''}`, technology: 'React Native (Expo)' });
  components.push({ name: 'API server', responsibility: 'REST API, validation, authorisation and the business rules of every module', technology: 'Node.js + TypeScript (Fastify)' });
  for (const module of modulesOf(facts)) components.push({ name: `${module.name} module`, responsibility: module.responsibility, technology: 'Part of the API server' });
  components.push({ name: 'Database', responsibility: `${capitalize(joinList(entitiesOf(facts).slice(0, 4).map((e) => pluralize(e.name))) || 'All project data')}, accounts and the audit trail`, technology: facts.cues.location ? 'PostgreSQL with PostGIS' : 'PostgreSQL' });
  components.push({ name: 'Background worker', responsibility: `Jobs: ${joinList(jobsOf(facts))}`, technology: 'Job queue in PostgreSQL' });
  if (facts.cues.media) components.push({ name: 'File storage', responsibility: 'Uploaded photos and files', technology: 'S3-compatible object storage' });
  return components.slice(0, 15);
}

/** A column type for an attribute name, from its usual meaning. */
export function attributeType(name: string): string {
  const n = name.toLowerCase();
  if (/\b(date|day|birthday|deadline)\b/.test(n)) return 'date';
  if (/\b(time|at|start|end)\b/.test(n)) return 'timestamp';
  if (/\b(price|cost|fee|amount|total|budget|balance|salary|fare|tip)\b/.test(n)) return 'decimal (money)';
  if (/\b(count|quantity|number|hours|minutes|capacity|age|size|seats?)\b/.test(n)) return 'integer';
  if (/\bduration\b/.test(n)) return 'integer (minutes)';
  if (/\b(rating|score|stars?)\b/.test(n)) return 'integer (1–5)';
  if (/\b(email)\b/.test(n)) return 'text (email)';
  if (/\b(phone)\b/.test(n)) return 'text (phone)';
  if (/\b(status|state|stage|type|category|role|priority|level)\b/.test(n)) return 'enum';
  if (/\b(photo|image|picture|avatar|file|attachment|document)s?\b/.test(n)) return 'file reference';
  if (/\b(location|address|place|area)\b/.test(n)) return 'text + geo point';
  if (/\b(url|link|website)\b/.test(n)) return 'text (URL)';
  if (/\b(is|has|active|enabled|verified|paid)\b/.test(n)) return 'boolean';
  if (/\b(notes?|description|comments?|bio|details?)\b/.test(n)) return 'long text';
  return 'text';
}

function dataModelOf(facts: ProjectFacts): DocumentTech['dataModel'] {
  const primary = facts.groups[0];
  const model: DocumentTech['dataModel'] = [
    {
      entity: 'User',
      attributes: [
        { name: 'id', type: 'uuid' },
        { name: 'name', type: 'text' },
        { name: 'email', type: 'text (email, unique)' },
        { name: 'role', type: `enum (${[...facts.groups.slice(0, 4).map(singularPhrase), 'admin'].join(', ')})` },
        { name: 'created at', type: 'timestamp' },
      ],
      relations: [],
    },
  ];
  for (const entity of entitiesOf(facts).slice(0, 12)) {
    const attributes = [{ name: 'id', type: 'uuid' }, ...entity.attributes.map((a) => ({ name: a, type: attributeType(a) }))];
    attributes.push({ name: 'created at', type: 'timestamp' }, { name: 'updated at', type: 'timestamp' });
    const relations = [`Created by one user${primary ? ` (usually ${withIndefinite(singularPhrase(primary))})` : ''}`];
    const involved = facts.analysis.actions.filter((a) => mentions(a.action, entity.name)).map((a) => asGroup(a.actor));
    for (const group of unique(involved).slice(0, 2)) relations.push(`Involves ${group} through their user accounts`);
    model.push({ entity: capitalize(entity.name), attributes, relations });
  }
  if (facts.cues.payments && !model.some((m) => /payment/i.test(m.entity))) {
    model.push({
      entity: 'Payment',
      attributes: [
        { name: 'id', type: 'uuid' },
        { name: 'amount', type: 'decimal (money)' },
        { name: 'currency', type: 'text (ISO 4217)' },
        { name: 'status', type: 'enum (pending, paid, refunded, failed)' },
        { name: 'provider reference', type: 'text' },
        { name: 'created at', type: 'timestamp' },
      ],
      relations: ['Paid by one user, to one user or to the platform'],
    });
  }
  model.push({
    entity: 'Audit event',
    attributes: [
      { name: 'id', type: 'uuid' },
      { name: 'action', type: 'text' },
      { name: 'resource', type: 'text' },
      { name: 'actor', type: 'uuid (user)' },
      { name: 'at', type: 'timestamp' },
    ],
    relations: ['Written in the same transaction as the change it records'],
  });
  return model.slice(0, 20);
}

function withIndefinite(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function integrationsOf(facts: ProjectFacts): DocumentTech['integrations'] {
  const integrations: DocumentTech['integrations'] = facts.integrations.map((name) => ({
    system: name,
    purpose: `Exchange data ${facts.name} needs with ${name}`,
    approach: `${name}'s public API behind an adapter module; webhooks where offered; retries with backoff`,
  }));
  if (facts.cues.payments) integrations.push({ system: 'Stripe (or another payment provider)', purpose: 'Charges, payouts and refunds', approach: 'Hosted checkout and Connect-style payouts; webhooks update the payment status' });
  if (facts.cues.notifications || facts.cues.marketplace) integrations.push({ system: 'Email delivery (SMTP)', purpose: 'Sign-in links and notifications', approach: 'Transactional email provider through SMTP, sent by the background worker' });
  if (facts.cues.location) integrations.push({ system: 'Maps and geocoding', purpose: 'Addresses to coordinates, distances, maps', approach: 'A maps API behind an adapter; cache geocoding results' });
  if (isMobile(facts)) integrations.push({ system: 'Push notifications (APNs, FCM)', purpose: 'Notify phones', approach: 'Through the mobile framework’s push service' });
  if (facts.cues.ai) integrations.push({ system: 'Model provider', purpose: 'Suggestions and predictions', approach: 'One gateway module; every call logged with cost; a person confirms the result' });
  return integrations.slice(0, 10);
}

function securityOf(facts: ProjectFacts): string[] {
  const groups = facts.groups.length ? joinList([...facts.groups.slice(0, 3), 'admins']) : 'users and admins';
  return unique([
    `Role-based access: ${groups} see and change only what their role allows; checked in the API, not the client.`,
    'Passwords hashed with Argon2id; sessions in HTTP-only cookies; optional two-factor sign-in for admins.',
    'TLS for all traffic; the database and backups encrypted at rest.',
    ...(facts.personalData.length ? [`Personal data (${joinList(facts.personalData)}): collected only where needed, exportable and deletable on request, retention periods documented.`] : []),
    ...(facts.cues.payments ? ['No card data stored: the payment provider handles it (PCI DSS SAQ A).'] : []),
    ...(facts.cues.media ? ['Uploads checked for type and size, served from a separate domain.'] : []),
    ...facts.requirements.filter((r) => r.kind === 'non-functional' && /secur|encrypt|privacy|gdpr|hipaa|complian/i.test(r.text)).map((r) => `Stated requirement: “${clause(r.text)}”.`),
    'An audit trail of every change, and rate limits on sign-in and public endpoints.',
  ]).slice(0, 12);
}

function scalabilityOf(facts: ProjectFacts): string[] {
  const subject = subjectOf(facts);
  return unique([
    facts.scale ? `Sized for the scale the inputs mention (${facts.scale}): one API server and one PostgreSQL instance carry it with room to spare.` : `One API server and one PostgreSQL instance carry the first thousands of ${primaryGroup(facts)}.`,
    'The API is stateless: more instances behind a load balancer when traffic grows.',
    `Indexes on the queries that list and search ${subject}; keyset pagination for long lists.`,
    'Slow work in background jobs, so requests stay fast.',
    ...(facts.cues.realtime ? ['Live updates through a WebSocket gateway fed by database notifications; moved to a pub/sub service if instances multiply.'] : []),
    ...(facts.cues.location ? ['Geo queries with PostGIS indexes; results per area cached.'] : []),
    'Read replicas and a cache only when measurements show the need.',
  ]).slice(0, 10);
}

function stackOf(facts: ProjectFacts, web: boolean, mobile: boolean): DocumentTech['stack'] {
  const stack: DocumentTech['stack'] = [];
  if (web) stack.push({ layer: 'Web client', choice: 'React + TypeScript, Vite', reason: `Widely known, fast to build the screens ${primaryGroup(facts)} need, and shares types with the API.` });
  if (mobile) stack.push({ layer: 'Mobile', choice: 'React Native with Expo', reason: 'One codebase for iOS and Android, sharing code and skills with the web client; over-the-air updates.' });
  stack.push({ layer: 'API', choice: 'Node.js + TypeScript with Fastify', reason: 'One language across the stack, schema-validated routes and an OpenAPI description for free.' });
  stack.push({ layer: 'Database', choice: facts.cues.location ? 'PostgreSQL + PostGIS' : 'PostgreSQL', reason: `Relational data (${joinList(entitiesOf(facts).slice(0, 3).map((e) => pluralize(e.name))) || subjectOf(facts)}) with transactions, full-text search${facts.cues.location ? ' and geo queries' : ''} in one place.` });
  stack.push({ layer: 'Background jobs', choice: 'A job queue in PostgreSQL', reason: 'No extra broker to run at this scale; jobs commit with the data they change.' });
  if (facts.cues.media) stack.push({ layer: 'Files', choice: 'S3-compatible object storage', reason: 'Cheap, durable storage for photos and files, served through a CDN.' });
  if (facts.cues.payments) stack.push({ layer: 'Payments', choice: 'Stripe', reason: 'Handles cards, payouts, refunds and compliance so the team does not have to.' });
  stack.push({ layer: 'Hosting', choice: 'A managed container platform and managed PostgreSQL', reason: 'Backups, TLS and scaling handled by the platform; the team focuses on the product.' });
  stack.push({ layer: 'Quality', choice: 'Vitest, Playwright, GitHub Actions', reason: 'Unit, API and end-to-end tests on every change.' });
  return stack.slice(0, 12);
}

function risksOf(facts: ProjectFacts): DocumentTech['risks'] {
  const risks: DocumentTech['risks'] = [];
  for (const name of facts.integrations.slice(0, 2)) risks.push({ risk: `${name} changes its API or limits`, mitigation: 'An adapter per integration, contract tests, and alerts on failures' });
  if (facts.cues.realtime) risks.push({ risk: 'Live updates are harder to scale and test than requests', mitigation: 'Start with polling where it is good enough; add WebSocket only where users wait' });
  if (facts.cues.payments) risks.push({ risk: 'Payment edge cases (disputes, partial refunds, failed payouts)', mitigation: 'Model every payment state explicitly; reconcile with the provider daily' });
  if (isMobile(facts)) risks.push({ risk: 'App store review delays releases', mitigation: 'Over-the-air updates for JavaScript changes; release native changes early' });
  if (facts.personalData.length) risks.push({ risk: `A breach of personal data (${joinList(facts.personalData)})`, mitigation: 'Least privilege, encryption, audit logs and a tested incident plan' });
  risks.push({ risk: `The data model for ${subjectOf(facts)} changes as the product is learned`, mitigation: 'Versioned migrations from day one; keep the first model small' });
  return risks.slice(0, 8);
}
