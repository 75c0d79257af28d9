import type { DiagramFacts } from './facts.js';
import { asciiLabel, norm, uniqueBy } from './labels.js';

// The diagrams of who does what, in which order: use cases, sequence, flowchart, activity, state, architecture and
// the delivery plan (Gantt).

const DECISION = /\b(approve|review|check|verify|validate|confirm|accept|reject|moderate|sign in|log in|pay)\w*/i;

function actorIndex(facts: DiagramFacts, actor: string): number {
  const found = facts.actors.findIndex((a) => norm(a) === norm(actor));
  return found >= 0 ? found : 0;
}

export function usecase(facts: DiagramFacts): string {
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

export function sequence(facts: DiagramFacts): string {
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

export function flowchart(facts: DiagramFacts): string {
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

export function activity(facts: DiagramFacts): string {
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

export function state(facts: DiagramFacts): string {
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

export function architecture(facts: DiagramFacts): string {
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

export function gantt(facts: DiagramFacts, startDate: string): string {
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
