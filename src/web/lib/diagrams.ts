/**
 * The diagrams API for the web pages, and Mermaid in the browser. Mermaid is imported on demand so it stays out of
 * the main bundle.
 */
import type mermaidModule from 'mermaid';
import { locate } from '../../shared/mermaid-location';
import { diagramTypes, type DiagramType } from '../../shared/workspace-kinds';
import { API_BASE, ApiError, apiRequest, isRecord, type Page } from '../api/client';

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

export type Diagram = {
  id: string;
  organizationId: string;
  projectId: string;
  type: DiagramType;
  title: string;
  description: string | null;
  mermaidCode: string;
  options: Record<string, unknown>;
  imageUrl: string | null;
  currentRev: number;
  sourceDocumentId: string | null;
  creatorId: string | null;
  generationId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type DiagramRevision = {
  rev: number;
  title: string;
  description: string | null;
  mermaidCode: string;
  options: Record<string, unknown>;
  note: string | null;
  createdBy: string | null;
  createdByName: string | null;
  generationId: string | null;
  restoredFrom: number | null;
  createdAt: string;
};

export type DiagramInput = { type: DiagramType; title: string; description?: string; mermaidCode: string };
export type DiagramPatch = { baseRev?: number; title?: string; description?: string | null; mermaidCode?: string; note?: string };

/** The parser's verdict as the server sends it in a 422's details. */
export type ParseProblem = { line: number | null; column?: number; message: string };

const enc = encodeURIComponent;
const base = (projectId: string) => `/projects/${enc(projectId)}/diagrams`;

export const diagramsApi = {
  list: (projectId: string, query: { type?: DiagramType; limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
    apiRequest<Page<Diagram>>('GET', base(projectId), { query, signal }),
  create: (projectId: string, input: DiagramInput) => apiRequest<Diagram>('POST', base(projectId), { body: input }),
  get: (projectId: string, id: string, signal?: AbortSignal) => apiRequest<Diagram>('GET', `${base(projectId)}/${enc(id)}`, { signal }),
  update: (projectId: string, id: string, patch: DiagramPatch) => apiRequest<Diagram>('PATCH', `${base(projectId)}/${enc(id)}`, { body: patch }),
  remove: (projectId: string, id: string) => apiRequest<void>('DELETE', `${base(projectId)}/${enc(id)}`),
  revisions: (projectId: string, id: string, query: { limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
    apiRequest<Page<DiagramRevision>>('GET', `${base(projectId)}/${enc(id)}/revisions`, { query, signal }),
  restore: (projectId: string, id: string, body: { rev: number; baseRev?: number }) =>
    apiRequest<Diagram>('POST', `${base(projectId)}/${enc(id)}/restore`, { body }),
  generate: (projectId: string, input: { type: DiagramType; from?: string; instructions?: string }) =>
    apiRequest<{ jobId: string }>('POST', `${base(projectId)}/generate`, { body: input }),
  mmdUrl: (projectId: string, id: string) => `${API_BASE}${base(projectId)}/${enc(id)}.mmd`,
};

/** The parser problem a 422 INVALID_DIAGRAM carries, if the error is one. */
export function parseProblemOf(error: unknown): ParseProblem | null {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_DIAGRAM' || !Array.isArray(error.data)) return null;
  const detail: unknown = error.data[0];
  if (!isRecord(detail) || typeof detail.message !== 'string') return null;
  return {
    line: typeof detail.line === 'number' ? detail.line : null,
    ...(typeof detail.column === 'number' ? { column: detail.column } : {}),
    message: detail.message,
  };
}

/** The current diagram a 409 from a stale save carries in its details, if the error is one. */
export function conflictDiagramOf(error: unknown): Diagram | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !isRecord(error.data)) return null;
  const current = error.data.diagram;
  return isRecord(current) && typeof current.mermaidCode === 'string' && typeof current.title === 'string' && typeof current.currentRev === 'number' ? (current as Diagram) : null;
}

export function diagramPath(projectId: string, diagramId: string): string {
  return `/projects/${projectId}/diagrams/${diagramId}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Mermaid in the browser

type MermaidApi = typeof mermaidModule;
let mermaidPromise: Promise<MermaidApi> | null = null;

/** Mermaid, loaded once on first use (a separate chunk). */
export function loadMermaid(): Promise<MermaidApi> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', fontFamily: 'inherit' });
    return mermaid;
  });
  return mermaidPromise;
}

let renderSequence = 0;

export type RenderResult = { ok: true; svg: string } | { ok: false; problem: ParseProblem };

/** Where a Mermaid error happened, from its location or its message ("Parse error on line 3", "line 2, column 13"). */
export function problemOf(error: unknown): ParseProblem {
  const message = error instanceof Error ? error.message : String(error);
  const hash = isRecord(error) && isRecord(error.hash) && isRecord(error.hash.loc) ? error.hash.loc : null;
  const line = hash && typeof hash.first_line === 'number' ? hash.first_line : null;
  return { ...locate(message, line, null), message: message.trim() || 'The Mermaid code does not parse' };
}

let renderQueue: Promise<unknown> = Promise.resolve();

/**
 * Parses, then renders to an SVG string; a parse error comes back with its line instead of throwing. Renders run one
 * at a time: Mermaid keeps global state while it draws.
 */
export function renderMermaid(code: string): Promise<RenderResult> {
  const run = renderQueue.then(() => renderNow(code));
  renderQueue = run.catch(() => undefined);
  return run;
}

async function renderNow(code: string): Promise<RenderResult> {
  const mermaid = await loadMermaid();
  if (code.trim() === '') return { ok: false, problem: { line: 1, message: 'The diagram is empty' } };
  try {
    await mermaid.parse(code);
    renderSequence += 1;
    const { svg } = await mermaid.render(`mermaid-render-${renderSequence}`, code);
    return { ok: true, svg };
  } catch (error) {
    // A failed render leaves its scratch element behind.
    document.getElementById(`dmermaid-render-${renderSequence}`)?.remove();
    return { ok: false, problem: problemOf(error) };
  }
}

/** A file name for downloads: the title in lower-case words joined by hyphens. */
export function fileBaseName(title: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return base || 'diagram';
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: string, title: string): void {
  download(new Blob([svg], { type: 'image/svg+xml' }), `${fileBaseName(title)}.svg`);
}

/** Draws the SVG on a canvas at twice its size (sharp on high-density screens) and downloads it as PNG. */
export async function downloadPng(svg: string, title: string): Promise<void> {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  const viewBox = root.getAttribute('viewBox')?.split(/[\s,]+/).map(Number) ?? [];
  const width = Math.ceil(viewBox[2] ?? Number.parseFloat(root.getAttribute('width') ?? '800')) || 800;
  const height = Math.ceil(viewBox[3] ?? Number.parseFloat(root.getAttribute('height') ?? '600')) || 600;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  const source = new XMLSerializer().serializeToString(root);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The diagram could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The image could not be encoded');
  download(blob, `${fileBaseName(title)}.png`);
}
