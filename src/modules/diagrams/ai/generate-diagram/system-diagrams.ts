import { capitalize, stem, tokenize } from '../../../../core/text/index.js';
import type { ModelEntity, ProjectModel } from '../../../project-model/index.js';
import { asciiLabel, identifier, safeLabel } from './labels.js';

// A record's lifecycle (state), the system's parts (architecture) and the delivery plan (Gantt), from the model.

/** States a record leaves the main path for: it ends there instead of moving on. */
const SIDE_STATES = /^(?:cancel|reject|declin|expir|fail|withdraw|refus|abandon|lost|void|suspend)/;

/** The use case verb that brings a record into a state: one whose outcome, name or steps say the state's word. */
function verbInto(model: ProjectModel, entity: ModelEntity, state: string): string | undefined {
  const target = tokenize(state).map(stem);
  const says = (text: string) => {
    const stems = new Set(tokenize(text).map(stem));
    return target.length > 0 && target.every((w) => stems.has(w));
  };
  const acting = model.useCases.filter((u) => u.entity === entity.id || u.steps.some((s) => s.entity === entity.id));
  const found =
    acting.find((u) => says(u.outcome)) ??
    acting.find((u) => says(u.action) || says(u.name)) ??
    acting.find((u) => u.steps.some((s) => says(s.action)));
  return found ? identifier(found.action, '') || undefined : undefined;
}

export function state(model: ProjectModel, entity: ModelEntity | undefined): string {
  const lines = ['stateDiagram-v2'];
  if (!entity) {
    lines.push('  state "No record with a lifecycle is known yet" as Unknown', '  [*] --> Unknown');
    return lines.join('\n');
  }
  if (entity.states.length === 0) {
    lines.push(`  state "${safeLabel(entity.name, 40, 'Record')}" as Record`, '  [*] --> Record', '  note right of Record : No lifecycle states are known yet');
    return lines.join('\n');
  }
  lines.push('  direction LR');
  const states = entity.states.slice(0, 12);
  states.forEach((s, i) => lines.push(`  state "${capitalize(safeLabel(s, 40, 'State'))}" as S${i}`));
  const transition = (from: string, to: number) => {
    const verb = verbInto(model, entity, states[to]!);
    lines.push(`  ${from} --> S${to}${verb ? ` : ${verb}` : ''}`);
  };
  let main = -1;
  states.forEach((s, i) => {
    const side = SIDE_STATES.test(stem(tokenize(s)[0] ?? ''));
    transition(main < 0 ? '[*]' : `S${main}`, i);
    if (side) lines.push(`  S${i} --> [*]`);
    else main = i;
  });
  if (main >= 0) lines.push(`  S${main} --> [*]`);
  return lines.join('\n');
}

/** The client as the platform constraint names it. */
function clientOf(model: ProjectModel): string {
  const platform = model.constraints
    .filter((c) => c.category === 'platform')
    .map((c) => c.text)
    .join(' ');
  const webOnly = /\bweb\b/i.test(platform) && /\bno (?:native )?app\b|\bnot? (?:a )?native\b/i.test(platform);
  if (/\bmobile web\b/i.test(platform) || (webOnly && /\bmobile|phone/i.test(platform))) return 'Mobile browser';
  if (!webOnly && /\b(?:ios|android|native|app store)\b/i.test(platform)) return 'Mobile app';
  if (/\bdesktop\b/i.test(platform) && !/\bweb\b/i.test(platform)) return 'Desktop app';
  return 'Browser';
}

export function architecture(model: ProjectModel, productName: string): string {
  const name = asciiLabel(productName, 30, 'Product');
  const lines = [
    'architecture-beta',
    `  group product(cloud)[${name}]`,
    `  service client(internet)[${clientOf(model)}]`,
    '  service web(server)[Web app] in product',
    '  service api(server)[API server] in product',
    '  service db(database)[Database] in product',
    '  client:R --> L:web',
    '  web:R --> L:api',
    '  api:R --> L:db',
  ];
  if (model.entities.some((e) => e.attributes.some((a) => a.type === 'file'))) lines.push('  service files(disk)[File storage] in product', '  api:B --> T:files');
  // Outside systems the model names, each its own service talking to the API.
  model.actors
    .filter((a) => a.kind === 'system')
    .slice(0, 6)
    .forEach((actor, i) => {
      lines.push(`  service ext${i}(cloud)[${asciiLabel(actor.name, 30, `Outside system ${i + 1}`)}]`, `  api:T --> B:ext${i}`);
    });
  return lines.join('\n');
}

export function gantt(model: ProjectModel, productName: string, startDate: string): string {
  const lines = ['gantt', `  title ${asciiLabel(productName, 40, 'Product')} delivery plan`, '  dateFormat YYYY-MM-DD', '  axisFormat %d %b', '  section Discovery', `  Confirm the model and open questions :t0, ${startDate}, 5d`, '  section Build'];
  let previous = 't0';
  const rank = { must: 0, should: 1, could: 2 } as const;
  const ordered = [...model.useCases].sort((a, b) => rank[a.priority] - rank[b.priority]).slice(0, 20);
  ordered.forEach((uc, i) => {
    const days = uc.priority === 'must' ? 5 : uc.priority === 'should' ? 4 : 3;
    lines.push(`  ${asciiLabel(uc.name, 40, `Use case ${i + 1}`)} :${uc.priority === 'must' ? 'crit, ' : ''}b${i}, after ${previous}, ${days}d`);
    previous = `b${i}`;
  });
  lines.push('  section Quality and launch', `  Testing and fixes :q0, after ${previous}, 5d`, '  Launch :milestone, m0, after q0, 0d');
  return lines.join('\n');
}
