
export type RenderOptions = {
  /** How a source id reads in the document, e.g. "Scope statement › In scope"; ids without a label are left out. */
  labelOf?: (id: string) => string | undefined;
};

function defaultLabel(id: string): string | undefined {
  if (id === 'idea') return 'the idea';
  const answer = /^answer-(\d+)$/.exec(id);
  return answer ? `answer ${answer[1]} to the clarifying questions` : undefined;
}

export function sourceText(ids: readonly string[], options: RenderOptions): string | undefined {
  const labels = [...new Set(ids.map((id) => options.labelOf?.(id) ?? defaultLabel(id)).filter((l): l is string => Boolean(l)))];
  return labels.length ? labels.join('; ') : undefined;
}
