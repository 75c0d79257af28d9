import type { ProjectFacts } from './project-facts.js';
import { unique } from './wording.js';

/** How a statement's sources read in a document: "the idea", "Scope statement › In scope". */
export function sourceLabels(facts: ProjectFacts, ids: readonly string[]): string[] {
  return unique(ids.map((id) => facts.passages.find((p) => p.id === id)?.label ?? id));
}

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
  const labels = unique(ids.map((id) => options.labelOf?.(id) ?? defaultLabel(id)).filter((l): l is string => Boolean(l)));
  return labels.length ? labels.join('; ') : undefined;
}
