import { enc, isRecord } from '../../api/http';
import { diagramPath } from '../diagrams/diagram-paths';
import { documentPath } from '../documents/document-kinds';
import type { ChatCitation, ChatMessage } from './client';

/** The sources an answer cited (metadata.citations), in the order it cited them. */
export function citationsOfMessage(message: ChatMessage): ChatCitation[] {
  const list = message.metadata.citations;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is ChatCitation => isRecord(c) && typeof c.id === 'string' && typeof c.kind === 'string' && typeof c.title === 'string');
}

/** Where a citation opens: the document at its section, the diagram, the wireframe, or the Model tab for a model fact. */
export function citationPath(projectId: string, citation: ChatCitation): string | null {
  if (citation.kind === 'section' && citation.documentId) return documentPath(projectId, citation.documentId, { section: citation.blockId });
  if (citation.kind === 'diagram' && citation.diagramId) return diagramPath(projectId, citation.diagramId);
  if (citation.kind === 'wireframe' && citation.wireframeId) return `/projects/${enc(projectId)}/wireframes/${enc(citation.wireframeId)}`;
  // A fact is read from the project model, where it can be checked and corrected.
  if (citation.kind === 'model') return `/projects/${enc(projectId)}/model`;
  return null;
}
