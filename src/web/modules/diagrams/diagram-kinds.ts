/** The kinds of diagrams, for pickers: labels, what each shows, and starting code. */
import { diagramTypes, type DiagramType } from '../../../shared/workspace-kinds';

export { diagramTypes, type DiagramType };

export const diagramTypeLabels: Record<DiagramType, string> = {
  sequence: 'Sequence',
  architecture: 'Architecture',
  usecase: 'Use case',
  flowchart: 'Flowchart',
  class: 'Class',
  activity: 'Activity',
  er: 'Entity relationship',
  state: 'State',
  gantt: 'Gantt',
};

export const diagramTypeDescriptions: Record<DiagramType, string> = {
  sequence: 'Who talks to whom, step by step, for the main use cases',
  architecture: 'The parts of the system and how requests flow between them',
  usecase: 'The actors and what each can do with the system',
  flowchart: 'The main flow with its decisions',
  class: 'The domain classes with attributes, operations and relations',
  activity: 'Activities per actor in swimlanes, with decisions',
  er: 'The data kept: entities, attributes and relationships',
  state: 'The lifecycle of the main domain object',
  gantt: 'A first delivery plan, must-haves first',
};

/** Starting code for a new diagram of each type: small, valid, and easy to change. */
export const diagramTemplates: Record<DiagramType, string> = {
  sequence: 'sequenceDiagram\n  actor User\n  participant App\n  User->>App: Sign in\n  App-->>User: Welcome',
  architecture:
    'architecture-beta\n  group app(cloud)[App]\n  service web(server)[Web] in app\n  service db(database)[Database] in app\n  web:R --> L:db',
  usecase: 'flowchart LR\n  A0["User"]\n  subgraph System["System"]\n    U0(["Sign in"])\n  end\n  A0 --- U0',
  flowchart: 'flowchart TD\n  Start(["Start"]) --> Step["Do something"]\n  Step --> Check{"OK?"}\n  Check -- Yes --> Done(["Done"])\n  Check -- No --> Step',
  class: 'classDiagram\n  class User {\n    +string name\n    +signIn()\n  }',
  activity: 'flowchart TD\n  Start((" ")) --> A("First activity")\n  A --> D{"Complete?"}\n  D -- No --> A\n  D -- Yes --> Stop(((" ")))',
  er: 'erDiagram\n  USER ||--o{ ORDER : places\n  USER {\n    uuid id PK\n    string name\n  }',
  state: 'stateDiagram-v2\n  [*] --> Draft\n  Draft --> Published : publish\n  Published --> [*]',
  gantt: `gantt\n  dateFormat YYYY-MM-DD\n  section Build\n  First feature :a1, ${new Date().toISOString().slice(0, 10)}, 5d`,
};
