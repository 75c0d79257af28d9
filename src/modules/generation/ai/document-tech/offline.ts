import { nounPhrase, sentence } from '../../../../core/text/compose/index.js';
import { capitalize, joinList } from '../../../../core/text/index.js';
import type { AttributeType, ModelAttribute } from '../../../project-model/index.js';
import { actorPhrase, common, groupName, relationshipSentence, useCaseInfinitive, viewOf, type DocumentTaskInput, type ModelView } from '../document-writer/index.js';
import type { DocumentTech } from './schema.js';

// The offline technical design, drawn from the project model: the data model from the entities, attributes and
// relationships; the clients from the platform constraint (a mobile web app is a web client, never a native app);
// integrations from the outside systems; security and scale from their constraints.

type Platform = 'web' | 'native' | 'both' | 'unstated';

/** The clients the platform constraint asks for. A "mobile web app" or "no native app" is a web client only. */
export function platformOf(view: ModelView): Platform {
  const text = view.platform.map((c) => c.text.toLowerCase()).join(' ');
  if (!text) return 'unstated';
  const web = /\b(web|browser|website|pwa)\b/.test(text);
  const noNative = /\bno (?:native|app store)|\bnot (?:a )?native|\bwithout (?:a )?native|\bmobile web\b/.test(text);
  const native = !noNative && /\b(ios|android|native|app stores?|iphone)\b/.test(text);
  return web && native ? 'both' : native ? 'native' : web || noNative ? 'web' : 'unstated';
}

const COLUMN: Record<AttributeType, string> = {
  text: 'text',
  long_text: 'text (long)',
  number: 'number',
  money: 'decimal (money)',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamp',
  duration: 'interval',
  email: 'text (email)',
  phone: 'text (phone)',
  url: 'text (URL)',
  location: 'geographic point',
  file: 'file reference',
  enum: 'enumeration',
  reference: 'foreign key',
};

function columnOf(attribute: ModelAttribute, view: ModelView): string {
  if (attribute.type === 'reference') {
    const target = view.entity(attribute.references) ?? view.actor(attribute.references ?? '');
    return target ? `foreign key to ${common(target.name)}` : COLUMN.reference;
  }
  if (attribute.type === 'enum' && attribute.values?.length) return `enumeration (${attribute.values.join(', ')})`;
  return COLUMN[attribute.type];
}

export function composeTech(input: DocumentTaskInput): DocumentTech {
  const view = viewOf(input);
  const platform = platformOf(view);
  const clients = { web: ['a web client that works on phones and computers'], native: ['a mobile app'], both: ['a web client', 'a mobile app'], unstated: ['a web client'] }[platform];
  return {
    title: `${view.name} — Technical Design`,
    architecture: {
      style: `One server with ${joinList(clients)}`,
      summary: sentence(
        `${capitalize(joinList(clients))} ${clients.length > 1 ? 'talk' : 'talks'} to one API server over HTTPS, which keeps ${view.entities.length ? joinList(view.entities.slice(0, 5).map((e) => nounPhrase({ head: common(e.name), number: 'plural' }).text)) : 'the data'} in one relational database`,
      ),
      rationale: [
        platform === 'unstated' ? sentence('The platform is not stated yet, so a web client, which every device opens, is the cautious start') : sentence(view.platform[0]?.text ?? ''),
        sentence('One server and one database keep the first release simple to build, test and change'),
      ].join(' '),
    },
    components: componentsOf(view, platform),
    dataModel: dataModelOf(view),
    integrations: view.systems.slice(0, 10).map((system) => ({
      system: system.name,
      purpose: system.needs[0] ? sentence(`It is used to ${system.needs[0].replace(/^to\s+/i, '')}`) : system.description.trim() ? sentence(system.description) : sentence('Its purpose is not stated yet'),
      approach: sentence(`The server calls ${actorPhrase(system, 'the').text} from a background job and retries when it is unavailable`),
    })),
    security: securityOf(view),
    scalability: scalabilityOf(view),
    stack: stackOf(platform),
    risks: view.model.openQuestions.slice(0, 8).map((q) => ({ risk: sentence(`Still open: ${q.question}`), mitigation: 'Keep the affected part small until it is answered.' })),
  };
}

function componentsOf(view: ModelView, platform: Platform): DocumentTech['components'] {
  const components: DocumentTech['components'] = [];
  const screens = view.persons.slice(0, 3).map((actor) => {
    const uses = view.useCases.filter((uc) => uc.actor === actor.id).slice(0, 2).map((uc) => useCaseInfinitive(uc, view));
    return uses.length ? `${actorPhrase(actor, 'none', 'plural').text} ${joinList(uses)}` : '';
  }).filter(Boolean);
  const what = screens.length ? sentence(`Screens where ${joinList(screens)}`) : sentence('It shows the screens of the product');
  if (platform !== 'native') components.push({ name: 'Web client', responsibility: what, technology: 'React and TypeScript, responsive for phones' });
  if (platform === 'native' || platform === 'both') components.push({ name: 'Mobile app', responsibility: what, technology: 'React Native' });
  components.push({ name: 'API server', responsibility: sentence(`It checks every request and applies the rules${view.model.rules.length ? ` (${view.model.rules.length} stated)` : ''}`), technology: 'Node.js and TypeScript' });
  components.push({ name: 'Database', responsibility: sentence(`It keeps ${view.entities.length ? joinList(view.entities.slice(0, 5).map((e) => nounPhrase({ head: common(e.name), number: 'plural' }).text)) : 'the records'} and the accounts`), technology: 'PostgreSQL' });
  if (view.systems.length) {
    components.push({ name: 'Background worker', responsibility: sentence(`It talks to ${joinList(view.systems.map((s) => actorPhrase(s, 'the').text))} outside the request`), technology: 'A job queue in PostgreSQL' });
  }
  return components;
}

function dataModelOf(view: ModelView): DocumentTech['dataModel'] {
  const entities = view.entities.slice(0, 20).map((entity) => ({
    entity: entity.name,
    attributes: [
      { name: 'id', type: 'uuid' },
      ...entity.attributes.slice(0, 22).map((a) => ({ name: a.name.replaceAll(' ', '_'), type: columnOf(a, view) })),
      ...(entity.states.length ? [{ name: 'state', type: `enumeration (${entity.states.join(', ')})` }] : []),
      { name: 'created_at', type: 'timestamp' },
    ],
    relations: view.model.relationships
      .filter((r) => r.from === entity.id)
      .map((r) => relationshipSentence(r, view))
      .filter((s): s is string => Boolean(s))
      .slice(0, 8),
  }));
  const roles = view.persons.map((a) => common(a.name).replaceAll(' ', '_'));
  entities.push({
    entity: 'Account',
    attributes: [
      { name: 'id', type: 'uuid' },
      { name: 'email', type: 'text (email)' },
      { name: 'role', type: roles.length ? `enumeration (${roles.join(', ')})` : 'text' },
      { name: 'created_at', type: 'timestamp' },
    ],
    relations: [],
  });
  return entities;
}

function securityOf(view: ModelView): string[] {
  const stated = view.model.constraints.filter((c) => ['privacy', 'security', 'compliance'].includes(c.category)).map((c) => sentence(c.text));
  const roles = view.persons.map((a) => groupName(a));
  return [
    ...stated,
    roles.length > 1 ? sentence(`Roles (${joinList(roles)}) decide who reads and changes which records`) : 'Each account sees only its own records.',
    'All traffic is encrypted with TLS, and passwords are stored hashed.',
  ].slice(0, 12);
}

function scalabilityOf(view: ModelView): string[] {
  const stated = view.model.constraints.filter((c) => c.category === 'scale' || c.category === 'performance').map((c) => sentence(c.text));
  return stated.length ? [...stated, 'Indexes on every foreign key and on the fields lists are filtered by.'] : ['The expected scale is not stated yet; one server and one database carry thousands of users.'];
}

function stackOf(platform: Platform): DocumentTech['stack'] {
  const stack: DocumentTech['stack'] = [];
  if (platform !== 'native') stack.push({ layer: 'Web client', choice: 'React with TypeScript', reason: 'It is widely known, and one responsive client serves phones and computers.' });
  if (platform === 'native' || platform === 'both') stack.push({ layer: 'Mobile app', choice: 'React Native', reason: 'One code base serves both phone platforms.' });
  stack.push(
    { layer: 'Server', choice: 'Node.js with TypeScript', reason: 'It uses the same language as the client.' },
    { layer: 'Database', choice: 'PostgreSQL', reason: 'It keeps relational records with their constraints, and the job queue lives in the same place.' },
  );
  return stack;
}
