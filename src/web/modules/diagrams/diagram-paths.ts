/** The page of a diagram. */
export function diagramPath(projectId: string, diagramId: string): string {
  return `/projects/${projectId}/diagrams/${diagramId}`;
}
