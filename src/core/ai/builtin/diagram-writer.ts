import { splitMarkdownSections } from '../../../shared/markdown-sections.js';
import { diagramTypes, type DiagramType } from '../../../shared/workspace-kinds.js';
import { capitalize, singularize, tokenize, truncate } from '../../text/index.js';
import { analyzeText, asGroup } from '../../../modules/projects/idea-analysis/index.js';

/**
 * The offline engine's diagrams: Mermaid code derived from a project's documents. Facts come from the document's
 * structure when it is a specification (user classes, FR-n requirements, the data requirements table, numbered flow
 * steps) and from the text analysis otherwise (actors, their actions, entities with attributes). Every label is
 * reduced to characters no Mermaid grammar treats as syntax, so any input text yields code the parser accepts.
 * Pure functions: the same input always gives the same diagram.
 */

export const diagramKinds = diagramTypes;
export type DiagramKind = DiagramType;

export type DiagramSource = {
  projectName: string;
  /** The source document's (or the project description's) text, Markdown or prose. */
  text: string;
  /** The project description, used when the text says little. */
  description?: string | undefined;
  instructions?: string | undefined;
  /** First day of a Gantt chart, YYYY-MM-DD. */
  startDate?: string | undefined;
};

export type UseCase = { title: string; actors: string[]; priority: 'must' | 'should' | 'could' };
export type DataEntity = { name: string; attributes: string[] };

export type DiagramFacts = {
  name: string;
  actors: string[];
  useCases: UseCase[];
  entities: DataEntity[];
  /** Steps of a flow in order: numbered steps of a flow section, else the use cases. */
  steps: Array<{ actor: string; action: string }>;
  notifies: boolean;
};

export type WrittenDiagram = { title: string; description: string; mermaid: string };

const MAX_ACTORS = 5;
const MAX_USE_CASES = 8;
const MAX_ENTITIES = 6;
const MAX_ATTRIBUTES = 6;
const MAX_STEPS = 7;

// ---------------------------------------------------------------------------------------------------------------
// Labels

/**
 * Text safe inside any Mermaid label: letters, digits, spaces and plain punctuation only. Quotes, brackets, braces,
 * pipes, semicolons, colons, hashes and percent signs are syntax in one grammar or another and become spaces.
 */
export function safeLabel(text: string, max = 60, fallback = 'Unnamed'): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} .,'()/?!+-]/gu, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,'()/?!+-]+/u, '')
    .trim();
  const cut = truncate(cleaned, max).replace(/…$/u, '').trim();
  return cut === '' ? fallback : cut;
}

/** ASCII words only (architecture titles, entity attribute names, gantt tasks): the strictest grammars' alphabet. */
export function asciiLabel(text: string, max = 40, fallback = 'Unnamed'): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = truncate(cleaned, max).replace(/…$/u, '').trim();
  return cut === '' ? fallback : cut;
}

/** snake_case ASCII identifier starting with a letter. */
export function identifier(text: string, fallback: string): string {
  const words = asciiLabel(text, 60, '').toLowerCase().split(' ').filter(Boolean);
  const id = words.join('_').slice(0, 40).replace(/_+$/, '');
  return /^[a-z]/.test(id) ? id : fallback;
}

function pascal(text: string, fallback: string): string {
  const id = asciiLabel(text, 60, '')
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join('')
    .slice(0, 40);
  return /^[A-Za-z]/.test(id) ? id : fallback;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const norm = (text: string) => tokenize(text).map(singularize).join(' ');

// ---------------------------------------------------------------------------------------------------------------
// Facts

type Section = { heading: string; level: number; body: string };

/** The document's sections (search's own splitter, so code fences and closing #s are read the same way). */
function sectionsOf(markdown: string): Section[] {
  return splitMarkdownSections(markdown).map((section) => ({ heading: section.heading ?? '', level: section.level, body: section.bodyMd }));
}

/** The rows of the Markdown tables in a text, as cells. */
function tableRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => /^\s*\|.*\|\s*$/.test(line) && !/^\s*\|[\s:|-]+\|\s*$/.test(line))
    .map((line) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
}

/** "The system shall allow coordinators to approve each shift swap" → coordinators. */
function actorInSentence(sentence: string, actors: readonly string[]): string[] {
  const words = norm(sentence);
  return actors.filter((actor) => {
    const key = norm(actor);
    return key !== '' && ` ${words} `.includes(` ${key} `);
  });
}

function specificationFacts(text: string): Pick<DiagramFacts, 'actors' | 'useCases' | 'entities' | 'steps'> {
  const sections = sectionsOf(text);
  const actors: string[] = [];
  const useCases: UseCase[] = [];
  const entities: DataEntity[] = [];
  const steps: Array<{ actor: string; action: string }> = [];
  let inUserClasses = false;
  let userClassLevel = 0;
  for (const section of sections) {
    if (/user classes|actors|personas|stakeholders|user roles/i.test(section.heading)) {
      inUserClasses = true;
      userClassLevel = section.level;
      continue;
    }
    if (inUserClasses && section.level > userClassLevel) {
      actors.push(section.heading);
      continue;
    }
    inUserClasses = false;
    const requirement = /^(?:FR|UC|US)-?\d+[\s.:)-]+(.+)$/i.exec(section.heading);
    if (requirement) {
      const body = section.body;
      const priority = /\bMust\b/.test(body) ? 'must' : /\bCould\b/.test(body) ? 'could' : 'should';
      useCases.push({ title: requirement[1]!.trim(), actors: actorInSentence(body.split(/\n\n/)[0] ?? body, actors), priority });
      continue;
    }
    if (/data requirements|data model|entities|domain model/i.test(section.heading)) {
      const rows = tableRows(section.body);
      const header = rows[0]?.map((cell) => cell.toLowerCase()) ?? [];
      const nameAt = header.findIndex((cell) => /entity|name|table/.test(cell));
      const attributesAt = header.findIndex((cell) => /attribute|field|column/.test(cell));
      if (nameAt >= 0) {
        for (const row of rows.slice(1)) {
          const name = row[nameAt] ?? '';
          const attributes = attributesAt >= 0 ? (row[attributesAt] ?? '').replace(/\([^)]*\)/g, '').split(/,|;| and /).map((a) => a.trim()) : [];
          entities.push({ name, attributes: attributes.filter((a) => a !== '') });
        }
      }
    }
    if (/flow|process|scenario|steps|journey|workflow|procedure/i.test(section.heading)) {
      for (const line of section.body.split(/\r?\n/)) {
        const step = /^\s*\d+[.)]\s+(.+)$/.exec(line);
        if (step) steps.push({ actor: actorInSentence(step[1]!, actors)[0] ?? '', action: step[1]!.replace(/\*\*|__|`/g, '').trim() });
      }
    }
  }
  // FR tables without FR headings: | FR-1 | Approve each shift swap | Must |
  if (useCases.length === 0) {
    for (const row of tableRows(text)) {
      if (/^N?FR-\d+$/i.test(row[0] ?? '') && !/^NFR/i.test(row[0] ?? '') && row[1]) {
        useCases.push({ title: row[1], actors: [], priority: /must/i.test(row[2] ?? '') ? 'must' : 'should' });
      }
    }
  }
  return { actors, useCases, entities, steps };
}

/** The facts a diagram is drawn from. */
export function diagramFacts(source: DiagramSource): DiagramFacts {
  const text = `${source.text}\n\n${source.instructions ?? ''}`;
  const spec = specificationFacts(source.text);
  const analysis = analyzeText(`${source.text}\n\n${source.description ?? ''}`, { actors: 8, entities: 10, requirements: 40 });

  let actors = spec.actors.length ? spec.actors : analysis.actors.map((actor) => capitalize(asGroup(actor.replace(/^signed-in /i, ''))));
  actors = uniqueBy(actors.map((a) => safeLabel(a, 40, '')), norm).slice(0, MAX_ACTORS);
  if (actors.length === 0) actors = ['Users'];

  let useCases: UseCase[] = spec.useCases.map((uc) => ({ ...uc, actors: uc.actors.length ? uc.actors : [actors[0]!] }));
  if (useCases.length === 0) {
    useCases = analysis.actions
      .filter((action) => tokenize(action.action).length >= 2)
      .map((action) => {
        const actor = actors.find((a) => norm(a).includes(norm(action.actor.replace(/^signed-in /i, '')))) ?? actors[0]!;
        return { title: capitalize(action.action), actors: [actor], priority: action.priority };
      });
  }
  if (useCases.length === 0) {
    useCases = analysis.requirements
      .filter((r) => r.kind === 'functional')
      .map((r) => ({ title: r.text, actors: [actorInSentence(r.text, actors)[0] ?? actors[0]!], priority: r.priority }));
  }
  useCases = uniqueBy(
    useCases.map((uc) => ({ ...uc, title: safeLabel(uc.title, 48, '') })),
    (uc) => norm(uc.title),
  ).slice(0, MAX_USE_CASES);
  if (useCases.length === 0) useCases = [{ title: `Use ${safeLabel(source.projectName, 40, 'the product')}`, actors: [actors[0]!], priority: 'must' }];

  const candidates = spec.entities.length ? spec.entities : analysis.entities.filter((e) => !actors.some((a) => norm(a) === norm(asGroup(e.name))));
  let entities = uniqueBy(
    candidates.map((e) => ({
      name: capitalize(safeLabel(e.name, 32, '')),
      attributes: uniqueBy(e.attributes.map((a) => asciiLabel(a, 30, '').toLowerCase()), (a) => a).slice(0, MAX_ATTRIBUTES),
    })),
    (e) => pascal(e.name, ''),
  ).slice(0, MAX_ENTITIES);
  if (entities.length === 0) entities = [{ name: 'Record', attributes: ['title', 'created at'] }];

  const steps = (spec.steps.length ? spec.steps : useCases.map((uc) => ({ actor: uc.actors[0] ?? actors[0]!, action: uc.title })))
    .map((s) => ({ actor: s.actor || actors[0]!, action: safeLabel(s.action, 48) }))
    .slice(0, MAX_STEPS);
  return {
    name: safeLabel(source.projectName, 40, 'The product'),
    actors,
    useCases,
    entities,
    steps,
    notifies: /\b(remind|notif|email|e-mail|sms|alert|message)/i.test(text),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writers, one per kind

const DECISION = /\b(approve|review|check|verify|validate|confirm|accept|reject|moderate|sign in|log in|pay)\w*/i;

function actorIndex(facts: DiagramFacts, actor: string): number {
  const found = facts.actors.findIndex((a) => norm(a) === norm(actor));
  return found >= 0 ? found : 0;
}

function usecase(facts: DiagramFacts): string {
  const lines = ['flowchart LR'];
  facts.actors.forEach((actor, i) => lines.push(`  A${i}["${actor}"]`));
  lines.push(`  subgraph System["${facts.name}"]`);
  facts.useCases.forEach((uc, i) => lines.push(`    U${i}(["${uc.title}"])`));
  lines.push('  end');
  facts.useCases.forEach((uc, i) => {
    for (const actor of uc.actors.length ? uc.actors : [facts.actors[0]!]) lines.push(`  A${actorIndex(facts, actor)} --- U${i}`);
  });
  lines.push('  classDef actor fill:#eef4ff,stroke:#4a6fd1', `  class ${facts.actors.map((_, i) => `A${i}`).join(',')} actor`);
  return lines.join('\n');
}

function sequence(facts: DiagramFacts): string {
  const entity = facts.entities[0]!.name;
  const involved = uniqueBy(facts.steps.map((s) => s.actor), norm).slice(0, 3);
  const lines = ['sequenceDiagram', '  autonumber'];
  involved.forEach((actor, i) => lines.push(`  actor P${i} as ${actor}`));
  lines.push(`  participant App as ${facts.name} app`, '  participant API as Server', '  participant DB as Database');
  if (facts.notifies) lines.push('  participant Mail as Notification service');
  for (const step of facts.steps) {
    const p = `P${Math.max(0, involved.findIndex((a) => norm(a) === norm(step.actor)))}`;
    lines.push(`  ${p}->>App: ${step.action}`, `  App->>API: Send request`);
    if (DECISION.test(step.action)) {
      lines.push('  alt Request is valid', `    API->>DB: Save ${entity}`, '    DB-->>API: Saved', `    API-->>App: Done`, `    App-->>${p}: Show confirmation`, '  else Request is refused', `    API-->>App: Reason`, `    App-->>${p}: Show what to correct`, '  end');
    } else {
      lines.push(`  API->>DB: Read and write ${entity}`, '  DB-->>API: Result', '  API-->>App: Response', `  App-->>${p}: Show result`);
    }
    if (facts.notifies && /remind|notif|email|message|alert/i.test(step.action)) lines.push(`  API-)Mail: Send notification`, `  Mail--)${p}: Notification`);
  }
  return lines.join('\n');
}

function flowchart(facts: DiagramFacts): string {
  const lines = ['flowchart TD', '  Start(["Start"])'];
  let previous = 'Start';
  const edge = (to: string) => `  ${previous} ${previous.startsWith('D') ? '-- Yes -->' : '-->'} ${to}`;
  facts.steps.forEach((step, i) => {
    lines.push(`  S${i}["${step.action}"]`, edge(`S${i}`));
    previous = `S${i}`;
    if (DECISION.test(step.action)) {
      lines.push(`  D${i}{"Accepted?"}`, `  S${i} --> D${i}`, `  D${i} -- No --> F${i}["Show what to correct"]`, `  F${i} --> S${i}`);
      previous = `D${i}`;
    }
  });
  lines.push('  Done(["Done"])', edge('Done'));
  return lines.join('\n');
}

function activity(facts: DiagramFacts): string {
  const lines = ['flowchart TD', '  Start((" "))'];
  const lanes = uniqueBy(facts.steps.map((s) => s.actor), norm);
  lanes.forEach((lane, l) => {
    lines.push(`  subgraph L${l}["${lane}"]`);
    facts.steps.forEach((step, i) => {
      if (norm(step.actor) === norm(lane)) lines.push(`    S${i}("${step.action}")`);
    });
    lines.push('  end');
  });
  const anyDecision = facts.steps.some((s) => DECISION.test(s.action));
  let previous = 'Start';
  const edge = (to: string) => `  ${previous} ${previous.startsWith('D') ? '-- Yes -->' : '-->'} ${to}`;
  facts.steps.forEach((step, i) => {
    lines.push(edge(`S${i}`));
    previous = `S${i}`;
    const decides = DECISION.test(step.action);
    if (decides || (i === 0 && !anyDecision)) {
      lines.push(`  D${i}{"${decides ? 'Accepted?' : 'Information complete?'}"}`, `  S${i} --> D${i}`, `  D${i} -- No --> S${i}`);
      previous = `D${i}`;
    }
  });
  lines.push('  Stop(((" ")))', edge('Stop'));
  lines.push('  classDef terminal fill:#222,stroke:#222,color:#fff', '  class Start,Stop terminal');
  return lines.join('\n');
}

type AttributeType = 'string' | 'date' | 'datetime' | 'int' | 'decimal' | 'boolean' | 'uuid';

function attributeType(name: string): AttributeType {
  if (/\b(id|identifier)\b/.test(name)) return 'uuid';
  if (/\b(at|time|timestamp)\b/.test(name)) return 'datetime';
  if (/\b(date|day|deadline|birthday)\b/.test(name)) return 'date';
  if (/\b(count|number|quantity|age|duration|minutes|hours|size|capacity)\b/.test(name)) return 'int';
  if (/\b(price|amount|cost|total|fee|rate|balance)\b/.test(name)) return 'decimal';
  if (/^(is|has)\b|\b(active|enabled|approved)\b/.test(name)) return 'boolean';
  return 'string';
}

function attributesOf(entity: DataEntity): Array<{ name: string; type: AttributeType }> {
  const named = entity.attributes.map((a, i) => ({ name: identifier(a, `attribute_${i + 1}`), type: attributeType(a) }));
  const all = [{ name: 'id', type: 'uuid' as const }, ...named.filter((a) => a.name !== 'id' && a.name !== 'identifier')];
  return uniqueBy(all, (a) => a.name);
}

/** Pairs of entities that relate: a user-like entity owns the others; an entity named inside another's row links them. */
function relations(facts: DiagramFacts): Array<{ from: number; to: number; label: string }> {
  const entities = facts.entities;
  const owner = entities.findIndex((e) => /\b(user|account|member|customer|person|profile)\b/i.test(e.name));
  const links: Array<{ from: number; to: number; label: string }> = [];
  entities.forEach((entity, i) => {
    entities.forEach((other, j) => {
      if (i === j) return;
      if (entity.attributes.some((a) => norm(a).includes(norm(other.name)))) links.push({ from: j, to: i, label: 'has' });
    });
  });
  entities.forEach((_, i) => {
    if (owner >= 0 && i !== owner && !links.some((l) => l.to === i)) links.push({ from: owner, to: i, label: 'creates' });
    else if (owner < 0 && i > 0 && !links.some((l) => l.to === i)) links.push({ from: 0, to: i, label: 'has' });
  });
  return uniqueBy(links, (l) => `${Math.min(l.from, l.to)}-${Math.max(l.from, l.to)}`);
}

function er(facts: DiagramFacts): string {
  const ids = facts.entities.map((e, i) => `${pascal(e.name, 'Entity')}${i}`);
  const lines = ['erDiagram'];
  facts.entities.forEach((entity, i) => {
    lines.push(`  ${ids[i]}["${entity.name}"] {`);
    for (const attribute of attributesOf(entity)) lines.push(`    ${attribute.type} ${attribute.name}${attribute.name === 'id' ? ' PK' : ''}`);
    lines.push('  }');
  });
  for (const link of relations(facts)) lines.push(`  ${ids[link.from]} ||--o{ ${ids[link.to]} : "${link.label}"`);
  return lines.join('\n');
}

function classDiagram(facts: DiagramFacts): string {
  const ids = facts.entities.map((e, i) => `${pascal(e.name, 'Entity')}${i}`);
  const lines = ['classDiagram'];
  facts.entities.forEach((entity, i) => {
    lines.push(`  class ${ids[i]}["${entity.name}"] {`);
    for (const attribute of attributesOf(entity)) lines.push(`    +${attribute.type} ${attribute.name}`);
    const operations = facts.useCases
      .filter((uc) => norm(uc.title).includes(norm(entity.name)))
      .map((uc) => identifier(tokenize(uc.title)[0] ?? '', ''))
      .filter((op) => op !== '');
    for (const operation of uniqueBy(operations, (o) => o).slice(0, 4)) lines.push(`    +${operation}()`);
    lines.push('  }');
  });
  for (const link of relations(facts)) lines.push(`  ${ids[link.from]} "1" --> "*" ${ids[link.to]} : ${link.label}`);
  return lines.join('\n');
}

function state(facts: DiagramFacts): string {
  const entity = facts.entities.find((e) => !/\b(user|account)\b/i.test(e.name)) ?? facts.entities[0]!;
  const text = facts.useCases.map((uc) => uc.title).join(' ').toLowerCase();
  const lines = ['stateDiagram-v2', `  direction LR`, `  state "${entity.name} lifecycle" as Lifecycle {`];
  lines.push('    [*] --> Draft', '    Draft --> Submitted : submit');
  if (/approv|review|accept|moderat/.test(text)) {
    lines.push('    Submitted --> Approved : approve', '    Submitted --> Rejected : reject', '    Rejected --> Draft : revise', '    Approved --> Active');
  } else {
    lines.push('    Submitted --> Active : confirm');
  }
  if (/book|reserv|sign up|schedul/.test(text)) lines.push('    Active --> Cancelled : cancel', '    Cancelled --> [*]');
  if (/pay|order|purchase/.test(text)) lines.push('    Active --> Paid : pay', '    Paid --> Completed');
  else lines.push('    Active --> Completed : complete');
  lines.push('    Completed --> Archived : archive', '    Archived --> [*]', '  }', '  [*] --> Lifecycle', '  Lifecycle --> [*]');
  return lines.join('\n');
}

function architecture(facts: DiagramFacts): string {
  const name = asciiLabel(facts.name, 30, 'Product');
  const lines = [
    'architecture-beta',
    `  group product(cloud)[${name}]`,
    '  service browser(internet)[Browser]',
    '  service web(server)[Web app] in product',
    '  service api(server)[API server] in product',
    '  service db(database)[Database] in product',
    '  service files(disk)[File storage] in product',
    '  browser:R --> L:web',
    '  web:R --> L:api',
    '  api:R --> L:db',
    '  api:B --> T:files',
  ];
  if (facts.notifies) lines.push('  service mail(cloud)[Notification service]', '  api:T --> B:mail');
  return lines.join('\n');
}

function gantt(facts: DiagramFacts, startDate: string): string {
  const lines = ['gantt', `  title ${asciiLabel(facts.name, 40, 'Product')} delivery plan`, '  dateFormat YYYY-MM-DD', '  axisFormat %d %b', '  section Discovery', `  Confirm requirements :t0, ${startDate}, 5d`, '  Design screens and data :t1, after t0, 5d', '  section Build'];
  let previous = 't1';
  const ordered = [...facts.useCases].sort((a, b) => ['must', 'should', 'could'].indexOf(a.priority) - ['must', 'should', 'could'].indexOf(b.priority));
  ordered.forEach((uc, i) => {
    const days = uc.priority === 'must' ? 5 : uc.priority === 'should' ? 4 : 3;
    lines.push(`  ${asciiLabel(uc.title, 40, `Feature ${i + 1}`)} :${uc.priority === 'must' ? 'crit, ' : ''}b${i}, after ${previous}, ${days}d`);
    previous = `b${i}`;
  });
  lines.push('  section Quality and launch', `  Testing and fixes :q0, after ${previous}, 5d`, '  Launch :milestone, m0, after q0, 0d');
  return lines.join('\n');
}

const kindLabels: Record<DiagramKind, string> = {
  sequence: 'Sequence diagram',
  architecture: 'Architecture',
  usecase: 'Use case diagram',
  flowchart: 'Flowchart',
  class: 'Class diagram',
  activity: 'Activity diagram',
  er: 'Entity relationship diagram',
  state: 'State diagram',
  gantt: 'Delivery plan',
};

export function diagramKindLabel(kind: DiagramKind): string {
  return kindLabels[kind];
}

const DEFAULT_START = '2025-01-06';

/** A titled, described Mermaid diagram of one kind for a project's text. */
export function writeDiagram(kind: DiagramKind, source: DiagramSource): WrittenDiagram {
  const facts = diagramFacts(source);
  const startDate = source.startDate && /^\d{4}-\d{2}-\d{2}$/.test(source.startDate) ? source.startDate : DEFAULT_START;
  const mermaid = {
    sequence: () => sequence(facts),
    architecture: () => architecture(facts),
    usecase: () => usecase(facts),
    flowchart: () => flowchart(facts),
    class: () => classDiagram(facts),
    activity: () => activity(facts),
    er: () => er(facts),
    state: () => state(facts),
    gantt: () => gantt(facts, startDate),
  }[kind]();
  const about = {
    sequence: `How ${facts.actors.slice(0, 2).join(' and ')} work through ${facts.name}, step by step`,
    architecture: `The parts of ${facts.name} and how requests flow between them`,
    usecase: `What ${facts.actors.join(', ')} can do with ${facts.name}`,
    flowchart: `The main flow of ${facts.name} with its decisions`,
    class: `The classes of ${facts.name}: ${facts.entities.map((e) => e.name).join(', ')}`,
    activity: `The activities of ${facts.actors.slice(0, 3).join(', ')} in order, with decisions`,
    er: `The data ${facts.name} keeps: ${facts.entities.map((e) => e.name).join(', ')}`,
    state: `The lifecycle of a ${facts.entities[0]!.name.toLowerCase()}`,
    gantt: `A first delivery plan for ${facts.name}, must-haves first`,
  }[kind];
  return { title: `${facts.name} — ${kindLabels[kind]}`, description: `${about}.`, mermaid };
}
