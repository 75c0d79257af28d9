import type { StoryGenerationOutput } from './schema.js';

/**
 * A model's answer made safe to accept from: proposal ids unique (a repeated id gets a suffix), no criterion left
 * empty (the quality gate's repair drops a template token, and a criterion that was nothing else becomes ""), and
 * every proposal's epic listed once in `epics`, by title, whatever the model listed there. The offline answer
 * already is all of that.
 */
export function normalizeProposals(output: StoryGenerationOutput): StoryGenerationOutput {
  const used = new Set<string>();
  const epics = new Map<string, { title: string; description: string }>();
  for (const epic of output.epics) if (!epics.has(epic.title.trim().toLowerCase())) epics.set(epic.title.trim().toLowerCase(), { title: epic.title.trim(), description: epic.description.trim() });
  const proposals = output.proposals.map((proposal) => {
    const base = proposal.proposalId.trim();
    let proposalId = base;
    for (let n = 2; used.has(proposalId); n++) proposalId = `${base}-${n}`;
    used.add(proposalId);
    const key = proposal.epic.title.trim().toLowerCase();
    if (key && !epics.has(key)) epics.set(key, { title: proposal.epic.title.trim(), description: proposal.epic.description.trim() });
    const epic = key ? epics.get(key)! : { title: '', description: '' };
    return { ...proposal, proposalId, epic, acceptanceCriteria: proposal.acceptanceCriteria.map((c) => c.trim()).filter(Boolean) };
  });
  const usedEpics = new Set(proposals.map((p) => p.epic.title.toLowerCase()));
  return { epics: [...epics.entries()].filter(([key]) => usedEpics.has(key)).map(([, epic]) => epic), proposals };
}
